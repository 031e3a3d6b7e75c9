package dev.trellis.interfaces.contract.blobstore;

import java.util.List;

/**
 * The input of {@code Blobstore.RemoveObjects}; the output is an array of {@link ItemResult}. Wire
 * keys: {@code containerId, objects}.
 *
 * @param containerId the container
 * @param objects the object names to remove
 */
public record RemoveObjectsRequest(String containerId, List<String> objects) {

  public RemoveObjectsRequest {
    containerId = containerId == null ? "" : containerId;
    objects = objects == null ? List.of() : List.copyOf(objects);
  }
}
