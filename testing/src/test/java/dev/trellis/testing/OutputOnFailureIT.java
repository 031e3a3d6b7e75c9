package dev.trellis.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.trellis.nats.NatsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs example classes through the JUnit engine and looks at what the extension printed. */
class OutputOnFailureIT {
  private static volatile boolean runningExamples;
  private static volatile long examplePid;

  private PrintStream originalErr;
  private ByteArrayOutputStream err;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    runningExamples = true;
  }

  @AfterEach
  void restoreStderr() {
    runningExamples = false;
    System.setErr(originalErr);
  }

  @Test
  void printsTheServerOutputAfterAClassWithAFailedTest() {
    Events tests = run(FailingExample.class);

    tests.assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(stderr())
        .contains("==== nats-server output for OutputOnFailureIT$FailingExample")
        .contains("Server is ready")
        .contains("==== end of nats-server output ====");
    assertThat(ProcessHandle.of(examplePid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void printsNothingAfterAClassWhoseTestsPassed() {
    Events tests = run(PassingExample.class);

    tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(stderr()).doesNotContain("nats-server output");
    assertThat(ProcessHandle.of(examplePid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  private static Events run(Class<?> example) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(example))
        .execute()
        .testEvents();
  }

  private String stderr() {
    System.err.flush();
    return err.toString(StandardCharsets.UTF_8);
  }

  @WithNats
  static class FailingExample {
    @Test
    void fails(NatsServer server) {
      assumeTrue(runningExamples, "runs only inside OutputOnFailureIT");
      examplePid = server.pid();
      fail("this example fails on purpose");
    }
  }

  @WithNats
  static class PassingExample {
    @Test
    void passes(NatsServer server) {
      assumeTrue(runningExamples, "runs only inside OutputOnFailureIT");
      examplePid = server.pid();
    }
  }
}
