package dev.trellis.interfaces.contract.blobstore;

import java.util.Objects;

/**
 * The input of {@code Blobstore.PutChunk}: a further chunk of an upload. Wire keys: {@code chunk,
 * streamId?, cancelAndRemove}.
 *
 * @param chunk the chunk
 * @param streamId the id returned by {@code PutObject}, or {@code null}
 * @param cancelAndRemove whether to abort the upload and remove the partial object
 */
public record PutChunkRequest(Chunk chunk, String streamId, boolean cancelAndRemove) {

  public PutChunkRequest {
    Objects.requireNonNull(chunk, "chunk");
  }
}
