package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.TrellisException;

/** A listener could not be opened, e.g. because its port is taken. */
public class ListenerException extends TrellisException {
  public ListenerException(String message, Throwable cause) {
    super(message, cause);
  }
}
