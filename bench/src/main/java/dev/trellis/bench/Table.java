package dev.trellis.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints results as one Markdown table. */
final class Table {
  private Table() {}

  static void print(PrintStream out, String header, List<Result> results) {
    int nameWidth = "measurement".length();
    for (Result r : results) {
      nameWidth = Math.max(nameWidth, r.name().length());
    }
    String row = "| %-9s | %-" + nameWidth + "s | %14s | %8s | %8s | %9s | %6s | %s |%n";
    out.printf(Locale.ROOT, "%n%s%n%n", header);
    out.printf(
        Locale.ROOT,
        row,
        "suite",
        "measurement",
        "value",
        "p50 µs",
        "p99 µs",
        "CPU µs/op",
        "errors",
        "versus");
    out.printf(
        Locale.ROOT,
        "|%s|%s|%s|%s|%s|%s|%s|%s|%n",
        "-".repeat(11),
        "-".repeat(nameWidth + 2),
        "-".repeat(16),
        "-".repeat(10),
        "-".repeat(10),
        "-".repeat(11),
        "-".repeat(8),
        "-".repeat(8));
    for (Result r : results) {
      out.printf(
          Locale.ROOT,
          row,
          r.suite(),
          r.name(),
          r.formattedValue(),
          micros(r.p50Micros()),
          micros(r.p99Micros()),
          micros(r.cpuMicros()),
          r.errors(),
          r.versus());
    }
    out.flush();
  }

  private static String micros(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%,.0f", value);
  }
}
