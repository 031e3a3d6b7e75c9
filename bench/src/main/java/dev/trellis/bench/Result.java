package dev.trellis.bench;

import java.util.Locale;

/**
 * One line of the table: a figure with its unit, the latency quantiles when it is a rate, the
 * errors seen, and how it compares with the line it is measured against in the same run.
 *
 * @param suite the suite that measured it
 * @param name what was measured
 * @param value the figure, in {@code unit}
 * @param unit its unit, e.g. {@code /s}, {@code ms}, {@code MiB}, {@code MB/s}
 * @param p50Micros median latency, or NaN
 * @param p99Micros 99th percentile latency, or NaN
 * @param errors operations that failed
 * @param cpuMicros CPU time per operation of this JVM and its child processes, or NaN
 * @param versus the comparison with this suite's baseline line, or empty
 */
record Result(
    String suite,
    String name,
    double value,
    String unit,
    double p50Micros,
    double p99Micros,
    int errors,
    double cpuMicros,
    String versus) {

  /** A throughput line with latencies and the CPU time each operation cost. */
  static Result rate(
      String suite, String name, double perSecond, Latencies l, int errors, double cpuMicros) {
    return new Result(
        suite,
        name,
        perSecond,
        "/s",
        l.quantileMicros(0.50),
        l.quantileMicros(0.99),
        errors,
        cpuMicros,
        "");
  }

  /** A single figure (a time, a size, a speed). */
  static Result figure(String suite, String name, double value, String unit) {
    return new Result(suite, name, value, unit, Double.NaN, Double.NaN, 0, Double.NaN, "");
  }

  Result versus(String text) {
    return new Result(suite, name, value, unit, p50Micros, p99Micros, errors, cpuMicros, text);
  }

  Result withErrors(int count) {
    return new Result(suite, name, value, unit, p50Micros, p99Micros, count, cpuMicros, versus);
  }

  /**
   * This rate against {@code baseline}'s: the ratio, the added median latency and the added CPU
   * time per operation.
   */
  Result versusRate(Result baseline) {
    return versus(
        String.format(
            Locale.ROOT,
            "%.2f× %s, p50 %+.0f µs, CPU %+.0f µs",
            value / baseline.value,
            baseline.name,
            p50Micros - baseline.p50Micros,
            cpuMicros - baseline.cpuMicros));
  }

  /** The value with its unit, for the table. */
  String formattedValue() {
    String number =
        value >= 100 || value == Math.rint(value)
            ? String.format(Locale.ROOT, "%,.0f", value)
            : value >= 10
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    return number + " " + unit;
  }
}
