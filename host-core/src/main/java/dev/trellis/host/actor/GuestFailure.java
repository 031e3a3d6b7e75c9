package dev.trellis.host.actor;

/** Turns a trap or runtime failure of a guest into the text callers see (its root cause). */
final class GuestFailure {
  private GuestFailure() {}

  static String describe(Throwable failure) {
    if (failure instanceof StackOverflowError) {
      return "call stack exhausted";
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof StackOverflowError) {
      return "call stack exhausted";
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    return message;
  }
}
