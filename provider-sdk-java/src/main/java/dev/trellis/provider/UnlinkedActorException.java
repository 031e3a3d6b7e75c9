package dev.trellis.provider;

/** A call to an actor that has no link to this provider: nothing was sent. */
public class UnlinkedActorException extends ActorCallException {
  public UnlinkedActorException(String message) {
    super(message);
  }
}
