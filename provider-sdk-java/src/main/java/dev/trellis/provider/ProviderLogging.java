package dev.trellis.provider;

import dev.trellis.interfaces.wire.HostData;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sets up a provider process's logging from HostData, for providers whose {@code main} picked
 * logback as the SLF4J backend. Hand it to the runner:
 *
 * <pre>{@code
 * ProviderRunner runner =
 *     ProviderRunner.builder(new MyProvider()).onHostData(ProviderLogging::configure).build();
 * System.exit(runner.runToExit());
 * }</pre>
 *
 * <p>What it sets up, replacing whatever logback had loaded before (a provider's {@code
 * logback.xml} should say the same until HostData is read):
 *
 * <ul>
 *   <li>everything to stderr (a host re-logs a provider's stdout and stderr line by line, and
 *       stdout is not for logs);
 *   <li>the root level from HostData's {@code log_level} ({@code trace}, {@code debug}, {@code
 *       info}, {@code warn}, {@code error}, any case); info when it is absent, blank or unknown;
 *   <li>jnats ({@code io.nats}) and any other named noisy library at warn, whatever {@code
 *       log_level} says;
 *   <li>when {@code structured_logging} is true, one JSON object per line (logback's {@code
 *       JsonEncoder}: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName},
 *       {@code formattedMessage}, {@code throwable}); otherwise text in {@value #PATTERN}.
 * </ul>
 *
 * <p>With another SLF4J backend bound, or none, it does nothing: configure that backend yourself in
 * {@link ProviderRunner.Builder#onHostData}. The SDK itself needs logback only for this class (an
 * optional dependency): a provider that calls it declares {@code logback-classic}.
 */
public final class ProviderLogging {
  /** The layout of text lines: ISO-8601 time with offset, level, thread, logger, message. */
  public static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

  /** Logged at warn and above whatever {@code log_level} says: jnats. */
  public static final String NATS_LOGGER = "io.nats";

  private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

  private ProviderLogging() {}

  /** Logging as HostData asks; jnats at warn. Does nothing unless logback is the backend. */
  public static void configure(HostData hostData) {
    configure(hostData, new String[0]);
  }

  /**
   * Logging as HostData asks; jnats and the loggers named in {@code quietLoggers} (e.g. {@code
   * "io.netty"}) at warn. Does nothing unless logback is the backend.
   */
  public static void configure(HostData hostData, String... quietLoggers) {
    Object factory = LoggerFactory.getILoggerFactory();
    if (!factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
      return; // another backend (or none) is bound: leave it alone
    }
    // Only now is a logback class loaded, so the SDK runs without logback on the class path.
    List<String> quiet = new ArrayList<>();
    quiet.add(NATS_LOGGER);
    quiet.addAll(List.of(quietLoggers));
    LogbackSetup.apply(factory, hostData.logLevel(), hostData.structuredLogging(), quiet);
  }
}
