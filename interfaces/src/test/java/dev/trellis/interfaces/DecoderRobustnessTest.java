package dev.trellis.interfaces;

import static org.assertj.core.api.Assertions.fail;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.blobstore.BlobstoreChunkCodec;
import dev.trellis.interfaces.contract.blobstore.BlobstoreCodec;
import dev.trellis.interfaces.contract.blobstore.Chunk;
import dev.trellis.interfaces.contract.blobstore.ContainerMetadata;
import dev.trellis.interfaces.contract.blobstore.GetObjectResponse;
import dev.trellis.interfaces.contract.blobstore.ItemResult;
import dev.trellis.interfaces.contract.blobstore.ListObjectsRequest;
import dev.trellis.interfaces.contract.blobstore.ListObjectsResponse;
import dev.trellis.interfaces.contract.blobstore.ObjectMetadata;
import dev.trellis.interfaces.contract.blobstore.PutChunkRequest;
import dev.trellis.interfaces.contract.blobstore.Timestamp;
import dev.trellis.interfaces.contract.httpclient.HttpClientCodec;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.ListRangeRequest;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.contract.logging.LoggingCodec;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.messaging.PubMessage;
import dev.trellis.interfaces.contract.messaging.RequestMessage;
import dev.trellis.interfaces.contract.numbergen.NumberGenCodec;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every decoder 10,000 random and mutated inputs (fixed seed): each call must return a value
 * or throw {@link DecodeException}, never anything else, never hang and never allocate for a
 * declared length the input cannot hold. Seeds are the golden vectors plus one encoded sample of
 * every shape, so every decoder also sees every other shape.
 */
class DecoderRobustnessTest {
  private static final int CASES = 10_000;

  /** msgpack headers that declare the largest lengths, for the "length bomb" mutation. */
  private static final byte[][] BOMBS = {
    {(byte) 0xc6, 0x7f, -1, -1, -1},
    {(byte) 0xc6, -1, -1, -1, -1},
    {(byte) 0xc5, -1, -1},
    {(byte) 0xdb, 0x7f, -1, -1, -1},
    {(byte) 0xda, -1, -1},
    {(byte) 0xdd, 0x7f, -1, -1, -1},
    {(byte) 0xdd, -1, -1, -1, -1},
    {(byte) 0xdf, 0x7f, -1, -1, -1},
    {(byte) 0xde, -1, -1},
    {(byte) 0xc9, 0x7f, -1, -1, -1, 0x01},
    {(byte) 0xc9, -1, -1, -1, -1, 0x01},
    {(byte) 0xcf, -1, -1, -1, -1, -1, -1, -1, -1},
    {(byte) 0xd3, -128, 0, 0, 0, 0, 0, 0, 0},
  };

  private static final byte[] INTERESTING = {
    0x00,
    0x01,
    0x7f,
    (byte) 0x80,
    (byte) 0x8f,
    (byte) 0x90,
    (byte) 0xa0,
    (byte) 0xbf,
    (byte) 0xc0,
    (byte) 0xc1,
    (byte) 0xc2,
    (byte) 0xc3,
    (byte) 0xcc,
    (byte) 0xcf,
    (byte) 0xd9,
    (byte) 0xdc,
    (byte) 0xde,
    (byte) 0xe0,
    (byte) 0xff
  };

  private static final Map<String, Function<byte[], Object>> DECODERS = decoders();
  private static final List<byte[]> MSGPACK_SEEDS = msgpackSeeds();
  private static final List<byte[]> JSON_SEEDS = jsonSeeds();
  private static final List<byte[]> LINE_SEEDS =
      JSON_SEEDS.stream()
          .map(j -> (Base64.getEncoder().encodeToString(j) + "\n").getBytes(StandardCharsets.UTF_8))
          .toList();

  static Stream<String> decoderNames() {
    return DECODERS.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decoderNames")
  @Timeout(20)
  void returnsAValueOrThrowsDecodeException(String name) {
    Function<byte[], Object> decoder = DECODERS.get(name);
    List<byte[]> seeds =
        name.startsWith("HostData") || name.contains("JSON") ? JSON_SEEDS : MSGPACK_SEEDS;
    Random rnd = new Random(0x7e11150L ^ name.hashCode());
    for (int i = 0; i < CASES; i++) {
      byte[] input = nextInput(rnd, seeds);
      try {
        decoder.apply(input);
      } catch (DecodeException expected) {
        // the only acceptable failure
      } catch (Throwable t) {
        fail(
            "%s threw %s for input %s",
            name, t, GoldenVectors.hex(Arrays.copyOf(input, Math.min(input.length, 256))), t);
      }
    }
  }

  private static byte[] nextInput(Random rnd, List<byte[]> seeds) {
    if (rnd.nextInt(10) == 0) {
      byte[] random = new byte[rnd.nextInt(65)];
      rnd.nextBytes(random);
      return random;
    }
    byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
    int mutations = 1 + rnd.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      b = mutate(rnd, b);
    }
    return b;
  }

  private static byte[] mutate(Random rnd, byte[] b) {
    if (b.length == 0) {
      return new byte[] {INTERESTING[rnd.nextInt(INTERESTING.length)]};
    }
    int pos = rnd.nextInt(b.length);
    switch (rnd.nextInt(7)) {
      case 0: // bit flips
        for (int f = 1 + rnd.nextInt(8); f > 0; f--) {
          int p = rnd.nextInt(b.length);
          b[p] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
      case 1: // truncation
        return Arrays.copyOf(b, pos);
      case 2: // insertion of random bytes
        byte[] ins = new byte[1 + rnd.nextInt(8)];
        rnd.nextBytes(ins);
        return splice(b, pos, ins, 0);
      case 3: // a header declaring a huge length
        return splice(b, pos, BOMBS[rnd.nextInt(BOMBS.length)], rnd.nextInt(6));
      case 4: // an interesting byte
        b[pos] = INTERESTING[rnd.nextInt(INTERESTING.length)];
        return b;
      case 5: // duplicate a slice
        int len = Math.min(b.length - pos, 1 + rnd.nextInt(16));
        return splice(b, rnd.nextInt(b.length), Arrays.copyOfRange(b, pos, pos + len), 0);
      default: // delete a slice
        int del = Math.min(b.length - pos, 1 + rnd.nextInt(8));
        byte[] out = new byte[b.length - del];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(b, pos + del, out, pos, b.length - pos - del);
        return out;
    }
  }

  /** Inserts {@code ins} at {@code pos}, overwriting {@code overwrite} bytes. */
  private static byte[] splice(byte[] b, int pos, byte[] ins, int overwrite) {
    int keepFrom = Math.min(b.length, pos + overwrite);
    byte[] out = new byte[pos + ins.length + (b.length - keepFrom)];
    System.arraycopy(b, 0, out, 0, pos);
    System.arraycopy(ins, 0, out, pos, ins.length);
    System.arraycopy(b, keepFrom, out, pos + ins.length, b.length - keepFrom);
    return out;
  }

  private static Map<String, Function<byte[], Object>> decoders() {
    Map<String, Function<byte[], Object>> d = new LinkedHashMap<>();
    d.put("Invocation", InvocationCodec::decode);
    d.put("InvocationResponse", dev.trellis.interfaces.wire.InvocationResponseCodec::decode);
    d.put("LinkDefinition msgpack", LinkDefinitionCodec::decode);
    d.put("LinkDefinition JSON", LinkDefinitionCodec::decodeJson);
    d.put("HealthCheckRequest", HealthCheckCodec::decodeRequest);
    d.put("HealthCheckResponse", HealthCheckCodec::decodeResponse);
    d.put("HostData JSON", b -> HostDataCodec.fromJson(new String(b, StandardCharsets.UTF_8)));
    d.put(
        "HostData stdin line (mutated JSON)",
        b -> HostDataCodec.fromStdinLine(Base64.getEncoder().encodeToString(b) + "\n"));
    d.put(
        "HostData stdin line (mutated text)",
        b -> HostDataCodec.fromStdinLine(new String(b, StandardCharsets.ISO_8859_1)));
    d.put("HttpServer request", HttpServerCodec::decodeRequest);
    d.put("HttpServer response", HttpServerCodec::decodeResponse);
    d.put("HttpClient request", HttpClientCodec::decodeRequest);
    d.put("HttpClient response", HttpClientCodec::decodeResponse);
    d.put("GetResponse", KeyValueCodec::decodeGetResponse);
    d.put("SetRequest", KeyValueCodec::decodeSetRequest);
    d.put("IncrementRequest", KeyValueCodec::decodeIncrementRequest);
    d.put("ListAddRequest", KeyValueCodec::decodeListAddRequest);
    d.put("ListDelRequest", KeyValueCodec::decodeListDelRequest);
    d.put("ListRangeRequest", KeyValueCodec::decodeListRangeRequest);
    d.put("SetAddRequest", KeyValueCodec::decodeSetAddRequest);
    d.put("SetDelRequest", KeyValueCodec::decodeSetDelRequest);
    d.put("bare string", b -> BarePayload.decodeString(b, "s"));
    d.put("bare bool", b -> BarePayload.decodeBool(b, "b"));
    d.put("bare u32", b -> BarePayload.decodeU32(b, "u"));
    d.put("bare i32", b -> BarePayload.decodeI32(b, "i"));
    d.put("bare string list", b -> BarePayload.decodeStringList(b, "l"));
    d.put("PubMessage", MessagingCodec::decodePubMessage);
    d.put("RequestMessage", MessagingCodec::decodeRequestMessage);
    d.put("ReplyMessage", MessagingCodec::decodeReplyMessage);
    d.put("SubMessage", MessagingCodec::decodeSubMessage);
    d.put("RangeLimit", NumberGenCodec::decodeRangeLimit);
    d.put("LogEntry", LoggingCodec::decodeLogEntry);
    d.put("ContainerMetadata", BlobstoreCodec::decodeContainerMetadata);
    d.put("ContainerMetadata list", BlobstoreCodec::decodeContainerMetadataList);
    d.put("ItemResult list", BlobstoreCodec::decodeItemResults);
    d.put("ContainerObject", BlobstoreCodec::decodeContainerObject);
    d.put("ObjectMetadata", BlobstoreCodec::decodeObjectMetadata);
    d.put("ListObjectsRequest", BlobstoreCodec::decodeListObjectsRequest);
    d.put("ListObjectsResponse", BlobstoreCodec::decodeListObjectsResponse);
    d.put("RemoveObjectsRequest", BlobstoreCodec::decodeRemoveObjectsRequest);
    d.put("Chunk", BlobstoreChunkCodec::decodeChunk);
    d.put("ChunkResponse", BlobstoreChunkCodec::decodeChunkResponse);
    d.put("PutObjectRequest", BlobstoreChunkCodec::decodePutObjectRequest);
    d.put("PutObjectResponse", BlobstoreChunkCodec::decodePutObjectResponse);
    d.put("PutChunkRequest", BlobstoreChunkCodec::decodePutChunkRequest);
    d.put("GetObjectRequest", BlobstoreChunkCodec::decodeGetObjectRequest);
    d.put("GetObjectResponse", BlobstoreChunkCodec::decodeGetObjectResponse);
    return d;
  }

  private static List<byte[]> msgpackSeeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (String file : GoldenVectors.msgpackVectorFiles()) {
      seeds.add(GoldenVectors.hex(GoldenVectors.load(file).get("hex").asText()));
    }
    Timestamp t = new Timestamp(1_700_000_000L, 5);
    Chunk chunk = new Chunk("o", "c", new byte[] {1, 2, 3}, 7, false);
    ObjectMetadata meta = new ObjectMetadata("o", "c", 3, t, "text/plain", "gzip");
    seeds.add(
        InvocationCodec.encode(
            new Invocation(
                WasmCloudEntity.actor("M1"),
                WasmCloudEntity.provider("V1", "wasmcloud:keyvalue", "default"),
                "KeyValue.Get",
                BarePayload.encodeString("k"),
                "id",
                "a.b.c",
                "N1",
                null,
                Map.of("traceparent", "00-1-2-01"))));
    seeds.add(HealthCheckCodec.encodeResponse(new HealthCheckResponse(false, "sick")));
    seeds.add(KeyValueCodec.encodeSetRequest(new SetRequest("k", "v", 60)));
    seeds.add(KeyValueCodec.encodeListRangeRequest(new ListRangeRequest("l", 0, -1)));
    seeds.add(BarePayload.encodeStringList(List.of("a", "bb", "ccc")));
    seeds.add(BarePayload.encodeBool(true));
    seeds.add(BarePayload.encodeU32(70_000));
    seeds.add(MessagingCodec.encodePubMessage(new PubMessage("s", "r", new byte[] {9})));
    seeds.add(MessagingCodec.encodeRequestMessage(new RequestMessage("s", new byte[4], 1000)));
    seeds.add(
        HttpClientCodec.encodeRequest(
            new dev.trellis.interfaces.contract.httpclient.HttpRequest(
                "GET", "http://x/", Map.of("A", List.of("1", "2")), new byte[] {1})));
    seeds.add(
        BlobstoreCodec.encodeContainerMetadataList(
            List.of(new ContainerMetadata("a", t), new ContainerMetadata("b", null))));
    seeds.add(
        BlobstoreCodec.encodeItemResults(
            List.of(new ItemResult("a", true, null), new ItemResult("b", false, "e"))));
    seeds.add(
        BlobstoreCodec.encodeListObjectsRequest(
            new ListObjectsRequest("c", "a", "t", "z", "y", 9L)));
    seeds.add(
        BlobstoreCodec.encodeListObjectsResponse(
            new ListObjectsResponse(List.of(meta), true, "n")));
    seeds.add(BlobstoreChunkCodec.encodePutChunkRequest(new PutChunkRequest(chunk, "s", true)));
    seeds.add(
        BlobstoreChunkCodec.encodeGetObjectResponse(
            new GetObjectResponse(true, "e", chunk, 3, "t", "g")));
    return seeds;
  }

  private static List<byte[]> jsonSeeds() {
    HostData hostData =
        HostData.builder()
            .withHostId("NHOST")
            .withLatticeRpcPrefix("default")
            .withLinkName("default")
            .withProviderKey("VPROV")
            .withInvocationSeed(Secret.of("SCSEED"))
            .addClusterIssuer("CISSUER")
            .addEnvValue("K", "V")
            .withConfigJson("{\"a\":1}")
            .withDefaultRpcTimeoutMs(2000L)
            .addLinkDefinition(
                new LinkDefinition("M1", "VPROV", "default", "wasmcloud:x", Map.of("A", "B")))
            .build();
    return List.of(
        HostDataCodec.toJson(hostData).getBytes(StandardCharsets.UTF_8),
        LinkDefinitionCodec.encodeJson(
            new LinkDefinition("M1", "V1", "default", "wasmcloud:x", Map.of("k", "v"))),
        "{\"link_definitions\":[],\"env_values\":{},\"cluster_issuers\":[],\"lattice_rpc_tls\":0}"
            .getBytes(StandardCharsets.UTF_8),
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]"
            .getBytes(StandardCharsets.UTF_8));
  }
}
