package dev.trellis.providers.keyvalue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.RedisServer;
import dev.trellis.testing.WithNats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** The provider in-process against a real redis-server: link values, EX, refusals, health. */
@WithNats
class KeyValueRedisProviderIT {
  @TempDir static Path dir;
  static RedisServer redis;
  static RedisClient direct;

  ProviderHarness host;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start(dir);
    direct = RedisClient.create(redis.url());
  }

  @AfterAll
  static void stopRedis() {
    direct.close();
    redis.close();
  }

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    host = new ProviderHarness(nats, lattice, KeyValue.CONTRACT_ID);
    host.start(new KeyValueRedisProvider());
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void writesGoToTheRedisOfTheLinkValueUrlWithExForExpiringKeys() throws Exception {
    String actor = ProviderHarness.newActor();
    link(host.link(actor, Map.of("URL", redis.url())));
    String key = "provider-it:" + actor;

    ok(host.invoke(actor, KeyValue.SET, set(key, "v", 0)));
    ok(host.invoke(actor, KeyValue.SET, set(key + ":ttl", "v", 300)));

    assertThat(direct.get(key)).isEqualTo("v");
    assertThat(direct.ttl(key)).isEqualTo(-1);
    assertThat(direct.ttl(key + ":ttl")).isBetween(1L, 300L);
  }

  @Test
  void aLinkWithAUrlThatIsNotRedisIsRefused() throws Exception {
    String bad = ProviderHarness.newActor();
    host.putLink(host.link(bad, Map.of("URL", "http://" + redis.url().substring(8))));
    String probe = ProviderHarness.newActor();
    link(host.link(probe, Map.of("URL", redis.url())));

    assertThat(get(bad, "k").error()).isEqualTo("unlinked actor: '" + bad + "'");
  }

  @Test
  void aServerThatDoesNotAnswerFailsCallsAndHealthButNotTheLink() throws Exception {
    RedisServer doomed = RedisServer.start(Files.createDirectories(dir.resolve("doomed")));
    String actor = ProviderHarness.newActor();
    try {
      link(host.link(actor, Map.of("URL", doomed.url())));
    } finally {
      doomed.close();
    }

    InvocationResponse response = get(actor, "k");

    assertThat(response.error())
        .startsWith("failed to get key 'k': Redis at " + doomed.url() + " does not answer")
        .endsWith("; check that it runs and the link value URL");
    HealthCheckResponse health = host.health(Duration.ofSeconds(10)).orElseThrow();
    assertThat(health.healthy()).isFalse();
    assertThat(health.message()).contains(actor).contains("does not answer");
  }

  @Test
  void redisErrorsBecomeMessagesNamingTheKey() throws Exception {
    String actor = ProviderHarness.newActor();
    link(host.link(actor, Map.of("URL", redis.url())));
    String key = "errors:" + actor.substring(0, 12);
    direct.rpush(key + ":list", "a");
    direct.set(key + ":max", "2147483647");
    direct.set(key + ":word", "abc");

    assertThat(get(actor, key + ":list").error())
        .isEqualTo(
            "failed to get key '"
                + key
                + ":list': key '"
                + key
                + ":list' holds a list, not a string value");
    assertThat(increment(actor, key + ":max", 1).error())
        .isEqualTo(
            "failed to increment key '"
                + key
                + ":max': 2147483647 + 1 does not fit in a 32-bit integer");
    assertThat(direct.get(key + ":max")).isEqualTo("2147483647");
    assertThat(increment(actor, key + ":word", 1).error())
        .isEqualTo("failed to increment key '" + key + ":word': its value 'abc' is not an integer");
  }

  private void link(LinkDefinition link) {
    host.putLink(link);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !("unlinked actor: '" + link.actorId() + "'")
                    .equals(get(link.actorId(), "probe").error()));
  }

  private InvocationResponse get(String actor, String key) throws Exception {
    return host.invoke(actor, KeyValue.GET, BarePayload.encodeString(key));
  }

  private InvocationResponse increment(String actor, String key, int delta) throws Exception {
    return host.invoke(
        actor,
        KeyValue.INCREMENT,
        KeyValueCodec.encodeIncrementRequest(new IncrementRequest(key, delta)));
  }

  private static byte[] set(String key, String value, long expires) {
    return KeyValueCodec.encodeSetRequest(new SetRequest(key, value, expires));
  }

  private static void ok(InvocationResponse response) {
    assertThat(response.error()).isNull();
  }
}
