package dev.trellis.providers.httpclient;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.trellis.interfaces.wire.HostData;
import org.slf4j.LoggerFactory;

/**
 * Logback set up from HostData: everything to stderr (a host re-logs stdout), at {@code log_level}
 * (default info; jnats at warn), as JSON lines when {@code structured_logging} is true.
 */
final class ProviderLogging {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

  private ProviderLogging() {}

  static void configure(HostData hostData) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend is bound: leave it alone
    }
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if (hostData.structuredLogging()) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // One object per line: timestamp, level, thread, logger, the formatted message, throwable.
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithFormattedMessage(true);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(PATTERN);
      text.start();
      encoder = text;
    }
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(hostData.logLevel()));
    root.addAppender(stderr);
    context.getLogger("io.nats").setLevel(Level.WARN);
  }

  private static Level level(String logLevel) {
    return logLevel == null || logLevel.isBlank()
        ? Level.INFO
        : Level.toLevel(logLevel, Level.INFO);
  }
}
