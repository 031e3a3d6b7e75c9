package dev.trellis.host.actor;

import dev.trellis.interfaces.TrellisException;

/**
 * An actor module could not be loaded: it is not valid wasm, lacks the wasmbus exports, imports
 * something the host does not provide, needs more memory than its limit, or its claims are missing
 * or invalid. The message names the actor and the problem.
 */
public class ActorLoadException extends TrellisException {
  public ActorLoadException(String message) {
    super(message);
  }

  public ActorLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
