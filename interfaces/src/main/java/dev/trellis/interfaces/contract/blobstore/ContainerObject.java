package dev.trellis.interfaces.contract.blobstore;

/**
 * An object address: input of {@code ObjectExists} and {@code GetObjectInfo}. Wire keys: {@code
 * containerId, objectId}.
 *
 * @param containerId the container name
 * @param objectId the object name within it
 */
public record ContainerObject(String containerId, String objectId) {

  public ContainerObject {
    containerId = containerId == null ? "" : containerId;
    objectId = objectId == null ? "" : objectId;
  }
}
