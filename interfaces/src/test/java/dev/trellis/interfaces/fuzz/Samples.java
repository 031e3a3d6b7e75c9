package dev.trellis.interfaces.fuzz;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.claims.ModuleSigner;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.messaging.PubMessage;
import dev.trellis.interfaces.control.AuctionCodec;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.CtlOperationAck;
import dev.trellis.interfaces.control.HostConfigFile;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.control.LatticeDataCodec;
import dev.trellis.interfaces.control.LinkDeleteRequest;
import dev.trellis.interfaces.control.ProviderAuctionAck;
import dev.trellis.interfaces.control.ScaleActorCommand;
import dev.trellis.interfaces.control.StartActorCommand;
import dev.trellis.interfaces.control.StartProviderCommand;
import dev.trellis.interfaces.control.StopHostCommand;
import dev.trellis.interfaces.event.ActorStopped;
import dev.trellis.interfaces.event.EventCodec;
import dev.trellis.interfaces.event.RefmapSet;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckRequest;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Valid inputs for every fuzz target, built with the encoders from fixed keys: the seed corpus (in
 * {@code EveryDecoderFuzzTestInputs}) is these, each prefixed with its target's number.
 */
final class Samples {
  static final KeyPair CLUSTER = KeyPair.fromRawSeed(KeyType.CLUSTER, seed(1));
  static final KeyPair ACCOUNT = KeyPair.fromRawSeed(KeyType.ACCOUNT, seed(2));
  static final KeyPair MODULE = KeyPair.fromRawSeed(KeyType.MODULE, seed(3));
  static final KeyPair SERVICE = KeyPair.fromRawSeed(KeyType.SERVICE, seed(4));
  static final String HOST_KEY = KeyPair.fromRawSeed(KeyType.SERVER, seed(5)).publicKey();
  static final String PROVIDER_KEY = SERVICE.publicKey();
  static final String ACTOR_KEY = MODULE.publicKey();

  private Samples() {}

  /** The valid samples for target {@code id}. */
  static List<byte[]> forTarget(int id) {
    return switch (id) {
      case 0, 1 -> List.of(invocation(), InvocationCodec.encode(unsignedInvocation()));
      case 2 ->
          List.of(
              InvocationResponseCodec.encode(InvocationResponse.success("id-1", bytes("ok"))),
              InvocationResponseCodec.encode(InvocationResponse.failure("id-2", "failed")));
      case 3 -> List.of(LinkDefinitionCodec.encode(link()));
      case 4 -> List.of(LinkDefinitionCodec.encodeJson(link()));
      case 5 ->
          List.of(
              HealthCheckCodec.encodeRequest(new HealthCheckRequest()),
              HealthCheckCodec.encodeResponse(new HealthCheckResponse(false, "sick")));
      case 6 -> List.of(bytes(HostDataCodec.toJson(hostData())));
      case 7 -> List.of(bytes(HostDataCodec.toStdinLine(hostData())));
      case 8 -> controlRequests();
      case 9 -> controlReplies();
      case 10 ->
          List.of(
              EventCodec.encode(
                  new ActorStopped(ACTOR_KEY, "b3c1", Map.of("a", "b")),
                  HOST_KEY,
                  FuzzTargets.CLOCK),
              EventCodec.encode(
                  new RefmapSet("ghcr.io/x/echo:1", ACTOR_KEY), HOST_KEY, FuzzTargets.CLOCK));
      case 11 ->
          List.of(
              bytes(ModuleClaims.extractJwt(module()).orElseThrow()),
              bytes(archive().jwt()),
              bytes(InvocationCodec.decode(invocation()).encodedClaims()));
      case 12 -> List.of(module(), tinyModule());
      case 13 -> List.of(archive().toBytes(false), archive().toBytes(true));
      case 14 ->
          List.of(
              HttpServerCodec.encodeRequest(
                  new HttpRequest("GET", "/a", "b=1", Map.of("h", List.of("v")), bytes("hi"))),
              KeyValueCodec.encodeSetRequest(new SetRequest("k", "v", 60)),
              MessagingCodec.encodePubMessage(new PubMessage("s", "r", new byte[] {9})),
              BarePayload.encodeStringList(List.of("a", "bb")));
      default -> throw new IllegalArgumentException("no target " + id);
    };
  }

  private static byte[] invocation() {
    return InvocationCodec.encode(
        new InvocationSigner(CLUSTER, FuzzTargets.CLOCK)
            .sign(
                WasmCloudEntity.actor(ACTOR_KEY),
                WasmCloudEntity.provider(PROVIDER_KEY, "wasmcloud:keyvalue", "default"),
                "KeyValue.Get",
                BarePayload.encodeString("counter"),
                HOST_KEY));
  }

  private static Invocation unsignedInvocation() {
    return new Invocation(
        WasmCloudEntity.provider(PROVIDER_KEY, "wasmcloud:httpserver", "default"),
        WasmCloudEntity.actor(ACTOR_KEY),
        "HttpServer.HandleRequest",
        bytes("body"),
        "id-3",
        "a.b.c",
        HOST_KEY,
        4L,
        Map.of("traceparent", "00-1-2-01"));
  }

  private static LinkDefinition link() {
    return new LinkDefinition(
        ACTOR_KEY, PROVIDER_KEY, "default", "wasmcloud:keyvalue", Map.of("URL", "redis://"));
  }

  private static HostData hostData() {
    return HostData.builder()
        .withHostId(HOST_KEY)
        .withLatticeRpcPrefix("default")
        .withLinkName("default")
        .withProviderKey(PROVIDER_KEY)
        .withInvocationSeed(Secret.of(CLUSTER.seed().reveal()))
        .addClusterIssuer(CLUSTER.publicKey())
        .addEnvValue("K", "V")
        .withConfigJson("{\"a\":1}")
        .withDefaultRpcTimeoutMs(2000L)
        .addLinkDefinition(link())
        .build();
  }

  private static List<byte[]> controlRequests() {
    return List.of(
        CommandCodec.encode(new StartActorCommand("ghcr.io/x/echo:1", 3, HOST_KEY, Map.of())),
        CommandCodec.encode(new ScaleActorCommand(ACTOR_KEY, "r", 2, HOST_KEY, Map.of("a", "b"))),
        CommandCodec.encode(
            new StartProviderCommand("r", "default", HOST_KEY, Map.of("k", "v"), "{\"a\":1}")),
        CommandCodec.encode(new StopHostCommand(HOST_KEY, 500L)),
        CommandCodec.encodeLinkPut(link()),
        CommandCodec.encode(new LinkDeleteRequest(ACTOR_KEY, "wasmcloud:keyvalue", "default")));
  }

  private static List<byte[]> controlReplies() {
    return List.of(
        CommandCodec.encode(CtlOperationAck.failure("nope")),
        AuctionCodec.encode(new ProviderAuctionAck("r", "default", HOST_KEY, Map.of("z", "e"))),
        LatticeDataCodec.encode(
            new ClaimsRecord(
                ACTOR_KEY, ACCOUNT.publicKey(), "Echo", "", "a:b", "1", "t", "1.0", "", "{}")),
        HostConfigFileCodec.encode(HostConfigFile.defaults()));
  }

  /** A signed module: one function and a custom section, claims in {@code wasmcloud_jwt}. */
  private static byte[] module() {
    return ModuleSigner.builder()
        .withAccount(ACCOUNT)
        .withModule(MODULE)
        .withMetadata(
            ActorMetadata.builder()
                .withName("Fuzz")
                .withCaps(List.of("wasmcloud:httpserver"))
                .withTags(List.of())
                .build())
        .withClock(FuzzTargets.CLOCK)
        .build()
        .sign(tinyModule());
  }

  /** {@code (module (func))}. */
  private static byte[] tinyModule() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    out.writeBytes(new byte[] {0x01, 0x04, 0x01, 0x60, 0x00, 0x00});
    out.writeBytes(new byte[] {0x03, 0x02, 0x01, 0x00});
    out.writeBytes(new byte[] {0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b});
    return out.toByteArray();
  }

  private static ProviderArchive archive() {
    return ProviderArchive.builder()
        .withCapabilityId("wasmcloud:keyvalue")
        .withVendor("fuzz")
        .addTarget("x86_64-linux", bytes("linux binary"))
        .addTarget("aarch64-macos", bytes("mac binary"))
        .withIssuer(ACCOUNT)
        .withSubject(SERVICE)
        .withClock(FuzzTargets.CLOCK)
        .build();
  }

  /** Every sample, each prefixed with its target's number: the seed corpus. */
  static List<byte[]> corpus() {
    List<byte[]> all = new ArrayList<>();
    for (FuzzTargets.Target target : FuzzTargets.ALL) {
      for (byte[] sample : forTarget(target.id())) {
        byte[] seed = new byte[sample.length + 1];
        seed[0] = (byte) target.id();
        System.arraycopy(sample, 0, seed, 1, sample.length);
        all.add(seed);
      }
    }
    return all;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] seed(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return seed;
  }
}
