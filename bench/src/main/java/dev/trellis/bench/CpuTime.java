package dev.trellis.bench;

import java.time.Duration;

/**
 * CPU time used so far by this JVM and every process it started (nats-server, providers): what a
 * request costs the whole machine, a figure that other load on the machine moves far less than a
 * rate. Read from the operating system ({@link ProcessHandle.Info#totalCpuDuration}); a process
 * that ends between two readings drops out, so a line's processes must outlive its measurement.
 */
final class CpuTime {
  private CpuTime() {}

  /** Nanoseconds of CPU used by this process and its descendants. */
  static long nanos() {
    long total = nanosOf(ProcessHandle.current());
    for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
      total += nanosOf(child);
    }
    return total;
  }

  private static long nanosOf(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
