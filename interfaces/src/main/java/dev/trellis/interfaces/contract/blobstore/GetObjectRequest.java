package dev.trellis.interfaces.contract.blobstore;

/**
 * The input of {@code Blobstore.GetObject}; the rest of the object is delivered with {@code
 * ChunkReceiver.ReceiveChunk}. Wire keys: {@code objectId, containerId, rangeStart?, rangeEnd?}.
 *
 * @param objectId the object name
 * @param containerId the container name
 * @param rangeStart a {@code U64}: first byte wanted, or {@code null}
 * @param rangeEnd a {@code U64}: last byte wanted (inclusive), or {@code null}
 */
public record GetObjectRequest(
    String objectId, String containerId, Long rangeStart, Long rangeEnd) {

  public GetObjectRequest {
    objectId = objectId == null ? "" : objectId;
    containerId = containerId == null ? "" : containerId;
    if ((rangeStart != null && rangeStart < 0) || (rangeEnd != null && rangeEnd < 0)) {
      throw new IllegalArgumentException("rangeStart and rangeEnd must not be negative");
    }
  }
}
