package dev.trellis.bench;

import dev.trellis.interfaces.keys.Ed25519Engine;
import dev.trellis.nats.NatsServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmark entry point: {@code bench/run [--quick] [suite ...]}. Starts its own nats-server on
 * loopback, runs the suites named (all by default) one after the other and prints one Markdown
 * table; every ratio compares lines measured in this same run on this machine.
 */
public final class Bench {
  /** Every suite by name, in the order they run. */
  static final Map<String, Supplier<Suite>> SUITES = suites();

  private Bench() {}

  private static Map<String, Supplier<Suite>> suites() {
    Map<String, Supplier<Suite>> all = new LinkedHashMap<>();
    all.put(RpcSuite.NAME, RpcSuite::new);
    all.put(IsolationSuite.NAME, IsolationSuite::new);
    all.put(HttpSuite.NAME, HttpSuite::new);
    all.put(ColdSuite.NAME, ColdSuite::new);
    all.put(DensitySuite.NAME, DensitySuite::new);
    all.put(ChunkSuite.NAME, ChunkSuite::new);
    return all;
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      // Providers on the classpath bring a logback.xml of their own; the bench's wins.
      System.setProperty("logback.configurationFile", "logback-bench.xml");
    }
    Settings settings = Settings.full();
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--quick")) {
        settings = Settings.quick();
      } else if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println("usage: bench/run [--quick] [suite ...]; suites: " + SUITES.keySet());
        return;
      } else if (SUITES.containsKey(arg)) {
        names.add(arg);
      } else {
        System.err.println("unknown suite '" + arg + "'; suites: " + SUITES.keySet());
        System.exit(2);
      }
    }
    run(names.isEmpty() ? List.copyOf(SUITES.keySet()) : names, settings, System.out);
  }

  /**
   * Runs {@code names} with {@code settings} against a nats-server of its own; prints the table.
   */
  static List<Result> run(List<String> names, Settings settings, PrintStream out) throws Exception {
    List<Result> results = new ArrayList<>();
    String natsVersion;
    try (NatsServer server = NatsServer.builder().withPort(0).withJetStream(true).build().start()) {
      natsVersion = natsVersion(server);
      for (String name : names) {
        out.printf(Locale.ROOT, "running %s ...%n", name);
        out.flush();
        long start = System.nanoTime();
        results.addAll(SUITES.get(name).get().run(server, settings));
        out.printf(Locale.ROOT, "  %s done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
      }
    }
    Table.print(out, header(settings, natsVersion), results);
    return results;
  }

  private static String header(Settings settings, String natsVersion) {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "Trellis benchmark (%s): %d cores, %.1f GiB max heap, %s %s on %s %s, nats-server %s,"
            + " Ed25519 by %s, loopback; %,d requests per RPC line, %d in flight",
        settings.label(),
        runtime.availableProcessors(),
        runtime.maxMemory() / (double) (1L << 30),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        natsVersion,
        Ed25519Engine.current(),
        settings.requests(),
        settings.inFlight());
  }

  /** The version the server printed at start ("Version: 2.9.10"), or "unknown". */
  private static String natsVersion(NatsServer server) {
    for (String line : server.output()) {
      int at = line.indexOf("Version:");
      if (at >= 0) {
        return line.substring(at + "Version:".length()).trim();
      }
    }
    return "unknown";
  }
}
