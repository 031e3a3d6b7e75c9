package dev.trellis.provider;

/**
 * The host answered a call to an actor with {@code InvocationResponse.error}: the invocation was
 * refused (anti-forgery, capability claims) or the actor failed. {@link #error()} is the text as it
 * came on the wire, e.g. {@code Guest call failed for method HttpServer.HandleRequest: …}.
 */
public class ActorErrorException extends ActorCallException {
  private final String error;

  public ActorErrorException(String message, String error) {
    super(message);
    this.error = error;
  }

  /** The error text of the response, verbatim. */
  public String error() {
    return error;
  }
}
