package dev.trellis.host.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.HostConfig;
import dev.trellis.host.link.InMemoryLinkStore;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor with real child processes. The providers here are small shell scripts (they do not
 * speak NATS); the NATS side of the protocol is covered with SDK-built providers elsewhere.
 */
@WithNats
class ProviderSupervisorIT {
  @TempDir Path dir;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private ProviderSupervisor supervisor;

  private final ProviderListener recorder =
      new ProviderListener() {
        @Override
        public void started(HostedProvider p) {
          events.add("started " + p.instanceId());
        }

        @Override
        public void stopped(HostedProvider p, String reason) {
          events.add("stopped " + reason);
        }

        @Override
        public void health(HostedProvider p, boolean healthy, boolean changed) {
          events.add("health " + healthy + (changed ? " changed" : ""));
        }

        @Override
        public void crashLoop(HostedProvider p, int exits, String lastError) {
          events.add("crash loop " + exits);
        }
      };

  private ProviderSupervisor supervisor(
      Connection nc, Lattice lattice, InMemoryLinkStore links, RestartPolicy policy) {
    HostConfig host =
        HostConfig.builder()
            .withLatticePrefix(lattice.prefix())
            .withRpcTimeout(Duration.ofMillis(500))
            .build();
    hostId = host.hostId();
    supervisor =
        new ProviderSupervisor(
            host,
            SupervisorConfig.defaults("127.0.0.1:4222")
                .withHealth(Duration.ofMillis(200), Duration.ofMillis(200))
                .withRestart(policy)
                .withCacheDir(dir.resolve("cache")),
            nc,
            links,
            recorder);
    return supervisor;
  }

  @AfterEach
  void close() {
    if (supervisor != null) {
      supervisor.close();
    }
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static final String KEY = KeyPair.generate(KeyType.SERVICE).publicKey();

  private static LinkDefinition link(String actor) {
    return new LinkDefinition(actor, KEY, "default", "trellis:test", Map.of("K", "V"));
  }

  private static final String ACTOR_A = KeyPair.generate(KeyType.MODULE).publicKey();
  private static final String ACTOR_B = KeyPair.generate(KeyType.MODULE).publicKey();

  @Test
  void writesHostDataAndRestartsAKilledProviderWithItsCurrentLinks(Connection nc, Lattice lattice)
      throws Exception {
    InMemoryLinkStore links = new InMemoryLinkStore();
    links.put(link(ACTOR_A));
    ProviderSupervisor s = supervisor(nc, lattice, links, RestartPolicy.DEFAULT);
    Path out = dir.resolve("hostdata");
    // Appends each HostData line it gets, then waits on stdin like a real provider.
    Path provider = script("provider", "read line; echo \"$line\" >> " + out + "; cat >/dev/null");
    SupervisedProvider p =
        s.start(ProviderSpec.executable(KEY, "trellis:test", "default", provider));

    await().atMost(Duration.ofSeconds(10)).until(() -> lines(out).size() == 1);
    HostData first = HostDataCodec.fromStdinLine(lines(out).get(0));
    assertThat(first.providerKey()).isEqualTo(KEY);
    assertThat(first.linkName()).isEqualTo("default");
    assertThat(first.latticeRpcPrefix()).isEqualTo(lattice.prefix());
    assertThat(first.latticeRpcUrl()).isEqualTo("127.0.0.1:4222");
    assertThat(first.linkDefinitions()).containsExactly(link(ACTOR_A));
    assertThat(first.invocationSeed().reveal()).startsWith("SC");
    assertThat(first.clusterIssuers()).hasSize(1);

    links.put(link(ACTOR_B));
    long pid = p.pid();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    await().atMost(Duration.ofSeconds(10)).until(() -> lines(out).size() == 2);
    HostData second = HostDataCodec.fromStdinLine(lines(out).get(1));
    assertThat(second.linkDefinitions()).containsExactlyInAnyOrder(link(ACTOR_A), link(ACTOR_B));
    assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
    await().atMost(Duration.ofSeconds(10)).until(() -> p.pid() > 0 && p.pid() != pid);
    assertThat(events).anyMatch(e -> e.startsWith("stopped exited with code"));
  }

  @Test
  void aCrashLoopIsReportedAndRestartsBackOff(Connection nc, Lattice lattice) throws Exception {
    RestartPolicy policy =
        new RestartPolicy(
            Duration.ofMillis(50),
            Duration.ofMillis(400),
            Duration.ofSeconds(60),
            3,
            Duration.ofSeconds(60));
    ProviderSupervisor s = supervisor(nc, lattice, new InMemoryLinkStore(), policy);
    Path provider = script("crasher", "echo 'cannot open the database' >&2; exit 3");
    s.start(ProviderSpec.executable(KEY, "trellis:test", "default", provider));
    await().atMost(Duration.ofSeconds(15)).until(() -> events.contains("crash loop 3"));
    assertThat(events).contains("stopped exited with code 3: stderr: cannot open the database");
    assertThat(events.stream().filter(e -> e.equals("crash loop 3")).count()).isEqualTo(1);
    assertThat(events)
        .as("the stopped event of the exit that starts the loop says so")
        .anyMatch(e -> e.startsWith("stopped crash loop (3 exits within 60 s"));
  }

  @Test
  void aSecondProviderWithTheSameKeyAndLinkNameIsRefused(Connection nc, Lattice lattice)
      throws Exception {
    ProviderSupervisor s = supervisor(nc, lattice, new InMemoryLinkStore(), RestartPolicy.DEFAULT);
    Path provider = script("provider", "cat >/dev/null");
    s.start(ProviderSpec.executable(KEY, "trellis:test", "default", provider));
    assertThatThrownBy(
            () -> s.start(ProviderSpec.executable(KEY, "trellis:test", "default", provider)))
        .isInstanceOf(ProviderStartException.class)
        .hasMessageStartingWith("Provider with that link name is already running on this host");
    s.start(ProviderSpec.executable(KEY, "trellis:test", "other", provider));
    assertThat(s.all()).hasSize(2);
  }

  @Test
  void stopSendsTheShutdownRequestAndEndsTheProcessTree(Connection nc, Lattice lattice)
      throws Exception {
    ProviderSupervisor s = supervisor(nc, lattice, new InMemoryLinkStore(), RestartPolicy.DEFAULT);
    Subscription shutdown =
        nc.subscribe(Subjects.providerShutdown(lattice.prefix(), KEY, "default"));
    nc.flush(Duration.ofSeconds(2));
    Path provider = script("provider", "sleep 300 & cat >/dev/null");
    SupervisedProvider p =
        s.start(ProviderSpec.executable(KEY, "trellis:test", "default", provider));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> p.pid() > 0 && ProcessHandle.of(p.pid()).get().descendants().count() >= 1);
    ProcessHandle process = ProcessHandle.of(p.pid()).orElseThrow();
    List<ProcessHandle> children = process.descendants().toList();

    assertThat(s.stop(KEY, "default")).isTrue();
    Message request = shutdown.nextMessage(Duration.ofSeconds(5));
    assertThat(new String(request.getData())).isEqualTo("{\"host_id\":\"" + hostId + "\"}");
    assertThat(process.isAlive()).isFalse();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(events).contains("stopped normal");
    assertThat(s.stop(KEY, "default")).isFalse();
  }

  @Test
  void attachedProvidersAreHealthCheckedAndGetTheirLinks(
      Connection nc, NatsFixture nats, Lattice lattice) throws Exception {
    InMemoryLinkStore links = new InMemoryLinkStore();
    links.put(link(ACTOR_A));
    ProviderSupervisor s = supervisor(nc, lattice, links, RestartPolicy.DEFAULT);
    try (Connection provider = nats.connect()) {
      Subscription puts =
          provider.subscribe(Subjects.linkdefsPut(lattice.prefix(), KEY, "default"));
      Subscription dels =
          provider.subscribe(Subjects.linkdefsDel(lattice.prefix(), KEY, "default"));
      var healthy = new java.util.concurrent.atomic.AtomicBoolean(true);
      provider
          .createDispatcher(
              m ->
                  provider.publish(
                      m.getReplyTo(),
                      HealthCheckCodec.encodeResponse(
                          new HealthCheckResponse(healthy.get(), null))))
          .subscribe(Subjects.providerHealth(lattice.prefix(), KEY, "default"));
      provider.flush(Duration.ofSeconds(2));

      AttachedProvider attached = s.attach(ProviderSpec.attached(KEY, "trellis:test", "default"));
      assertThat(LinkDefinitionCodec.decode(puts.nextMessage(Duration.ofSeconds(5)).getData()))
          .isEqualTo(link(ACTOR_A));
      links.put(link(ACTOR_B));
      assertThat(LinkDefinitionCodec.decode(puts.nextMessage(Duration.ofSeconds(5)).getData()))
          .isEqualTo(link(ACTOR_B));
      links.delete(ACTOR_A, "trellis:test", "default");
      assertThat(LinkDefinitionCodec.decode(dels.nextMessage(Duration.ofSeconds(5)).getData()))
          .isEqualTo(link(ACTOR_A));

      await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("health true"));
      healthy.set(false);
      await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("health false changed"));
      assertThat(attached.healthy()).isFalse();
      assertThat(s.stop(KEY, "default")).isTrue();
      assertThat(events).contains("stopped normal");
    }
  }

  private String hostId;

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
