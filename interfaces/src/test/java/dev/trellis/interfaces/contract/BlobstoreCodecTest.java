package dev.trellis.interfaces.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.RawMsgpack;
import dev.trellis.interfaces.contract.blobstore.BlobstoreChunkCodec;
import dev.trellis.interfaces.contract.blobstore.BlobstoreCodec;
import dev.trellis.interfaces.contract.blobstore.Chunk;
import dev.trellis.interfaces.contract.blobstore.ChunkResponse;
import dev.trellis.interfaces.contract.blobstore.ContainerMetadata;
import dev.trellis.interfaces.contract.blobstore.ContainerObject;
import dev.trellis.interfaces.contract.blobstore.GetObjectRequest;
import dev.trellis.interfaces.contract.blobstore.GetObjectResponse;
import dev.trellis.interfaces.contract.blobstore.ItemResult;
import dev.trellis.interfaces.contract.blobstore.ListObjectsRequest;
import dev.trellis.interfaces.contract.blobstore.ListObjectsResponse;
import dev.trellis.interfaces.contract.blobstore.ObjectMetadata;
import dev.trellis.interfaces.contract.blobstore.PutChunkRequest;
import dev.trellis.interfaces.contract.blobstore.PutObjectRequest;
import dev.trellis.interfaces.contract.blobstore.PutObjectResponse;
import dev.trellis.interfaces.contract.blobstore.RemoveObjectsRequest;
import dev.trellis.interfaces.contract.blobstore.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BlobstoreCodecTest {
  private static final Timestamp T = Timestamp.of(Instant.parse("2023-04-10T23:36:15.711366Z"));
  private static final Chunk CHUNK = new Chunk("o", "c", new byte[] {1, 2}, 10, true);

  private static <T> void roundTrip(
      T value, Function<T, byte[]> encode, Function<byte[], T> decode) {
    assertThat(decode.apply(encode.apply(value))).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void containersAndListings() {
    roundTrip(
        new ContainerMetadata("c", T),
        BlobstoreCodec::encodeContainerMetadata,
        BlobstoreCodec::decodeContainerMetadata);
    roundTrip(
        List.of(new ContainerMetadata("a", null), new ContainerMetadata("b", T)),
        BlobstoreCodec::encodeContainerMetadataList,
        BlobstoreCodec::decodeContainerMetadataList);
    roundTrip(
        List.of(new ItemResult("a", true, null), new ItemResult("b", false, "busy")),
        BlobstoreCodec::encodeItemResults,
        BlobstoreCodec::decodeItemResults);
    roundTrip(
        new ContainerObject("c", "o"),
        BlobstoreCodec::encodeContainerObject,
        BlobstoreCodec::decodeContainerObject);
    ObjectMetadata meta = new ObjectMetadata("o", "c", 1L << 40, T, "text/plain", null);
    roundTrip(meta, BlobstoreCodec::encodeObjectMetadata, BlobstoreCodec::decodeObjectMetadata);
    roundTrip(
        new ListObjectsRequest("c", "a", null, null, "z", 100L),
        BlobstoreCodec::encodeListObjectsRequest,
        BlobstoreCodec::decodeListObjectsRequest);
    roundTrip(
        new ListObjectsResponse(List.of(meta, meta), false, "next"),
        BlobstoreCodec::encodeListObjectsResponse,
        BlobstoreCodec::decodeListObjectsResponse);
    roundTrip(
        new RemoveObjectsRequest("c", List.of("a", "b")),
        BlobstoreCodec::encodeRemoveObjectsRequest,
        BlobstoreCodec::decodeRemoveObjectsRequest);
  }

  @Test
  void chunksUploadsAndDownloads() {
    roundTrip(CHUNK, BlobstoreChunkCodec::encodeChunk, BlobstoreChunkCodec::decodeChunk);
    roundTrip(
        new ChunkResponse(true),
        BlobstoreChunkCodec::encodeChunkResponse,
        BlobstoreChunkCodec::decodeChunkResponse);
    roundTrip(
        new PutObjectRequest(CHUNK, "application/json", "gzip"),
        BlobstoreChunkCodec::encodePutObjectRequest,
        BlobstoreChunkCodec::decodePutObjectRequest);
    roundTrip(
        new PutObjectResponse("s1"),
        BlobstoreChunkCodec::encodePutObjectResponse,
        BlobstoreChunkCodec::decodePutObjectResponse);
    roundTrip(
        new PutObjectResponse(null),
        BlobstoreChunkCodec::encodePutObjectResponse,
        BlobstoreChunkCodec::decodePutObjectResponse);
    roundTrip(
        new PutChunkRequest(CHUNK, "s1", false),
        BlobstoreChunkCodec::encodePutChunkRequest,
        BlobstoreChunkCodec::decodePutChunkRequest);
    roundTrip(
        new GetObjectRequest("o", "c", 5L, null),
        BlobstoreChunkCodec::encodeGetObjectRequest,
        BlobstoreChunkCodec::decodeGetObjectRequest);
    roundTrip(
        new GetObjectResponse(true, null, CHUNK, 2, null, null),
        BlobstoreChunkCodec::encodeGetObjectResponse,
        BlobstoreChunkCodec::decodeGetObjectResponse);
  }

  @Test
  void timestampsAreSecNsecMaps() {
    byte[] bytes = BlobstoreCodec.encodeContainerMetadata(new ContainerMetadata("c", T));
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("createdAt", "sec", "nsec");
    assertThat(BlobstoreCodec.decodeContainerMetadata(bytes).createdAt().toInstant())
        .isEqualTo(Instant.parse("2023-04-10T23:36:15.711366Z"));
  }

  @Test
  void optionalsAreOmittedAndNilMeansAbsent() {
    byte[] bytes =
        BlobstoreCodec.encodeListObjectsRequest(
            new ListObjectsRequest("c", null, null, null, null, null));
    assertThat(bytes[0] & 0xff).isEqualTo(0x81);
    byte[] withNil =
        new RawMsgpack().map(2).str("containerId").str("c").str("createdAt").nil().build();
    assertThat(BlobstoreCodec.decodeContainerMetadata(withNil))
        .isEqualTo(new ContainerMetadata("c", null));
  }

  @Test
  void namesNestedFieldsInErrors() {
    byte[] bad =
        new RawMsgpack()
            .map(1)
            .str("objects")
            .array(1)
            .map(1)
            .str("contentLength")
            .str("big")
            .build();
    assertThatThrownBy(() -> BlobstoreCodec.decodeListObjectsResponse(bad))
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "failed to decode ListObjectsResponse: field 'objects.contentLength' must be an"
                + " integer, found string");
    byte[] noChunk = new RawMsgpack().map(1).str("streamId").str("s").build();
    assertThatThrownBy(() -> BlobstoreChunkCodec.decodePutChunkRequest(noChunk))
        .hasMessage("failed to decode PutChunkRequest: field 'chunk' is missing");
  }
}
