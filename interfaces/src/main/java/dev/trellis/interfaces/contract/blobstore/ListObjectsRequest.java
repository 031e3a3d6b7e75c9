package dev.trellis.interfaces.contract.blobstore;

/**
 * The input of {@code Blobstore.ListObjects}. Wire keys: {@code containerId, startWith?,
 * continuation?, endWith?, endBefore?, maxItems?}.
 *
 * @param containerId the container to list
 * @param startWith first object name to return, or {@code null}
 * @param continuation the token of a previous partial response, or {@code null}
 * @param endWith last object name to return, or {@code null}
 * @param endBefore stop before this name, or {@code null}
 * @param maxItems a {@code U32}: at most this many objects, or {@code null}
 */
public record ListObjectsRequest(
    String containerId,
    String startWith,
    String continuation,
    String endWith,
    String endBefore,
    Long maxItems) {

  public ListObjectsRequest {
    containerId = containerId == null ? "" : containerId;
    if (maxItems != null && (maxItems < 0 || maxItems > 0xffff_ffffL)) {
      throw new IllegalArgumentException("maxItems must be a U32: " + maxItems);
    }
  }
}
