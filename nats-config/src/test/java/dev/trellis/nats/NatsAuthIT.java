package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways of controlplane §5.4 to authenticate, against servers that demand them. */
class NatsAuthIT {
  @TempDir Path dir;

  @Test
  void seedAloneAuthenticatesAsAnNkeyUser() throws Exception {
    NKey user = NKey.createUser(new SecureRandom());
    Path config =
        Files.writeString(
            dir.resolve("nkey.conf"),
            "authorization { users = [ { nkey: " + new String(user.getPublicKey()) + " } ] }\n");
    try (NatsServer server = started(config)) {
      NatsConfig withSeed =
          NatsConfig.builder().addUrl(server.url()).withSeed(new String(user.getSeed())).build();

      assertConnects(withSeed);
      assertThatThrownBy(() -> server.connectionConfig().connect())
          .isInstanceOf(NatsConnectException.class)
          .hasMessageStartingWith("failed to connect to NATS at " + server.url() + ": ");
    }
  }

  @Test
  void userJwtWithSeedAndCredsFileAuthenticateInOperatorMode() throws Exception {
    OperatorMode trust = OperatorMode.create();
    Path config = Files.writeString(dir.resolve("operator.conf"), trust.serverConfig());
    Path creds =
        Files.writeString(
            dir.resolve("user.creds"),
            String.format(
                JwtUtils.NATS_USER_JWT_FORMAT, trust.userJwt(), trust.userSeed().reveal()));
    try (NatsServer server = started(config)) {
      assertConnects(
          NatsConfig.builder()
              .addUrl(server.url())
              .withUserJwt(trust.userJwt(), trust.userSeed().reveal())
              .build());
      assertConnects(NatsConfig.builder().addUrl(server.url()).withCredsFile(creds).build());
      assertThatThrownBy(() -> server.connectionConfig().connect())
          .isInstanceOf(NatsConnectException.class);
    }
  }

  private static NatsServer started(Path config) {
    return NatsServer.builder().withConfigFile(config).withJetStream(false).build().start();
  }

  private static void assertConnects(NatsConfig config) throws Exception {
    Connection nc = config.connect();
    try {
      assertThat(nc.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      nc.flush(java.time.Duration.ofSeconds(5));
    } finally {
      nc.close();
    }
  }
}
