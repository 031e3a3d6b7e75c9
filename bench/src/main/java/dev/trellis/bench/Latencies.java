package dev.trellis.bench;

import java.util.Arrays;

/** Recorded latencies of one measured run, in nanoseconds. */
final class Latencies {
  private final long[] nanos;
  private int count;

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  synchronized void add(long value) {
    if (count < nanos.length) {
      nanos[count++] = value;
    }
  }

  /** The {@code q}-quantile (0..1) in microseconds. */
  synchronized double quantileMicros(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.round(q * (count - 1)));
    return sorted[index] / 1_000.0;
  }

  synchronized int count() {
    return count;
  }
}
