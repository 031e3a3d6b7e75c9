package dev.trellis.interfaces.contract.blobstore;

import java.util.Objects;

/**
 * The input of {@code Blobstore.PutObject}: the first chunk of an upload. Wire keys: {@code chunk,
 * contentType?, contentEncoding?}.
 *
 * @param chunk the first (maybe only) chunk
 * @param contentType a MIME type, or {@code null}
 * @param contentEncoding e.g. {@code gzip}, or {@code null}
 */
public record PutObjectRequest(Chunk chunk, String contentType, String contentEncoding) {

  public PutObjectRequest {
    Objects.requireNonNull(chunk, "chunk");
  }
}
