package dev.trellis.nats.chunking;

import dev.trellis.interfaces.TrellisException;

/**
 * A chunked payload could not be stored or fetched: JetStream is not enabled on the server (or not
 * in the configured domain), the object is missing, or the connection failed. The message names the
 * bucket and the object. The invocation that needed it cannot proceed; answer it with an error.
 */
public class ChunkingException extends TrellisException {
  public ChunkingException(String message, Throwable cause) {
    super(message, cause);
  }
}
