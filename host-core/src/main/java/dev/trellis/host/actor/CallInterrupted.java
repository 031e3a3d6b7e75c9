package dev.trellis.host.actor;

/** Unwinds a guest whose call was interrupted (deadline passed or actor stopped) in a host call. */
final class CallInterrupted extends RuntimeException {
  CallInterrupted() {
    super("call interrupted", null, false, false);
  }
}
