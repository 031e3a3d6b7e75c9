package dev.trellis.interfaces.wire;

import java.util.Map;
import java.util.Objects;

/**
 * One msgpack request on {@code wasmbus.rpc.…} (spec §2.2). {@code msg} is empty when the payload
 * travels through the object store; {@code contentLength} then holds the full length.
 *
 * @param origin the sender
 * @param target the receiver
 * @param operation {@code Service.Method}, e.g. {@code HttpServer.HandleRequest}
 * @param msg the payload bytes (not copied; callers must not mutate them)
 * @param id the invocation id, also the claims' {@code sub} and the object-store key
 * @param encodedClaims the anti-forgery JWT (spec §4)
 * @param hostId the sender's host id
 * @param contentLength the full payload length, or {@code null} when absent on the wire
 * @param traceContext the optional OpenTelemetry carrier; empty when absent
 */
public record Invocation(
    WasmCloudEntity origin,
    WasmCloudEntity target,
    String operation,
    byte[] msg,
    String id,
    String encodedClaims,
    String hostId,
    Long contentLength,
    Map<String, String> traceContext) {

  public Invocation {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(target, "target");
    operation = operation == null ? "" : operation;
    msg = msg == null ? new byte[0] : msg;
    id = id == null ? "" : id;
    encodedClaims = encodedClaims == null ? "" : encodedClaims;
    hostId = hostId == null ? "" : hostId;
    traceContext = traceContext == null ? Map.of() : Map.copyOf(traceContext);
  }

  /**
   * The full payload length: {@code contentLength} when present, else the length of {@code msg}.
   */
  public long fullLength() {
    return contentLength == null ? msg.length : contentLength;
  }

  /** Whether the payload was moved to the object store and must be fetched (spec §5). */
  public boolean isChunked() {
    return contentLength != null && contentLength > msg.length;
  }

  /**
   * A copy whose payload travels through the object store: {@code msg} empty, {@code
   * content_length} the full length (spec §5).
   */
  public Invocation withEmptyMsg() {
    return new Invocation(
        origin,
        target,
        operation,
        new byte[0],
        id,
        encodedClaims,
        hostId,
        (long) msg.length,
        traceContext);
  }

  /** A copy with another payload and content length (used after dechunking). */
  public Invocation withMsg(byte[] newMsg) {
    return new Invocation(
        origin,
        target,
        operation,
        newMsg,
        id,
        encodedClaims,
        hostId,
        (long) newMsg.length,
        traceContext);
  }
}
