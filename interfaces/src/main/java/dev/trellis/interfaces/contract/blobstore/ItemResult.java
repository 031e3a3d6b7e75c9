package dev.trellis.interfaces.contract.blobstore;

/**
 * The result for one item of a batch operation ({@code RemoveContainers}, {@code RemoveObjects}).
 * Wire keys: {@code key, success, error?}.
 *
 * @param key the container or object name
 * @param success whether the operation succeeded for it
 * @param error the reason for a failure, or {@code null}
 */
public record ItemResult(String key, boolean success, String error) {

  public ItemResult {
    key = key == null ? "" : key;
  }
}
