package dev.trellis.host.actor;

/** The result of one inbound call into an actor (spec §1.3 step 7). */
public sealed interface GuestOutcome {

  /** The guest returned 1 and stored a response (absent → empty bytes). */
  record Success(byte[] response) implements GuestOutcome {}

  /**
   * The call failed: a guest error, an unread host error, a non-1 return code, a trap, a timeout or
   * a refused limit. {@code text} is what goes into {@code InvocationResponse.error}.
   */
  record Failure(String text) implements GuestOutcome {}

  static GuestOutcome success(byte[] response) {
    return new Success(response);
  }

  static GuestOutcome failure(String text) {
    return new Failure(text);
  }
}
