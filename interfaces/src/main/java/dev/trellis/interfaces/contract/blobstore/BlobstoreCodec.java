package dev.trellis.interfaces.contract.blobstore;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * msgpack encoding of the blobstore container and listing shapes (spec §9.8). Optional members are
 * omitted when absent; absent members decode as empty, 0 or false. Decoders apply the §9.8 format
 * detection and throw {@link DecodeException} for CBOR or malformed payloads. The upload and
 * download shapes are in {@link BlobstoreChunkCodec}.
 */
public final class BlobstoreCodec {
  private BlobstoreCodec() {}

  public static byte[] encodeContainerMetadata(ContainerMetadata v) {
    MsgpackWriter w = new MsgpackWriter();
    writeContainerMetadata(w, v);
    return w.toByteArray();
  }

  public static ContainerMetadata decodeContainerMetadata(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ContainerMetadata");
    return readContainerMetadataBody(r, r.enterRootMap());
  }

  /** The output of {@code ListContainers}: an array of ContainerMetadata. */
  public static byte[] encodeContainerMetadataList(List<ContainerMetadata> list) {
    MsgpackWriter w = new MsgpackWriter().arrayHeader(list.size());
    list.forEach(v -> writeContainerMetadata(w, v));
    return w.toByteArray();
  }

  public static List<ContainerMetadata> decodeContainerMetadataList(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ContainerMetadata list");
    int n = rootArray(r);
    List<ContainerMetadata> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int entries = r.enterMap(null);
      if (entries == MsgpackReader.NIL) {
        throw r.error(null, "contains nil where a ContainerMetadata is expected");
      }
      out.add(readContainerMetadataBody(r, entries));
    }
    return List.copyOf(out);
  }

  /** The output of {@code RemoveContainers} and {@code RemoveObjects}. */
  public static byte[] encodeItemResults(List<ItemResult> list) {
    MsgpackWriter w = new MsgpackWriter().arrayHeader(list.size());
    for (ItemResult v : list) {
      w.mapHeader(v.error() == null ? 2 : 3);
      w.key("key").string(v.key()).key("success").bool(v.success());
      if (v.error() != null) {
        w.key("error").string(v.error());
      }
    }
    return w.toByteArray();
  }

  public static List<ItemResult> decodeItemResults(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ItemResult list");
    int n = rootArray(r);
    List<ItemResult> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int entries = r.enterMap(null);
      if (entries == MsgpackReader.NIL) {
        throw r.error(null, "contains nil where an ItemResult is expected");
      }
      String key = null;
      Boolean success = null;
      String error = null;
      for (int e = 0; e < entries; e++) {
        switch (r.readKey()) {
          case "key" -> key = r.readString("key");
          case "success" -> success = r.readBool("success");
          case "error" -> error = r.readString("error");
          default -> r.skipValue();
        }
      }
      r.exitMap();
      out.add(new ItemResult(key, success != null && success, error));
    }
    return List.copyOf(out);
  }

  public static byte[] encodeContainerObject(ContainerObject v) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key("containerId")
        .string(v.containerId())
        .key("objectId")
        .string(v.objectId())
        .toByteArray();
  }

  public static ContainerObject decodeContainerObject(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ContainerObject");
    String containerId = null;
    String objectId = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "containerId" -> containerId = r.readString("containerId");
        case "objectId" -> objectId = r.readString("objectId");
        default -> r.skipValue();
      }
    }
    return new ContainerObject(containerId, objectId);
  }

  public static byte[] encodeObjectMetadata(ObjectMetadata v) {
    MsgpackWriter w = new MsgpackWriter();
    writeObjectMetadata(w, v);
    return w.toByteArray();
  }

  public static ObjectMetadata decodeObjectMetadata(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ObjectMetadata");
    return readObjectMetadataBody(r, r.enterRootMap());
  }

  public static byte[] encodeListObjectsRequest(ListObjectsRequest v) {
    int n =
        1
            + count(v.startWith())
            + count(v.continuation())
            + count(v.endWith())
            + count(v.endBefore())
            + count(v.maxItems());
    MsgpackWriter w = new MsgpackWriter().mapHeader(n);
    w.key("containerId").string(v.containerId());
    optString(w, "startWith", v.startWith());
    optString(w, "continuation", v.continuation());
    optString(w, "endWith", v.endWith());
    optString(w, "endBefore", v.endBefore());
    if (v.maxItems() != null) {
      w.key("maxItems").integer(v.maxItems());
    }
    return w.toByteArray();
  }

  public static ListObjectsRequest decodeListObjectsRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ListObjectsRequest");
    String containerId = null;
    String startWith = null;
    String continuation = null;
    String endWith = null;
    String endBefore = null;
    Long maxItems = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "containerId" -> containerId = r.readString("containerId");
        case "startWith" -> startWith = r.readString("startWith");
        case "continuation" -> continuation = r.readString("continuation");
        case "endWith" -> endWith = r.readString("endWith");
        case "endBefore" -> endBefore = r.readString("endBefore");
        case "maxItems" -> maxItems = r.readU32("maxItems");
        default -> r.skipValue();
      }
    }
    return new ListObjectsRequest(
        containerId, startWith, continuation, endWith, endBefore, maxItems);
  }

  public static byte[] encodeListObjectsResponse(ListObjectsResponse v) {
    MsgpackWriter w = new MsgpackWriter().mapHeader(2 + count(v.continuation()));
    w.key("objects").arrayHeader(v.objects().size());
    v.objects().forEach(o -> writeObjectMetadata(w, o));
    w.key("isLast").bool(v.isLast());
    optString(w, "continuation", v.continuation());
    return w.toByteArray();
  }

  public static ListObjectsResponse decodeListObjectsResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ListObjectsResponse");
    List<ObjectMetadata> objects = null;
    Boolean isLast = null;
    String continuation = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "objects" -> objects = readObjectList(r);
        case "isLast" -> isLast = r.readBool("isLast");
        case "continuation" -> continuation = r.readString("continuation");
        default -> r.skipValue();
      }
    }
    return new ListObjectsResponse(objects, isLast != null && isLast, continuation);
  }

  public static byte[] encodeRemoveObjectsRequest(RemoveObjectsRequest v) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key("containerId")
        .string(v.containerId())
        .key("objects")
        .stringList(v.objects())
        .toByteArray();
  }

  public static RemoveObjectsRequest decodeRemoveObjectsRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "RemoveObjectsRequest");
    String containerId = null;
    List<String> objects = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "containerId" -> containerId = r.readString("containerId");
        case "objects" -> objects = r.readStringList("objects");
        default -> r.skipValue();
      }
    }
    return new RemoveObjectsRequest(containerId, objects);
  }

  // ---- nested shapes, shared with BlobstoreChunkCodec ----------------------------------------

  static void writeTimestamp(MsgpackWriter w, Timestamp t) {
    w.mapHeader(2).key("sec").integer(t.sec()).key("nsec").integer(t.nsec());
  }

  /** A Timestamp map in {@code field}, or null when nil. */
  static Timestamp readTimestamp(MsgpackReader r, String field) {
    int n = r.enterMap(field);
    if (n == MsgpackReader.NIL) {
      return null;
    }
    Long sec = null;
    Long nsec = null;
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "sec" -> sec = r.readI64("sec");
        case "nsec" -> nsec = r.readU32("nsec");
        default -> r.skipValue();
      }
    }
    r.exitMap();
    return new Timestamp(sec == null ? 0 : sec, nsec == null ? 0 : nsec);
  }

  static void optString(MsgpackWriter w, String key, String value) {
    if (value != null) {
      w.key(key).string(value);
    }
  }

  static int count(Object optional) {
    return optional == null ? 0 : 1;
  }

  static int rootArray(MsgpackReader r) {
    int n = r.readArrayHeader(null);
    if (n == MsgpackReader.NIL) {
      throw r.error(null, "expected an array, found nil");
    }
    return n;
  }

  private static void writeContainerMetadata(MsgpackWriter w, ContainerMetadata v) {
    w.mapHeader(1 + count(v.createdAt())).key("containerId").string(v.containerId());
    if (v.createdAt() != null) {
      writeTimestamp(w.key("createdAt"), v.createdAt());
    }
  }

  /** Reads the {@code n} entries of a ContainerMetadata map already entered, then exits it. */
  private static ContainerMetadata readContainerMetadataBody(MsgpackReader r, int n) {
    String containerId = null;
    Timestamp createdAt = null;
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "containerId" -> containerId = r.readString("containerId");
        case "createdAt" -> createdAt = readTimestamp(r, "createdAt");
        default -> r.skipValue();
      }
    }
    r.exitMap();
    return new ContainerMetadata(containerId, createdAt);
  }

  private static void writeObjectMetadata(MsgpackWriter w, ObjectMetadata v) {
    w.mapHeader(3 + count(v.lastModified()) + count(v.contentType()) + count(v.contentEncoding()));
    w.key("objectId").string(v.objectId());
    w.key("containerId").string(v.containerId());
    w.key("contentLength").integer(v.contentLength());
    if (v.lastModified() != null) {
      writeTimestamp(w.key("lastModified"), v.lastModified());
    }
    optString(w, "contentType", v.contentType());
    optString(w, "contentEncoding", v.contentEncoding());
  }

  private static List<ObjectMetadata> readObjectList(MsgpackReader r) {
    int n = r.readArrayHeader("objects");
    if (n == MsgpackReader.NIL) {
      return null;
    }
    List<ObjectMetadata> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int entries = r.enterMap("objects");
      if (entries == MsgpackReader.NIL) {
        throw r.error("objects", "contains nil where an ObjectMetadata is expected");
      }
      out.add(readObjectMetadataBody(r, entries));
    }
    return out;
  }

  /** Reads the {@code n} entries of an ObjectMetadata map already entered, then exits it. */
  private static ObjectMetadata readObjectMetadataBody(MsgpackReader r, int n) {
    String objectId = null;
    String containerId = null;
    Long contentLength = null;
    Timestamp lastModified = null;
    String contentType = null;
    String contentEncoding = null;
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "objectId" -> objectId = r.readString("objectId");
        case "containerId" -> containerId = r.readString("containerId");
        case "contentLength" -> contentLength = r.readU64("contentLength");
        case "lastModified" -> lastModified = readTimestamp(r, "lastModified");
        case "contentType" -> contentType = r.readString("contentType");
        case "contentEncoding" -> contentEncoding = r.readString("contentEncoding");
        default -> r.skipValue();
      }
    }
    r.exitMap();
    return new ObjectMetadata(
        objectId,
        containerId,
        contentLength == null ? 0 : contentLength,
        lastModified,
        contentType,
        contentEncoding);
  }
}
