package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tls.conf: a TLS client connects and exchanges messages; a plain one is refused. */
class TlsConfigIT {

  @Test
  void tlsClientsConnectAndPlainOnesAreRefused(@TempDir Path dir) throws Exception {
    TestCertificate cert = TestCertificate.create(dir);
    try (NatsServer server =
        NatsServer.builder()
            .withBundledConfig(BundledServerConfig.TLS)
            .addEnvironment("TRELLIS_TLS_CERT", cert.certFile.toString())
            .addEnvironment("TRELLIS_TLS_KEY", cert.keyFile.toString())
            .build()
            .start()) {
      assertThat(server.output()).anyMatch(line -> line.contains("TLS required for client"));
      NatsConfig tls = NatsConfig.of("tls://127.0.0.1:" + server.port());
      Connection nc = Nats.connect(tls.optionsBuilder().sslContext(cert.clientContext).build());
      try {
        Subscription sub = nc.subscribe("wasmbus.evt.default");
        nc.flush(Duration.ofSeconds(5));
        nc.publish("wasmbus.evt.default", "secure".getBytes(StandardCharsets.UTF_8));
        Message message = sub.nextMessage(Duration.ofSeconds(5));
        assertThat(message).isNotNull();
        assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("secure");
      } finally {
        nc.close();
      }

      assertThatThrownBy(() -> server.connectionConfig().connect())
          .isInstanceOf(NatsConnectException.class)
          .hasMessageStartingWith("failed to connect to NATS at " + server.url());
    }
  }
}
