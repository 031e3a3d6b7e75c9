package dev.trellis.bench;

import java.util.Arrays;

/**
 * Repeats an operation a fixed number of times and keeps the median duration, after one untimed run
 * (JIT warm-up, lazily created buckets and connections).
 */
final class Timing {
  private Timing() {}

  /** Something to time; may throw. */
  @FunctionalInterface
  interface Timed {
    void run() throws Exception;
  }

  /** The median of {@code runs} timings of {@code body}, in milliseconds. */
  static double medianMillis(int runs, Timed body) throws Exception {
    body.run();
    double[] millis = new double[Math.max(1, runs)];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      body.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }
}
