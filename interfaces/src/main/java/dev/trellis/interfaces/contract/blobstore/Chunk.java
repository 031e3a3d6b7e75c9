package dev.trellis.interfaces.contract.blobstore;

/**
 * A part of an object, uploaded with {@code PutObject}/{@code PutChunk} or delivered to the actor
 * with {@code ChunkReceiver.ReceiveChunk}. Wire keys: {@code objectId, containerId, bytes, offset,
 * isLast}.
 *
 * @param objectId the object name
 * @param containerId the container name
 * @param bytes the data of this chunk (not copied; callers must not mutate it)
 * @param offset a {@code U64}: the position of the chunk in the object
 * @param isLast whether this is the last chunk
 */
public record Chunk(
    String objectId, String containerId, byte[] bytes, long offset, boolean isLast) {

  public Chunk {
    objectId = objectId == null ? "" : objectId;
    containerId = containerId == null ? "" : containerId;
    bytes = bytes == null ? new byte[0] : bytes;
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
  }
}
