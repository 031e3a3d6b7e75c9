package dev.trellis.interfaces.contract.blobstore;

/**
 * A container (output of {@code GetContainerInfo}, element of {@code ListContainers}). Wire keys:
 * {@code containerId, createdAt?}.
 *
 * @param containerId the container name
 * @param createdAt when it was created, or {@code null}
 */
public record ContainerMetadata(String containerId, Timestamp createdAt) {

  public ContainerMetadata {
    containerId = containerId == null ? "" : containerId;
  }
}
