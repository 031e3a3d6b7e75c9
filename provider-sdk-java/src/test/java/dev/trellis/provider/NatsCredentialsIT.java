package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConnectException;
import dev.trellis.nats.NatsServer;
import dev.trellis.nats.OperatorMode;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider connects with HostData's NATS credentials: user JWT + seed, or a seed alone. */
class NatsCredentialsIT {
  @TempDir Path dir;

  @Test
  void connectsWithTheUserJwtAndSeedOfHostData() throws Exception {
    OperatorMode trust = OperatorMode.create();
    Path config = Files.writeString(dir.resolve("operator.conf"), trust.serverConfig());
    try (NatsServer server = server(config)) {
      HostData hostData =
          hostData(server)
              .withLatticeRpcUserJwt(trust.userJwt())
              .withLatticeRpcUserSeed(trust.userSeed())
              .build();
      Connection client =
          NatsConfig.builder()
              .addUrl(server.url())
              .withUserJwt(trust.userJwt(), trust.userSeed().reveal())
              .build()
              .connect();
      try {
        assertStartsAndAnswersHealth(hostData, client);
      } finally {
        client.close();
      }
      assertThatThrownBy(() -> runner(hostData(server).build()).start())
          .isInstanceOf(NatsConnectException.class)
          .hasMessageContaining("check lattice_rpc_url and the provider's NATS credentials");
    }
  }

  @Test
  void connectsWithASeedAloneAsAnNkeyUser() throws Exception {
    NKey user = NKey.createUser(new SecureRandom());
    Path config =
        Files.writeString(
            dir.resolve("nkey.conf"),
            "authorization { users = [ { nkey: " + new String(user.getPublicKey()) + " } ] }\n");
    try (NatsServer server = server(config)) {
      HostData hostData =
          hostData(server).withLatticeRpcUserSeed(Secret.of(new String(user.getSeed()))).build();
      Connection client =
          NatsConfig.builder()
              .addUrl(server.url())
              .withSeed(new String(user.getSeed()))
              .build()
              .connect();
      try {
        assertStartsAndAnswersHealth(hostData, client);
      } finally {
        client.close();
      }
    }
  }

  private static void assertStartsAndAnswersHealth(HostData hostData, Connection client)
      throws Exception {
    try (ProviderRunner runner = runner(hostData)) {
      runner.start();
      Message reply =
          client.request(
              Subjects.providerHealth(
                  hostData.latticeRpcPrefix(), hostData.providerKey(), hostData.linkName()),
              new byte[0],
              Duration.ofSeconds(10));
      assertThat(HealthCheckCodec.decodeResponse(reply.getData()).healthy()).isTrue();
    }
  }

  private static ProviderRunner runner(HostData hostData) {
    return ProviderRunner.builder(new RecordingProvider()).withHostData(hostData).build();
  }

  private static HostData.Builder hostData(NatsServer server) {
    return HostData.builder()
        .withHostId(KeyPair.generate(KeyType.SERVER).publicKey())
        .withLatticeRpcPrefix("creds")
        .withLinkName("default")
        .withLatticeRpcUrl(server.url())
        .withProviderKey(KeyPair.generate(KeyType.SERVICE).publicKey());
  }

  private static NatsServer server(Path config) {
    return NatsServer.builder().withConfigFile(config).withJetStream(false).build().start();
  }
}
