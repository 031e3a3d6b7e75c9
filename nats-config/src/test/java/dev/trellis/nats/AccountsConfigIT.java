package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** accounts.conf: the ctl and rpc users of one account and what each may do. */
class AccountsConfigIT {
  private static final String LA = "wasmbus.ctl.default.cmd.NHOST.la";
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server = NatsServer.builder().withBundledConfig(BundledServerConfig.ACCOUNTS).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void ctlUserSendsControlCommandsAndUsesTheAccountsJetStream() throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    Connection host = connect("ctl", "trellis-ctl-dev", errors);
    Connection wash = connect("ctl", "trellis-ctl-dev", errors);
    try {
      Dispatcher d =
          host.createDispatcher(
              m -> host.publish(m.getReplyTo(), bytes("{\"accepted\":true,\"error\":\"\"}")));
      d.subscribe(LA);
      host.flush(Duration.ofSeconds(5));

      Message ack = wash.request(LA, bytes("{\"actor_ref\":\"r\"}"), Duration.ofSeconds(5));

      assertThat(new String(ack.getData(), StandardCharsets.UTF_8)).contains("\"accepted\":true");
      wash.keyValueManagement()
          .create(KeyValueConfiguration.builder().name("LATTICEDATA_acct").build());
      wash.keyValue("LATTICEDATA_acct").put("REFMAP_x", "{}");
      assertThat(host.keyValue("LATTICEDATA_acct").get("REFMAP_x")).isNotNull();
      assertThat(errors).isEmpty();
    } finally {
      host.close();
      wash.close();
    }
  }

  @Test
  void rpcUserMayNotPublishControlCommands() throws Exception {
    List<String> ctlErrors = new CopyOnWriteArrayList<>();
    List<String> rpcErrors = new CopyOnWriteArrayList<>();
    Connection host = connect("ctl", "trellis-ctl-dev", ctlErrors);
    Connection provider = connect("rpc", "trellis-rpc-dev", rpcErrors);
    try {
      Subscription commands = host.subscribe("wasmbus.ctl.>");
      host.flush(Duration.ofSeconds(5));

      provider.publish(LA, bytes("{\"actor_ref\":\"evil\"}"));
      provider.flush(Duration.ofSeconds(5));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(rpcErrors)
                      .anyMatch(
                          e -> e.contains("Permissions Violation for Publish to \"" + LA + "\"")));
      assertThat(commands.nextMessage(Duration.ofMillis(200))).isNull();
      assertThat(ctlErrors).isEmpty();
    } finally {
      host.close();
      provider.close();
    }
  }

  @Test
  void rpcUsersRequestEachOtherOnTheRpcSubjects() throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    Connection host = connect("rpc", "trellis-rpc-dev", errors);
    Connection provider = connect("rpc", "trellis-rpc-dev", errors);
    try {
      Dispatcher d = host.createDispatcher(m -> host.publish(m.getReplyTo(), m.getData()));
      d.subscribe("wasmbus.rpc.default.MACTOR", "wasmbus.rpc.default.MACTOR");
      host.flush(Duration.ofSeconds(5));

      Message reply =
          provider.request("wasmbus.rpc.default.MACTOR", bytes("ping"), Duration.ofSeconds(5));

      assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("ping");
      assertThat(errors).isEmpty();
    } finally {
      host.close();
      provider.close();
    }
  }

  @Test
  void anonymousClientsAndWrongPasswordsAreRefused() {
    assertThatThrownBy(() -> server.connectionConfig().connect())
        .isInstanceOf(NatsConnectException.class);
    assertThatThrownBy(() -> connect("rpc", "wrong", new CopyOnWriteArrayList<>()))
        .isInstanceOf(Exception.class);
  }

  private static Connection connect(String user, String password, List<String> errors)
      throws Exception {
    ErrorListener listener =
        new ErrorListener() {
          @Override
          public void errorOccurred(Connection conn, String error) {
            errors.add(error);
          }
        };
    return Nats.connect(
        server
            .connectionConfig()
            .optionsBuilder()
            .userInfo(user, password)
            .errorListener(listener)
            .maxReconnects(0)
            .build());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
