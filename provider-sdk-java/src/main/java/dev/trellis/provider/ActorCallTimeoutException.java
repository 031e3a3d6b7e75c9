package dev.trellis.provider;

/**
 * A call to an actor got no reply within the timeout ({@code default_rpc_timeout_ms} or the call's
 * own, plus 13 s for a chunked payload), or no host serves the actor (NATS "no responders"). The
 * actor may or may not have run.
 */
public class ActorCallTimeoutException extends ActorCallException {
  public ActorCallTimeoutException(String message) {
    super(message);
  }

  public ActorCallTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
