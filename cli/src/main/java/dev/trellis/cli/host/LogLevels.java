package dev.trellis.cli.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.trellis.cli.CliException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The log level of a host this process runs. The CLI picks the logging backend (logback, on stderr,
 * configured by {@code logback.xml}); this only changes the level of Trellis' loggers. The
 * nats-server launcher logs through {@code System.Logger} (JUL by default): its routine lines are
 * dropped, because the commands print where the server runs themselves.
 */
final class LogLevels {
  private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  /** Held so JUL keeps the level (it references loggers weakly). */
  private static final java.util.logging.Logger NATS_LAUNCHER =
      java.util.logging.Logger.getLogger("dev.trellis.nats");

  private LogLevels() {}

  /**
   * Sets the level of every {@code dev.trellis} logger.
   *
   * @throws CliException for an unknown level
   */
  static void apply(String level) {
    String name = level.strip().toLowerCase(Locale.ROOT);
    if (name.equals("warning")) {
      name = "warn";
    }
    if (!LEVELS.contains(name)) {
      throw new CliException(
          "failed to set the log level '" + level + "': use error, warn, info, debug or trace");
    }
    NATS_LAUNCHER.setLevel(java.util.logging.Level.WARNING);
    if (LoggerFactory.getLogger("dev.trellis") instanceof Logger logger) {
      logger.setLevel(Level.toLevel(name, Level.INFO));
    }
  }
}
