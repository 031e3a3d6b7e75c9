package dev.trellis.host.fault;

/**
 * One call made under load.
 *
 * @param sentNanos when it was sent ({@link System#nanoTime()})
 * @param latencyNanos how long it took to succeed or fail
 * @param ok whether the actor answered successfully
 * @param text the failure text (invocation error, HTTP status and body, or client exception), or
 *     empty
 */
record Outcome(long sentNanos, long latencyNanos, boolean ok, String text) {

  long endNanos() {
    return sentNanos + latencyNanos;
  }
}
