package dev.trellis.provider;

/**
 * A provider → actor call failed. The subclasses say why: {@link UnlinkedActorException} (no link,
 * nothing was sent), {@link ActorCallTimeoutException} (no reply in time, or nobody serves the
 * actor), {@link ActorErrorException} (the host answered with an error). This class itself covers
 * the rest: the request or reply could not be encoded, stored or decoded.
 */
public class ActorCallException extends ProviderException {
  public ActorCallException(String message) {
    super(message);
  }

  public ActorCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
