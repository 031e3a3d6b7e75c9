package dev.trellis.bench;

import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark entry point: starts its own nats-server on loopback, runs each suite and prints one
 * table whose ratios compare figures measured in this same run.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    int count = quick ? 4_000 : 40_000;
    int inFlight = 32;
    List<Result> results = new ArrayList<>();
    try (NatsServer server = NatsServer.builder().withPort(0).withJetStream(true).build().start();
        Connection client = server.connectionConfig().connect();
        Connection host = server.connectionConfig().connect()) {
      results.addAll(new RpcSuite(client, host, count, inFlight).run());
    }
    print(results, count, inFlight);
  }

  static void print(List<Result> results, int count, int inFlight) {
    System.out.printf(
        Locale.ROOT,
        "%nTrellis benchmark: %d cores, Java %s, %d requests per line, %d in flight, loopback%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        count,
        inFlight);
    System.out.printf(
        Locale.ROOT,
        "| %-38s | %10s | %8s | %8s | %6s | %-22s |%n",
        "measurement",
        "per second",
        "p50 µs",
        "p99 µs",
        "errors",
        "vs raw");
    System.out.println(
        "|"
            + "-".repeat(40)
            + "|"
            + "-".repeat(12)
            + "|"
            + "-".repeat(10)
            + "|"
            + "-".repeat(10)
            + "|"
            + "-".repeat(8)
            + "|"
            + "-".repeat(24)
            + "|");
    Result raw = results.isEmpty() ? null : results.get(0);
    for (Result r : results) {
      String ratio =
          raw == null || r == raw
              ? "1.00"
              : String.format(
                  Locale.ROOT,
                  "%.2f (p50 %+.0f µs)",
                  r.perSecond() / raw.perSecond(),
                  r.p50Micros() - raw.p50Micros());
      System.out.printf(
          Locale.ROOT,
          "| %-38s | %10.0f | %8.0f | %8.0f | %6d | %-22s |%n",
          r.name(),
          r.perSecond(),
          r.p50Micros(),
          r.p99Micros(),
          r.errors(),
          ratio);
    }
  }
}
