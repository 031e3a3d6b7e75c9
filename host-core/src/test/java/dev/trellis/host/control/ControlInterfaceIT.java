package dev.trellis.host.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.host.HostConfig;
import dev.trellis.host.LatticeHost;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.event.CloudEvent;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkId;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a host only through control-interface messages and checks replies and events against
 * controlplane.md, as wash or wadm would see them.
 */
@WithNats
class ControlInterfaceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  @TempDir Path cache;
  private LatticeHost lattice;

  @AfterEach
  void stop() {
    if (lattice != null) {
      lattice.close();
    }
  }

  private LatticeHost start(NatsFixture nats, Connection nc, Lattice l) {
    HostConfig config =
        HostConfig.builder()
            .withLatticePrefix(l.prefix())
            .withClusterKey(cluster)
            .addLabel("zone", "east")
            .build();
    lattice =
        LatticeHost.start(
            config,
            nc,
            nc,
            SupervisorConfig.defaults(nats.url().replaceFirst("nats://", ""))
                .withHealth(Duration.ofMillis(300), Duration.ofSeconds(1))
                .withCacheDir(cache));
    return lattice;
  }

  private static JsonNode request(Connection nc, String subject, String body) throws Exception {
    Message reply =
        nc.request(subject, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
    assertThat(reply).as("a reply on " + subject).isNotNull();
    return JSON.readTree(reply.getData());
  }

  private static String ctl(Lattice l, String rest) {
    return "wasmbus.ctl." + l.prefix() + "." + rest;
  }

  private static Path root() {
    return Path.of(System.getProperty("trellis.root", "../"));
  }

  private static String corpus(String name) {
    return root().resolve("actors/wasm-corpus/" + name + ".wasm").toAbsolutePath().toString();
  }

  private static List<JsonNode> gather(Connection nc, String subject, String body)
      throws Exception {
    String inbox = nc.createInbox();
    Subscription sub = nc.subscribe(inbox);
    nc.publish(subject, inbox, body.getBytes(StandardCharsets.UTF_8));
    List<JsonNode> replies = new ArrayList<>();
    Message m;
    while ((m = sub.nextMessage(Duration.ofMillis(700))) != null) {
      replies.add(JSON.readTree(m.getData()));
    }
    sub.unsubscribe();
    return replies;
  }

  @Test
  void actorsLinksClaimsAndInventoryThroughTheControlInterface(
      NatsFixture nats, Connection nc, Lattice l) throws Exception {
    EventLog events = new EventLog(nc, l.prefix());
    String hostId = start(nats, nc, l).host().hostId();
    assertThat(events.await("host_started").source()).isEqualTo(hostId);

    List<JsonNode> pings = gather(nc, ctl(l, "ping.hosts"), "");
    assertThat(pings).hasSize(1);
    assertThat(pings.get(0).get("id").asText()).isEqualTo(hostId);
    assertThat(pings.get(0).get("labels").get("zone").asText()).isEqualTo("east");
    assertThat(pings.get(0).get("labels").get("hostcore.os").asText()).isNotEmpty();
    assertThat(pings.get(0).get("issuer").asText()).isEqualTo(cluster.publicKey());
    JsonNode heartbeat = events.await("host_heartbeat").data();
    assertThat(heartbeat.get("actors").isObject()).isTrue();

    List<JsonNode> bids =
        gather(
            nc,
            ctl(l, "auction.actor"),
            "{\"actor_ref\":\"x\",\"constraints\":{\"zone\":\"east\"}}");
    assertThat(bids).hasSize(1);
    assertThat(bids.get(0).get("host_id").asText()).isEqualTo(hostId);
    assertThat(
            gather(
                nc,
                ctl(l, "auction.actor"),
                "{\"actor_ref\":\"x\",\"constraints\":{\"zone\":\"west\"}}"))
        .isEmpty();

    String ref = corpus("echo-rust");
    JsonNode ack =
        request(
            nc,
            ctl(l, "cmd." + hostId + ".la"),
            "{\"actor_ref\":\"" + ref + "\",\"count\":2,\"host_id\":\"" + hostId + "\"}");
    assertThat(ack.get("accepted").asBoolean()).isTrue();
    assertThat(ack.get("error").asText()).isEmpty();
    JsonNode started =
        events.await("actor_started", e -> e.data().get("image_ref").asText().equals(ref)).data();
    String actor = started.get("public_key").asText();
    assertThat(started.get("claims").get("caps").get(0).asText()).isEqualTo("wasmcloud:httpserver");
    assertThat(events.await("actors_started").data().get("count").asInt()).isEqualTo(2);

    byte[] http =
        HttpServerCodec.encodeRequest(new HttpRequest("GET", "/", "", Map.of(), new byte[0]));
    var invocation =
        new InvocationSigner(cluster, Clock.systemUTC())
            .sign(
                WasmCloudEntity.provider(
                    "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M",
                    "wasmcloud:httpserver",
                    "default"),
                WasmCloudEntity.actor(actor),
                "HttpServer.HandleRequest",
                http,
                hostId);
    Subscription rpcEvents = nc.subscribe(Subjects.rpcEvents(l.prefix()));
    nc.flush(Duration.ofSeconds(2));
    Message reply =
        nc.request(
            Subjects.actorRpc(l.prefix(), actor),
            InvocationCodec.encode(invocation),
            Duration.ofSeconds(10));
    assertThat(InvocationResponseCodec.decode(reply.getData()).error()).isNull();
    CloudEvent served =
        dev.trellis.interfaces.event.EventCodec.decode(
            rpcEvents.nextMessage(Duration.ofSeconds(5)).getData());
    assertThat(served.type()).isEqualTo("com.wasmcloud.lattice.invocation_succeeded");
    assertThat(served.data().get("dest").get("public_key").asText()).isEqualTo(actor);
    assertThat(served.data().get("bytes").asLong()).isEqualTo(http.length);

    JsonNode inventory = request(nc, ctl(l, "get." + hostId + ".inv"), "");
    assertThat(inventory.get("host_id").asText()).isEqualTo(hostId);
    assertThat(inventory.get("actors").get(0).get("id").asText()).isEqualTo(actor);
    assertThat(inventory.get("actors").get(0).get("image_ref").asText()).isEqualTo(ref);
    assertThat(inventory.get("actors").get(0).get("instances")).hasSize(2);
    assertThat(inventory.get("providers").isArray()).isTrue();

    JsonNode claims = request(nc, ctl(l, "get.claims"), "");
    JsonNode mine = null;
    for (JsonNode c : claims.get("claims")) {
      if (c.get("sub").asText().equals(actor)) {
        mine = c;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("caps").asText()).isEqualTo("wasmcloud:httpserver");
    assertThat(mine.get("rev").isTextual()).isTrue();

    String provider = "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB";
    String link =
        "{\"actor_id\":\""
            + actor
            + "\",\"provider_id\":\""
            + provider
            + "\",\"link_name\":\"default\",\"contract_id\":\"wasmcloud:keyvalue\","
            + "\"values\":{\"K\":\"V\"}}";
    assertThat(request(nc, ctl(l, "linkdefs.put"), link).get("accepted").asBoolean()).isTrue();
    CloudEvent set = events.await("linkdef_set");
    assertThat(set.source()).isEqualTo("n/a");
    String id = LinkId.of(actor, "wasmcloud:keyvalue", "default");
    assertThat(set.data().get("id").asText()).isEqualTo(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> request(nc, ctl(l, "get.links"), "").get("links").size() == 1);
    assertThat(request(nc, ctl(l, "get.links"), "").get("links").get(0).get("id").asText())
        .isEqualTo(id);
    assertThat(nc.keyValue("LATTICEDATA_" + l.prefix()).get("LINKDEF_" + id)).isNotNull();
    assertThat(
            request(
                    nc,
                    ctl(l, "linkdefs.del"),
                    "{\"actor_id\":\""
                        + actor
                        + "\",\"contract_id\":\"wasmcloud:keyvalue\","
                        + "\"link_name\":\"default\"}")
                .get("accepted")
                .asBoolean())
        .isTrue();
    events.await("linkdef_deleted");

    request(
        nc,
        ctl(l, "cmd." + hostId + ".scale"),
        "{\"actor_id\":\""
            + actor
            + "\",\"actor_ref\":\""
            + ref
            + "\",\"count\":3,\"host_id\":\""
            + hostId
            + "\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                request(nc, ctl(l, "get." + hostId + ".inv"), "")
                        .get("actors")
                        .get(0)
                        .get("instances")
                        .size()
                    == 3);

    JsonNode stop =
        request(
            nc,
            ctl(l, "cmd." + hostId + ".sa"),
            "{\"actor_ref\":\"" + actor + "\",\"count\":1,\"host_id\":\"" + hostId + "\"}");
    assertThat(stop.get("accepted").asBoolean()).isTrue();
    assertThat(events.await("actors_stopped").data().get("remaining").asInt()).isEqualTo(2);
    events.await("actor_stopped", e -> e.data().get("public_key").asText().equals(actor));

    request(nc, ctl(l, "cmd." + hostId + ".stop"), "{\"host_id\":\"" + hostId + "\"}");
    assertThat(events.await("host_stopped").source()).isEqualTo(hostId);
    assertThat(lattice.awaitStopped(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void providersStartReportHealthAndStopThroughTheControlInterface(
      NatsFixture nats, Connection nc, Lattice l) throws Exception {
    Path par = root().resolve("providers/test-provider/target/test-provider.par.gz");
    assertThat(Files.isRegularFile(par))
        .as("the test provider archive (built by providers/test-provider in this reactor)")
        .isTrue();
    EventLog events = new EventLog(nc, l.prefix());
    String hostId = start(nats, nc, l).host().hostId();
    String ref = par.toAbsolutePath().toString();
    JsonNode ack =
        request(
            nc,
            ctl(l, "cmd." + hostId + ".lp"),
            "{\"provider_ref\":\""
                + ref
                + "\",\"link_name\":\"default\",\"host_id\":\""
                + hostId
                + "\"}");
    assertThat(ack.get("accepted").asBoolean()).isTrue();
    JsonNode started =
        events
            .await("provider_started", e -> e.data().get("image_ref").asText().equals(ref))
            .data();
    String key = started.get("public_key").asText();
    assertThat(started.get("contract_id").asText()).isEqualTo("trellis:test");
    assertThat(started.get("claims").get("version").isTextual()).isTrue();
    events.await("health_check_passed", e -> e.data().get("public_key").asText().equals(key));

    JsonNode duplicate =
        request(
            nc,
            ctl(l, "cmd." + hostId + ".lp"),
            "{\"provider_ref\":\""
                + ref
                + "\",\"link_name\":\"default\",\"host_id\":\""
                + hostId
                + "\"}");
    assertThat(duplicate.get("accepted").asBoolean()).isFalse();
    assertThat(duplicate.get("error").asText())
        .isEqualTo("Provider with that link name is already running on this host");
    events.await("provider_start_failed");
    assertThat(
            gather(
                nc,
                ctl(l, "auction.provider"),
                "{\"provider_ref\":\"" + ref + "\",\"link_name\":\"default\",\"constraints\":{}}"))
        .as("a host already running the provider does not bid")
        .isEmpty();

    JsonNode inventory = request(nc, ctl(l, "get." + hostId + ".inv"), "");
    assertThat(inventory.get("providers").get(0).get("id").asText()).isEqualTo(key);

    JsonNode stop =
        request(
            nc,
            ctl(l, "cmd." + hostId + ".sp"),
            "{\"provider_ref\":\""
                + key
                + "\",\"link_name\":\"default\",\"contract_id\":"
                + "\"trellis:test\",\"host_id\":\""
                + hostId
                + "\"}");
    assertThat(stop.get("accepted").asBoolean()).isTrue();
    assertThat(events.await("provider_stopped").data().get("reason").asText()).isEqualTo("normal");
  }

  @Test
  void badRequestsGetAnErrorReplyInsteadOfSilence(NatsFixture nats, Connection nc, Lattice l)
      throws Exception {
    String hostId = start(nats, nc, l).host().hostId();
    JsonNode bad = request(nc, ctl(l, "cmd." + hostId + ".la"), "{not json");
    assertThat(bad.get("accepted").asBoolean()).isFalse();
    assertThat(bad.get("error").asText()).isEqualTo("Invalid launch actor JSON request");
    JsonNode unknown = request(nc, ctl(l, "get.hosts"), "");
    assertThat(unknown.get("accepted").asBoolean()).isFalse();
    assertThat(unknown.get("error").asText())
        .contains("unknown control subject")
        .contains("ping.hosts");
    JsonNode missing =
        request(
            nc,
            ctl(l, "cmd." + hostId + ".sp"),
            "{\"provider_ref\":\"short\",\"link_name\":\"default\"}");
    assertThat(missing.get("accepted").asBoolean()).isFalse();
  }
}
