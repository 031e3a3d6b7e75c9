package dev.trellis.cli.ctl;

import dev.trellis.cli.lattice.Pairs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The auction options of {@code start actor} and {@code start provider}. */
final class AuctionOptions {
  @Option(
      names = {"-c", "--constraint"},
      paramLabel = "LABEL=VALUE",
      description = "Only hosts with this label value bid in the auction (repeatable).")
  List<String> constraints;

  @Option(
      names = "--auction-timeout-ms",
      paramLabel = "MS",
      defaultValue = "2000",
      description = "How long to wait for bids (default 2000).")
  long auctionTimeoutMs;

  /** The label constraints, parsed. */
  Map<String, String> labels() {
    return Pairs.parse(constraints, "constraint");
  }

  /** How long bids are collected. */
  Duration window() {
    return Duration.ofMillis(auctionTimeoutMs);
  }
}
