package dev.trellis.bench;

/**
 * How much each suite does: every loop in the bench is bounded by these counts.
 *
 * @param label how the run is described in the table header
 * @param requests requests per RPC/HTTP line
 * @param inFlight requests in flight at once
 * @param coldRuns repetitions of each cold-start figure (the median is reported)
 * @param bigModuleFunctions generated functions in the large cold-start module (~2 KiB each)
 * @param densityActors distinct actors started on one host
 * @param chunkBytes the chunked payload size
 * @param chunkRuns repetitions of each chunking figure (the median is reported)
 */
record Settings(
    String label,
    int requests,
    int inFlight,
    int coldRuns,
    int bigModuleFunctions,
    int densityActors,
    int chunkBytes,
    int chunkRuns) {

  static final int MIB = 1 << 20;

  static Settings full() {
    return new Settings("full", 40_000, 32, 5, 1_000, 1_000, 10 * MIB, 5);
  }

  static Settings quick() {
    return new Settings("quick", 4_000, 32, 3, 1_000, 100, 10 * MIB, 2);
  }

  /** Tiny counts for the build's smoke test: each suite runs once, figures mean nothing. */
  static Settings smoke() {
    return new Settings("smoke", 200, 8, 1, 16, 4, 2 * MIB, 1);
  }
}
