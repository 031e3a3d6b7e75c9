package dev.trellis.provider;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.List;

/**
 * The logback half of {@link ProviderLogging}, in a class of its own so that nothing loads a
 * logback class unless logback is the bound backend.
 */
final class LogbackSetup {
  private LogbackSetup() {}

  /**
   * @param factory the bound {@link LoggerContext}
   * @param logLevel HostData's {@code log_level}, possibly null
   * @param json HostData's {@code structured_logging}
   * @param quietLoggers loggers held at warn
   */
  static void apply(Object factory, String logLevel, boolean json, List<String> quietLoggers) {
    LoggerContext context = (LoggerContext) factory;
    context.reset();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(json ? jsonEncoder(context) : textEncoder(context));
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(logLevel));
    root.addAppender(stderr);
    for (String name : quietLoggers) {
      context.getLogger(name).setLevel(Level.WARN);
    }
  }

  /** One object per line: timestamp, level, thread, logger, the formatted message, throwable. */
  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    return json;
  }

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(ProviderLogging.PATTERN);
    text.start();
    return text;
  }

  private static Level level(String logLevel) {
    return logLevel == null || logLevel.isBlank()
        ? Level.INFO
        : Level.toLevel(logLevel, Level.INFO);
  }
}
