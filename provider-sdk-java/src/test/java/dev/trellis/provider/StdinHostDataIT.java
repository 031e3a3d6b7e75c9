package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HostData from a stdin stream: the line, its absence, a bad line, and the end of stdin. */
@WithNats
class StdinHostDataIT {

  @Test
  void startsFromTheStdinLineAndStopsWhenStdinEnds(NatsFixture nats, Lattice lattice)
      throws Exception {
    Harness h = new Harness(nats, lattice);
    PipedOutputStream host = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(host, 1 << 16);
    RecordingProvider provider = new RecordingProvider();
    ProviderRunner runner = ProviderRunner.builder(provider).withStdin(stdin).build();
    try {
      host.write(HostDataCodec.toStdinLine(h.hostData).getBytes(StandardCharsets.US_ASCII));
      host.flush();

      ProviderConnection connection = runner.start();

      assertThat(connection.providerKey()).isEqualTo(h.providerKey);
      assertThat(provider.events).containsExactly("start", "put:" + h.linkedActor);
      assertThat(runner.stopped()).isNotDone();

      host.close(); // the host is gone

      assertThat(runner.stopped().get(10, TimeUnit.SECONDS)).isEqualTo(StopReason.HOST_GONE);
      assertThat(provider.events).endsWith("shutdown");
    } finally {
      runner.close();
    }
  }

  @Test
  void noLineWithinTheTimeoutIsAHostDataException() throws Exception {
    PipedOutputStream silentHost = new PipedOutputStream();
    ProviderRunner runner =
        ProviderRunner.builder(new RecordingProvider())
            .withStdin(new PipedInputStream(silentHost))
            .withStdinTimeout(Duration.ofMillis(200))
            .build();
    try {
      assertThatThrownBy(runner::start)
          .isInstanceOf(HostDataException.class)
          .hasMessageStartingWith("failed to read HostData: no line on stdin within 200 ms; ")
          .hasMessageContaining("it is started by a Trellis host");
    } finally {
      silentHost.close();
      runner.close();
    }
  }

  @Test
  void badOrMissingLinesAreHostDataExceptions() {
    assertThatThrownBy(() -> runnerReading("not base64!\n").start())
        .isInstanceOf(HostDataException.class)
        .hasMessageStartingWith("failed to read HostData: failed to decode HostData: ");
    assertThatThrownBy(() -> runnerReading("").start())
        .isInstanceOf(HostDataException.class)
        .hasMessageContaining("stdin was closed before the HostData line");
    String noKey = "e30=\n"; // {}
    assertThatThrownBy(() -> runnerReading(noKey).start())
        .isInstanceOf(HostDataException.class)
        .hasMessageContaining("failed to read HostData");
  }

  private static ProviderRunner runnerReading(String stdin) {
    return ProviderRunner.builder(new RecordingProvider())
        .withStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)))
        .withStdinTimeout(Duration.ofSeconds(10))
        .build();
  }
}
