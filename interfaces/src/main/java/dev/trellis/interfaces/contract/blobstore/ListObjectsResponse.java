package dev.trellis.interfaces.contract.blobstore;

import java.util.List;

/**
 * The output of {@code Blobstore.ListObjects}. Wire keys: {@code objects, isLast, continuation?}.
 *
 * @param objects the objects of this page
 * @param isLast whether this is the last page
 * @param continuation the token for the next page, or {@code null}
 */
public record ListObjectsResponse(
    List<ObjectMetadata> objects, boolean isLast, String continuation) {

  public ListObjectsResponse {
    objects = objects == null ? List.of() : List.copyOf(objects);
  }
}
