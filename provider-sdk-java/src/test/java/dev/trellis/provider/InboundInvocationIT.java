package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invocations from a host to a provider run in-process by the SDK (spec §4.3, §5). */
@WithNats
class InboundInvocationIT {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

  private Harness h;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new Harness(nats, lattice).start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void signedInvocationIsDispatchedAndAnsweredWithoutErrorKey() throws Exception {
    Invocation inv = h.signedFrom(h.linkedActor, "Echo.Say", HELLO);

    byte[] raw = h.requestRpc(InvocationCodec.encode(inv)).getData();

    assertThat(keysOf(raw)).containsExactly("msg", "invocation_id", "content_length");
    InvocationResponse response = InvocationResponseCodec.decode(raw);
    assertThat(response.isSuccess()).isTrue();
    assertThat(response.invocationId()).isEqualTo(inv.id());
    assertThat(response.msg()).isEqualTo(HELLO);
    assertThat(response.contentLength()).isEqualTo(5L);
  }

  @Test
  void typedHandlersAndContextSeeDecodedValuesAndTheLink() throws Exception {
    InvocationResponse upper =
        h.invoke(h.signedFrom(h.linkedActor, "Echo.Upper", BarePayload.encodeString("shout")));
    InvocationResponse context = h.invoke(h.signedFrom(h.linkedActor, "Echo.Context", new byte[0]));
    InvocationResponse undecodable =
        h.invoke(h.signedFrom(h.linkedActor, "Echo.Upper", new byte[] {(byte) 0xc1}));

    assertThat(BarePayload.decodeString(upper.msg(), "text")).isEqualTo("SHOUT");
    assertThat(BarePayload.decodeString(context.msg(), "text")).isEqualTo(h.linkedActor + "|hello");
    assertThat(undecodable.error()).startsWith("failed to decode the payload of Echo.Upper: ");
  }

  @Test
  void forgedInvocationsAreRefusedWithRpcRsTexts() throws Exception {
    Invocation good = h.signedFrom(h.linkedActor, "Echo.Say", HELLO);

    KeyPair mallory = KeyPair.generate(KeyType.CLUSTER);
    String[] parts = good.encodedClaims().split("\\.");
    String badSignature =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mallory.sign((parts[0] + "." + parts[1]).getBytes()));
    assertThat(h.invoke(withClaims(good, badSignature)).error())
        .isEqualTo("Invocation claims signature invalid");

    Invocation strangerSigned =
        new InvocationSigner(mallory, Clock.systemUTC())
            .sign(
                WasmCloudEntity.actor(h.linkedActor),
                h.providerEntity(),
                "Echo.Say",
                HELLO,
                h.hostId);
    assertThat(h.invoke(strangerSigned).error())
        .isEqualTo("Issuer of this invocation is not in list of cluster issuers");

    Invocation altered = good.withMsg("hellO".getBytes(StandardCharsets.UTF_8));
    assertThat(h.invoke(altered).error())
        .startsWith("Invocation hash does not match signed claims hash (");

    String otherProvider = KeyPair.generate(KeyType.SERVICE).publicKey();
    Invocation elsewhere =
        h.signer.sign(
            WasmCloudEntity.actor(h.linkedActor),
            WasmCloudEntity.provider(otherProvider, RecordingProvider.CONTRACT, "default"),
            "Echo.Say",
            HELLO,
            h.hostId);
    assertThat(h.invoke(elsewhere).error())
        .isEqualTo("target key mismatch: " + otherProvider + " != " + h.hostId);

    String stranger = KeyPair.generate(KeyType.MODULE).publicKey();
    assertThat(h.invoke(h.signedFrom(stranger, "Echo.Say", HELLO)).error())
        .isEqualTo("unlinked actor: '" + stranger + "'");

    InvocationResponse garbage =
        InvocationResponseCodec.decode(h.requestRpc(new byte[] {1, 2, 3}).getData());
    assertThat(garbage.invocationId()).isEmpty();
    assertThat(garbage.error()).startsWith("deser error: failed to decode Invocation");
  }

  @Test
  void handlerFailuresAndUnknownOperationsAreErrorReplies() throws Exception {
    assertThat(h.invoke(h.signedFrom(h.linkedActor, "Echo.Fail", HELLO)).error())
        .isEqualTo("no such key: k");
    assertThat(h.invoke(h.signedFrom(h.linkedActor, "Echo.Boom", HELLO)).error())
        .isEqualTo(
            "failed to handle operation Echo.Boom for actor "
                + h.linkedActor
                + " in provider "
                + h.providerKey
                + ": java.lang.IllegalStateException: boom");
    assertThat(h.invoke(h.signedFrom(h.linkedActor, "Echo.Nope", HELLO)).error())
        .isEqualTo(
            "failed to handle operation Echo.Nope: provider "
                + h.providerKey
                + " (trellis:recording) has no handler for it; it handles [Echo.Block, Echo.Boom,"
                + " Echo.CallBack, Echo.Context, Echo.Fail, Echo.Say, Echo.Upper]");
  }

  @Test
  void blockedHandlersDelayNeitherHealthNorOtherInvocations() throws Exception {
    List<CompletableFuture<Message>> blocked = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      blocked.add(
          h.nc.requestWithTimeout(
              Subjects.providerRpc(h.lattice, h.providerKey, Harness.LINK_NAME),
              InvocationCodec.encode(h.signedFrom(h.linkedActor, "Echo.Block", HELLO)),
              Duration.ofSeconds(30)));
    }

    assertThat(h.request(h.healthSubject(), new byte[0]).getData()).isNotEmpty();
    assertThat(h.invoke(h.signedFrom(h.linkedActor, "Echo.Say", HELLO)).msg()).isEqualTo(HELLO);
    assertThat(blocked).noneMatch(CompletableFuture::isDone);

    h.provider.release.countDown();

    for (CompletableFuture<Message> call : blocked) {
      assertThat(InvocationResponseCodec.decode(call.get(10, TimeUnit.SECONDS).getData()).msg())
          .isEqualTo(HELLO);
    }
  }

  @Test
  void manyConcurrentInvocationsAreAllAnswered() throws Exception {
    List<CompletableFuture<Message>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(
          h.nc.requestWithTimeout(
              Subjects.providerRpc(h.lattice, h.providerKey, Harness.LINK_NAME),
              InvocationCodec.encode(
                  h.signedFrom(h.linkedActor, "Echo.Say", Integer.toString(i).getBytes())),
              Duration.ofSeconds(30)));
    }
    for (int i = 0; i < calls.size(); i++) {
      InvocationResponse response =
          InvocationResponseCodec.decode(calls.get(i).get(30, TimeUnit.SECONDS).getData());
      assertThat(new String(response.msg(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(i));
    }
  }

  @Test
  void largeRequestAndResponseTravelThroughTheObjectStore() throws Exception {
    byte[] big = new byte[ChunkStore.THRESHOLD_BYTES + 1];
    new Random(7).nextBytes(big);
    ChunkStore store = ChunkStore.of(h.nc, h.lattice, null);
    String id = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    WasmCloudEntity origin = WasmCloudEntity.actor(h.linkedActor);
    String claims = h.signer.encodeClaims(id, origin, h.providerEntity(), "Echo.Say", big);
    store.putRequest(id, big);
    Invocation chunked =
        new Invocation(
            origin,
            h.providerEntity(),
            "Echo.Say",
            new byte[0],
            id,
            claims,
            h.hostId,
            (long) big.length,
            Map.of());

    InvocationResponse response = h.invoke(chunked);

    assertThat(response.isSuccess()).isTrue();
    assertThat(response.msg()).isEmpty();
    assertThat(response.contentLength()).isEqualTo(big.length);
    assertThat(response.isChunked()).isTrue();
    assertThat(store.takeResponse(id)).isEqualTo(big);
    assertThat(h.nc.objectStore(h.lattice).getInfo(id)).isNull(); // the receiver deleted it
  }

  @Test
  void chunkedRequestWithAlteredObjectFailsTheHashCheck() throws Exception {
    byte[] big = new byte[ChunkStore.THRESHOLD_BYTES + 10];
    ChunkStore store = ChunkStore.of(h.nc, h.lattice, null);
    String id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    WasmCloudEntity origin = WasmCloudEntity.actor(h.linkedActor);
    String claims = h.signer.encodeClaims(id, origin, h.providerEntity(), "Echo.Say", big);
    byte[] tampered = big.clone();
    tampered[500_000] = 1;
    store.putRequest(id, tampered);

    InvocationResponse response =
        h.invoke(
            new Invocation(
                origin,
                h.providerEntity(),
                "Echo.Say",
                new byte[0],
                id,
                claims,
                h.hostId,
                (long) big.length,
                Map.of()));

    assertThat(response.error()).startsWith("Invocation hash does not match signed claims hash (");
  }

  private static Invocation withClaims(Invocation inv, String claims) {
    return new Invocation(
        inv.origin(),
        inv.target(),
        inv.operation(),
        inv.msg(),
        inv.id(),
        claims,
        inv.hostId(),
        inv.contentLength(),
        inv.traceContext());
  }

  private static List<String> keysOf(byte[] msgpackMap) {
    MsgpackReader reader = MsgpackReader.of(msgpackMap, "InvocationResponse");
    int n = reader.enterRootMap();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(reader.readKey());
      reader.skipValue();
    }
    return keys;
  }
}
