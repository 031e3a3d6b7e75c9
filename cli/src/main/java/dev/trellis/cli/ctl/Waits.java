package dev.trellis.cli.ctl;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import java.time.Duration;

/**
 * How long commands wait for the event that reports the outcome. The host acknowledges long
 * operations first and reports by events (controlplane §2), so the wait is generous (§8.4: users
 * hit short waits on slow starts): {@code -t/--timeout-ms} when given, else these defaults.
 */
final class Waits {
  /** Actors: compile and instantiate (≈1 s for a 2 MB module; more on a busy machine). */
  static final Duration ACTOR = Duration.ofSeconds(30);

  /** Providers: extract the archive, spawn, connect (wash waits 60 s). */
  static final Duration PROVIDER = Duration.ofSeconds(60);

  /** A started provider connecting to NATS and answering its first health check. */
  static final Duration PROVIDER_READY = Duration.ofSeconds(30);

  /** A host stopping its actors and providers. */
  static final Duration HOST = Duration.ofSeconds(60);

  private Waits() {}

  static Duration of(
      CommandContext ctx, CtlOptions options, CtlConnection conn, Duration fallback) {
    return options.timeoutGiven(ctx) ? conn.timeout() : fallback;
  }

  static String seconds(Duration wait) {
    long ms = wait.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** The failure when no outcome event came in time. */
  static CliException timedOut(String action, String event, Duration wait, String check) {
    return new CliException(
        "failed to "
            + action
            + ": no "
            + event
            + " event within "
            + seconds(wait)
            + "; the host may still be working on it ("
            + check
            + "); wait longer with -t/--timeout-ms or skip the wait with --skip-wait");
  }
}
