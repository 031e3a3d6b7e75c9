package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.trellis.interfaces.wire.HostData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HostData's {@code log_level} and {@code structured_logging}, applied to logback. */
class ProviderLoggingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream realStderr;

  @BeforeEach
  void captureStderr() {
    realStderr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() throws Exception {
    System.setErr(realStderr);
    context.reset();
    new ContextInitializer(context).autoConfig(); // logback-test.xml again
  }

  @Test
  void logLevelSetsTheRootLevelAndJnatsStaysAtWarn() {
    ProviderLogging.configure(HostData.builder().withLogLevel("DEBUG").build());

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("io.nats").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void anAbsentOrUnknownLevelIsInfo() {
    ProviderLogging.configure(HostData.builder().build());
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);

    ProviderLogging.configure(HostData.builder().withLogLevel("chatty").build());
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void namedLoggersAreQuietedToo() {
    ProviderLogging.configure(HostData.builder().withLogLevel("trace").build(), "io.netty");

    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.nats").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void textLinesGoToStderr() {
    ProviderLogging.configure(HostData.builder().build());

    LoggerFactory.getLogger("example").info("provider started provider={}", "VABC");

    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .matches(
            "(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[[^]]+\\] example"
                + " - provider started provider=VABC\\R");
  }

  @Test
  void structuredLoggingWritesOneJsonObjectPerLine() {
    ProviderLogging.configure(HostData.builder().withStructuredLogging(true).build());

    LoggerFactory.getLogger("example").info("provider started provider={}", "VABC");

    String line = stderr.toString(StandardCharsets.UTF_8).strip();
    assertThat(line).startsWith("{").endsWith("}").doesNotContain("\n");
    assertThat(line)
        .contains("\"level\":\"INFO\"")
        .contains("\"loggerName\":\"example\"")
        .contains("\"formattedMessage\":\"provider started provider=VABC\"");
  }
}
