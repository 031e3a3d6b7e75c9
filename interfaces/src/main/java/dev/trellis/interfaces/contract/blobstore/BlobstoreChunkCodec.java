package dev.trellis.interfaces.contract.blobstore;

import static dev.trellis.interfaces.contract.blobstore.BlobstoreCodec.count;
import static dev.trellis.interfaces.contract.blobstore.BlobstoreCodec.optString;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/**
 * msgpack encoding of the blobstore upload and download shapes (spec §9.8): {@link Chunk}, {@link
 * ChunkResponse}, PutObject, PutChunk and GetObject requests and responses. Same rules as {@link
 * BlobstoreCodec}: optionals omitted when absent, absent members decode as empty, CBOR refused.
 */
public final class BlobstoreChunkCodec {
  private BlobstoreChunkCodec() {}

  public static byte[] encodeChunk(Chunk v) {
    MsgpackWriter w = new MsgpackWriter();
    writeChunk(w, v);
    return w.toByteArray();
  }

  /**
   * @throws DecodeException for a CBOR or malformed payload
   */
  public static Chunk decodeChunk(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "Chunk");
    return readChunkBody(r, r.enterRootMap());
  }

  public static byte[] encodeChunkResponse(ChunkResponse v) {
    return new MsgpackWriter()
        .mapHeader(1)
        .key("cancelDownload")
        .bool(v.cancelDownload())
        .toByteArray();
  }

  public static ChunkResponse decodeChunkResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ChunkResponse");
    Boolean cancel = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      if (r.readKey().equals("cancelDownload")) {
        cancel = r.readBool("cancelDownload");
      } else {
        r.skipValue();
      }
    }
    return new ChunkResponse(cancel != null && cancel);
  }

  public static byte[] encodePutObjectRequest(PutObjectRequest v) {
    MsgpackWriter w =
        new MsgpackWriter().mapHeader(1 + count(v.contentType()) + count(v.contentEncoding()));
    writeChunk(w.key("chunk"), v.chunk());
    optString(w, "contentType", v.contentType());
    optString(w, "contentEncoding", v.contentEncoding());
    return w.toByteArray();
  }

  /** A missing {@code chunk} is an error: the request has nothing to store. */
  public static PutObjectRequest decodePutObjectRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "PutObjectRequest");
    Chunk chunk = null;
    String contentType = null;
    String contentEncoding = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "chunk" -> chunk = readChunk(r, "chunk");
        case "contentType" -> contentType = r.readString("contentType");
        case "contentEncoding" -> contentEncoding = r.readString("contentEncoding");
        default -> r.skipValue();
      }
    }
    if (chunk == null) {
      throw r.missing("chunk");
    }
    return new PutObjectRequest(chunk, contentType, contentEncoding);
  }

  public static byte[] encodePutObjectResponse(PutObjectResponse v) {
    MsgpackWriter w = new MsgpackWriter().mapHeader(count(v.streamId()));
    optString(w, "streamId", v.streamId());
    return w.toByteArray();
  }

  public static PutObjectResponse decodePutObjectResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "PutObjectResponse");
    String streamId = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      if (r.readKey().equals("streamId")) {
        streamId = r.readString("streamId");
      } else {
        r.skipValue();
      }
    }
    return new PutObjectResponse(streamId);
  }

  public static byte[] encodePutChunkRequest(PutChunkRequest v) {
    MsgpackWriter w = new MsgpackWriter().mapHeader(2 + count(v.streamId()));
    writeChunk(w.key("chunk"), v.chunk());
    optString(w, "streamId", v.streamId());
    w.key("cancelAndRemove").bool(v.cancelAndRemove());
    return w.toByteArray();
  }

  /** A missing {@code chunk} is an error. */
  public static PutChunkRequest decodePutChunkRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "PutChunkRequest");
    Chunk chunk = null;
    String streamId = null;
    Boolean cancel = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "chunk" -> chunk = readChunk(r, "chunk");
        case "streamId" -> streamId = r.readString("streamId");
        case "cancelAndRemove" -> cancel = r.readBool("cancelAndRemove");
        default -> r.skipValue();
      }
    }
    if (chunk == null) {
      throw r.missing("chunk");
    }
    return new PutChunkRequest(chunk, streamId, cancel != null && cancel);
  }

  public static byte[] encodeGetObjectRequest(GetObjectRequest v) {
    MsgpackWriter w =
        new MsgpackWriter().mapHeader(2 + count(v.rangeStart()) + count(v.rangeEnd()));
    w.key("objectId").string(v.objectId());
    w.key("containerId").string(v.containerId());
    if (v.rangeStart() != null) {
      w.key("rangeStart").integer(v.rangeStart());
    }
    if (v.rangeEnd() != null) {
      w.key("rangeEnd").integer(v.rangeEnd());
    }
    return w.toByteArray();
  }

  public static GetObjectRequest decodeGetObjectRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "GetObjectRequest");
    String objectId = null;
    String containerId = null;
    Long rangeStart = null;
    Long rangeEnd = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "objectId" -> objectId = r.readString("objectId");
        case "containerId" -> containerId = r.readString("containerId");
        case "rangeStart" -> rangeStart = r.readU64("rangeStart");
        case "rangeEnd" -> rangeEnd = r.readU64("rangeEnd");
        default -> r.skipValue();
      }
    }
    return new GetObjectRequest(objectId, containerId, rangeStart, rangeEnd);
  }

  public static byte[] encodeGetObjectResponse(GetObjectResponse v) {
    int n =
        2
            + count(v.error())
            + count(v.initialChunk())
            + count(v.contentType())
            + count(v.contentEncoding());
    MsgpackWriter w = new MsgpackWriter().mapHeader(n);
    w.key("success").bool(v.success());
    optString(w, "error", v.error());
    if (v.initialChunk() != null) {
      writeChunk(w.key("initialChunk"), v.initialChunk());
    }
    w.key("contentLength").integer(v.contentLength());
    optString(w, "contentType", v.contentType());
    optString(w, "contentEncoding", v.contentEncoding());
    return w.toByteArray();
  }

  public static GetObjectResponse decodeGetObjectResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "GetObjectResponse");
    Boolean success = null;
    String error = null;
    Chunk initialChunk = null;
    Long contentLength = null;
    String contentType = null;
    String contentEncoding = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "success" -> success = r.readBool("success");
        case "error" -> error = r.readString("error");
        case "initialChunk" -> initialChunk = readChunk(r, "initialChunk");
        case "contentLength" -> contentLength = r.readU64("contentLength");
        case "contentType" -> contentType = r.readString("contentType");
        case "contentEncoding" -> contentEncoding = r.readString("contentEncoding");
        default -> r.skipValue();
      }
    }
    return new GetObjectResponse(
        success != null && success,
        error,
        initialChunk,
        contentLength == null ? 0 : contentLength,
        contentType,
        contentEncoding);
  }

  private static void writeChunk(MsgpackWriter w, Chunk v) {
    w.mapHeader(5)
        .key("objectId")
        .string(v.objectId())
        .key("containerId")
        .string(v.containerId())
        .key("bytes")
        .bytes(v.bytes())
        .key("offset")
        .integer(v.offset())
        .key("isLast")
        .bool(v.isLast());
  }

  /** A Chunk map in {@code field}, or null when nil. */
  private static Chunk readChunk(MsgpackReader r, String field) {
    int n = r.enterMap(field);
    return n == MsgpackReader.NIL ? null : readChunkBody(r, n);
  }

  private static Chunk readChunkBody(MsgpackReader r, int n) {
    String objectId = null;
    String containerId = null;
    byte[] bytes = null;
    Long offset = null;
    Boolean isLast = null;
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "objectId" -> objectId = r.readString("objectId");
        case "containerId" -> containerId = r.readString("containerId");
        case "bytes" -> bytes = r.readBytes("bytes");
        case "offset" -> offset = r.readU64("offset");
        case "isLast" -> isLast = r.readBool("isLast");
        default -> r.skipValue();
      }
    }
    r.exitMap();
    return new Chunk(
        objectId, containerId, bytes, offset == null ? 0 : offset, isLast != null && isLast);
  }
}
