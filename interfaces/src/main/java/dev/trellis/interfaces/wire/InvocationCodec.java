package dev.trellis.interfaces.wire;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.util.Map;

/**
 * msgpack encoding of {@link Invocation} and {@link WasmCloudEntity} (spec §2.2, §2.4).
 *
 * <p>Encoding writes every key OTP's strict decoder requires, in rpc-rs order: {@code origin,
 * target, operation, msg, id, encoded_claims, host_id, content_length}, then {@code traceContext}
 * only when non-empty; entities as {@code public_key, contract_id, link_name} (OTP order), always
 * all three, as strings. {@code content_length} is {@link Invocation#fullLength()}.
 *
 * <p>Decoding follows rpc-rs: {@code origin} and {@code target} are required, every other field
 * defaults to empty when absent or nil, unknown keys (such as a TinyGo {@code traceContext: nil})
 * are ignored.
 */
public final class InvocationCodec {
  /** Room for everything but the payload: entities, operation, id, the signed token. */
  private static final int ENVELOPE_BYTES = 1024;

  static final String TYPE = "Invocation";

  private InvocationCodec() {}

  /** The msgpack bytes of {@code invocation}. */
  public static byte[] encode(Invocation invocation) {
    boolean trace = !invocation.traceContext().isEmpty();
    MsgpackWriter w =
        new MsgpackWriter(invocation.msg().length + ENVELOPE_BYTES).mapHeader(trace ? 9 : 8);
    writeEntity(w.key("origin"), invocation.origin());
    writeEntity(w.key("target"), invocation.target());
    w.key("operation").string(invocation.operation());
    w.key("msg").bytes(invocation.msg());
    w.key("id").string(invocation.id());
    w.key("encoded_claims").string(invocation.encodedClaims());
    w.key("host_id").string(invocation.hostId());
    w.key("content_length").integer(invocation.fullLength());
    if (trace) {
      w.key("traceContext").stringMap(invocation.traceContext());
    }
    return w.toByteArray();
  }

  /**
   * Decodes an Invocation.
   *
   * @throws DecodeException if {@code bytes} is not an Invocation map
   */
  public static Invocation decode(byte[] bytes) {
    MsgpackReader r = MsgpackReader.of(bytes, TYPE);
    WasmCloudEntity origin = null;
    WasmCloudEntity target = null;
    String operation = null;
    byte[] msg = null;
    String id = null;
    String encodedClaims = null;
    String hostId = null;
    Long contentLength = null;
    Map<String, String> traceContext = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "origin" -> origin = readEntity(r, "origin");
        case "target" -> target = readEntity(r, "target");
        case "operation" -> operation = r.readString("operation");
        case "msg" -> msg = r.readBytes("msg");
        case "id" -> id = r.readString("id");
        case "encoded_claims" -> encodedClaims = r.readString("encoded_claims");
        case "host_id" -> hostId = r.readString("host_id");
        case "content_length" -> contentLength = r.readU64("content_length");
        case "traceContext" -> traceContext = r.readStringMap("traceContext");
        default -> r.skipValue();
      }
    }
    if (origin == null) {
      throw r.missing("origin");
    }
    if (target == null) {
      throw r.missing("target");
    }
    return new Invocation(
        origin, target, operation, msg, id, encodedClaims, hostId, contentLength, traceContext);
  }

  /** Writes {@code entity} as a map of its three keys, in OTP order. */
  public static void writeEntity(MsgpackWriter w, WasmCloudEntity entity) {
    w.mapHeader(3)
        .key("public_key")
        .string(entity.publicKey())
        .key("contract_id")
        .string(entity.contractId())
        .key("link_name")
        .string(entity.linkName());
  }

  /** Reads a WasmCloudEntity map held in {@code field}, or {@code null} when nil. */
  public static WasmCloudEntity readEntity(MsgpackReader r, String field) {
    int n = r.enterMap(field);
    if (n == MsgpackReader.NIL) {
      return null;
    }
    String publicKey = null;
    String contractId = null;
    String linkName = null;
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "public_key" -> publicKey = r.readString("public_key");
        case "contract_id" -> contractId = r.readString("contract_id");
        case "link_name" -> linkName = r.readString("link_name");
        default -> r.skipValue();
      }
    }
    r.exitMap();
    return new WasmCloudEntity(publicKey == null ? "" : publicKey, contractId, linkName);
  }
}
