package dev.trellis.interfaces.contract.blobstore;

/**
 * An object's metadata (output of {@code GetObjectInfo}, element of {@code ListObjectsResponse}).
 * Wire keys: {@code objectId, containerId, contentLength, lastModified?, contentType?,
 * contentEncoding?}.
 *
 * @param objectId the object name
 * @param containerId the container name
 * @param contentLength a {@code U64}, the size in bytes
 * @param lastModified the last change, or {@code null}
 * @param contentType a MIME type, or {@code null}
 * @param contentEncoding e.g. {@code gzip}, or {@code null}
 */
public record ObjectMetadata(
    String objectId,
    String containerId,
    long contentLength,
    Timestamp lastModified,
    String contentType,
    String contentEncoding) {

  public ObjectMetadata {
    objectId = objectId == null ? "" : objectId;
    containerId = containerId == null ? "" : containerId;
    if (contentLength < 0) {
      throw new IllegalArgumentException("contentLength must not be negative: " + contentLength);
    }
  }
}
