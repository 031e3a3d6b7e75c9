package dev.trellis.providers.keyvalue.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider in-process: buckets per link, link values, refused links. */
@WithNats
class KeyValueNatsProviderIT {
  ProviderHarness host;
  String firstActor = ProviderHarness.newActor();

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    host = new ProviderHarness(nats, lattice, KeyValue.CONTRACT_ID);
    host.start(new KeyValueNatsProvider(), host.link(firstActor, Map.of()));
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void eachActorGetsABucketNamedAfterTheLatticeAndTheActor(Connection nc) throws Exception {
    set(firstActor, "k", "v");

    String bucket = "kv_" + host.lattice() + "_" + firstActor;
    assertThat(nc.keyValueManagement().getBucketNames()).contains(bucket);
    assertThat(nc.keyValue(bucket).get("k").getValueAsString()).isEqualTo("v");
  }

  @Test
  void linksNamingTheSameBucketShareIt() throws Exception {
    String writer = ProviderHarness.newActor();
    String reader = ProviderHarness.newActor();
    link(host.link(writer, Map.of("BUCKET", "shared")));
    link(host.link(reader, Map.of("bucket", "shared")));

    set(writer, "k", "from the writer");

    assertThat(get(reader, "k")).isEqualTo(new GetResponse("from the writer", true));
    assertThat(get(firstActor, "k")).isEqualTo(new GetResponse("", false));
  }

  @Test
  void aLinkWithItsOwnUrlUsesAConnectionOfItsOwn(NatsFixture nats) throws Exception {
    String actor = ProviderHarness.newActor();
    link(host.link(actor, Map.of("URL", nats.url(), "BUCKET", "own")));

    set(actor, "k", "v");

    assertThat(get(actor, "k")).isEqualTo(new GetResponse("v", true));
  }

  @Test
  void aLinkWithABadBucketNameOrAnUnreachableServerIsRefused() throws Exception {
    String badBucket = ProviderHarness.newActor();
    String badUrl = ProviderHarness.newActor();
    host.putLink(host.link(badBucket, Map.of("BUCKET", "no.dots")));
    host.putLink(host.link(badUrl, Map.of("URL", "127.0.0.1:" + freePort())));
    String probe = ProviderHarness.newActor();
    link(host.link(probe, Map.of())); // links are handled in order: both came before this one

    assertThat(invokeGet(badBucket, "k").error()).isEqualTo("unlinked actor: '" + badBucket + "'");
    assertThat(invokeGet(badUrl, "k").error()).isEqualTo("unlinked actor: '" + badUrl + "'");
  }

  @Test
  void aDeletedLinkStopsServingItsActor() throws Exception {
    String actor = ProviderHarness.newActor();
    LinkDefinition link = host.link(actor, Map.of());
    link(link);

    host.deleteLink(link);

    await().atMost(Duration.ofSeconds(10)).until(() -> invokeGet(actor, "k").error() != null);
    assertThat(invokeGet(actor, "k").error()).isEqualTo("unlinked actor: '" + actor + "'");
  }

  private void link(LinkDefinition link) {
    host.putLink(link);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> invokeGet(link.actorId(), "probe").isSuccess());
  }

  private void set(String actor, String key, String value) throws Exception {
    InvocationResponse response =
        host.invoke(
            actor, KeyValue.SET, KeyValueCodec.encodeSetRequest(new SetRequest(key, value, 0)));
    assertThat(response.error()).isNull();
  }

  private GetResponse get(String actor, String key) throws Exception {
    InvocationResponse response = invokeGet(actor, key);
    assertThat(response.error()).isNull();
    return KeyValueCodec.decodeGetResponse(response.msg());
  }

  private InvocationResponse invokeGet(String actor, String key) throws Exception {
    return host.invoke(actor, KeyValue.GET, BarePayload.encodeString(key));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
