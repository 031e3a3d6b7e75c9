package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.api.AccountStatistics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsServerIT {

  @Test
  void servesClientsOnAFreePortAndStopsByPid() throws Exception {
    NatsServer server = NatsServer.builder().build().start();
    long pid = server.pid();
    Path store = server.storeDir();
    Connection nc = server.connectionConfig().connect();
    try {
      Dispatcher echo = nc.createDispatcher(msg -> nc.publish(msg.getReplyTo(), msg.getData()));
      echo.subscribe("echo");

      Message reply =
          nc.request("echo", "hi".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

      assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("hi");
    } finally {
      nc.close();
    }
    assertThat(server.url()).isEqualTo("nats://127.0.0.1:" + server.port());
    assertThat(server.isRunning()).isTrue();
    assertThat(ProcessHandle.of(pid)).isPresent();
    assertThat(server.output()).anyMatch(line -> line.contains("Server is ready"));

    server.close();

    assertThat(server.isRunning()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    assertThat(store).doesNotExist();
    server.close();
  }

  @Test
  void bundledDevConfigRunsJetStream() throws Exception {
    try (NatsServer server =
        NatsServer.builder()
            .withBundledConfig(BundledServerConfig.DEV)
            .withJetStream(false)
            .build()
            .start()) {
      Connection nc = server.connectionConfig().connect();
      try {
        AccountStatistics stats = nc.jetStreamManagement().getAccountStatistics();

        assertThat(stats.getStreams()).isZero();
      } finally {
        nc.close();
      }
      assertThat(server.output()).anyMatch(line -> line.contains("dev.conf"));
      assertThat(server.storeDir().resolve("jetstream")).isDirectory();
    }
  }

  @Test
  void servesMonitoringOnAFreePortWhenAsked() throws Exception {
    try (NatsServer server = NatsServer.builder().withMonitorPort(0).build().start()) {
      int monitor = server.monitorPort().orElseThrow();
      HttpResponse<String> varz =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitor + "/varz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(monitor).isNotEqualTo(server.port());
      assertThat(varz.statusCode()).isEqualTo(200);
      assertThat(varz.body()).contains("\"port\": " + server.port());
    }
  }

  @Test
  void noMonitoringPortUnlessAsked() {
    try (NatsServer server = NatsServer.builder().build().start()) {
      assertThat(server.monitorPort()).isEmpty();
    }
  }

  @Test
  void keepsAStoreDirectoryItWasGiven(@TempDir Path dir) {
    Path store = dir.resolve("store");
    try (NatsServer server = NatsServer.builder().withStoreDir(store).build().start()) {
      assertThat(server.storeDir()).isEqualTo(store);
    }

    assertThat(store.resolve("jetstream")).isDirectory();
  }

  @Test
  void passesEveryOutputLineToTheListener() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (NatsServer server = NatsServer.builder().withOutputListener(seen::add).build().start()) {
      assertThat(seen).anyMatch(line -> line.contains("Server is ready"));
      assertThat(seen).containsAll(server.output());
    }
  }

  @Test
  void aConfigThatLogsToAFileIsReadyOnceItAcceptsConnections(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("nats.log");
    Path config = Files.writeString(dir.resolve("quiet.conf"), "log_file: \"" + log + "\"\n");

    try (NatsServer server = NatsServer.builder().withConfigFile(config).build().start();
        Connection connection = server.connectionConfig().connect()) {
      assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      assertThat(server.output()).noneMatch(line -> line.contains("Server is ready"));
      assertThat(Files.readString(log)).contains("Server is ready");
    }
  }

  @Test
  void aBrokenConfigFileFailsWithTheServersOwnMessage(@TempDir Path dir) throws IOException {
    Path config =
        Files.writeString(dir.resolve("broken.conf"), "jetstream {\n  max_file_store: \n");
    NatsServer server = NatsServer.builder().withConfigFile(config).build();

    assertThatThrownBy(server::start)
        .isInstanceOf(NatsServerException.class)
        .hasMessageStartingWith("failed to start nats-server on 127.0.0.1:")
        .hasMessageContaining("before it was ready")
        .hasMessageContaining("broken.conf")
        .hasMessageContaining("Parse error");
    assertThat(server.isRunning()).isFalse();
    server.close();
  }

  @Test
  void aTakenExplicitPortFailsAndNamesThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> NatsServer.builder().withPort(port).build().start())
          .isInstanceOf(NatsServerException.class)
          .hasMessageStartingWith("failed to start nats-server on 127.0.0.1:" + port + ":")
          .hasMessageContaining("address already in use");
    }
  }

  @Test
  void startsOnlyOnce() {
    try (NatsServer server = NatsServer.builder().build().start()) {
      assertThatThrownBy(server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already started");
    }
  }

  @Test
  void closingAServerThatNeverStartedDoesNothing() {
    NatsServer server = NatsServer.builder().build();
    server.close();

    assertThat(server.isRunning()).isFalse();
    assertThat(server.toString()).isEqualTo("nats-server (not started)");
  }

  @Test
  void aMissingExplicitBinaryIsReportedBeforeAnythingRuns(@TempDir Path dir) {
    NatsServer server = NatsServer.builder().withBinary(dir.resolve("nats-server")).build();

    assertThatThrownBy(server::start)
        .isInstanceOf(NatsServerNotFoundException.class)
        .hasMessageContaining("apt-get install nats-server");
  }
}
