package dev.trellis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/** Heap and metaspace in use after garbage collection, for per-actor footprints. */
final class Heap {
  private Heap() {}

  /** Bytes of heap in use once repeated collections stop freeing more than 1%. */
  static long usedAfterGc() throws InterruptedException {
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < 8; round++) {
      System.gc();
      Thread.sleep(100);
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (used >= previous * 0.99) {
        return Math.min(used, previous);
      }
      previous = used;
    }
    return previous;
  }

  /** Bytes of metaspace in use (compiled modules are JVM classes), or 0 when not reported. */
  static long metaspaceUsed() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if ("Metaspace".equals(pool.getName())) {
        return pool.getUsage().getUsed();
      }
    }
    return 0;
  }
}
