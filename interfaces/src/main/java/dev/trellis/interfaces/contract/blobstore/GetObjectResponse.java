package dev.trellis.interfaces.contract.blobstore;

/**
 * The output of {@code Blobstore.GetObject}. Wire keys: {@code success, error?, initialChunk?,
 * contentLength, contentType?, contentEncoding?}.
 *
 * @param success whether the object was found and the download started
 * @param error the reason for a failure, or {@code null}
 * @param initialChunk the first chunk, or {@code null}
 * @param contentLength a {@code U64}, the object size
 * @param contentType a MIME type, or {@code null}
 * @param contentEncoding e.g. {@code gzip}, or {@code null}
 */
public record GetObjectResponse(
    boolean success,
    String error,
    Chunk initialChunk,
    long contentLength,
    String contentType,
    String contentEncoding) {

  public GetObjectResponse {
    if (contentLength < 0) {
      throw new IllegalArgumentException("contentLength must not be negative: " + contentLength);
    }
  }
}
