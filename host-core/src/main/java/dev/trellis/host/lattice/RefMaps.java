package dev.trellis.host.lattice;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.LatticeDataCodec;
import dev.trellis.interfaces.control.RefMap;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Image references → public keys, under {@code REFMAP_{base64url(ref)}} (controlplane §4.2), so a
 * provider auction can tell whether a reference already runs on a host. Deletions are not handled,
 * as in OTP.
 */
public final class RefMaps implements LatticeWatch.Handler {
  private final KeyValue bucket;
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  public RefMaps(KeyValue bucket) {
    this.bucket = bucket;
  }

  /** Records that {@code ref} resolves to {@code publicKey}. */
  public void put(String ref, String publicKey) {
    RefMap map = new RefMap(ref, publicKey);
    keys.put(ref, publicKey);
    if (bucket == null) {
      return;
    }
    try {
      bucket.put(map.key(), LatticeDataCodec.encode(map));
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException("failed to store the reference " + ref + ": " + e.getMessage(), e);
    }
  }

  /**
   * The public key {@code ref} resolves to: a {@code V…}/{@code M…} key itself, or a recorded ref.
   */
  public Optional<String> resolve(String ref) {
    if (ref.length() == 56 && (ref.startsWith("V") || ref.startsWith("M"))) {
      return Optional.of(ref);
    }
    return Optional.ofNullable(keys.get(ref));
  }

  @Override
  public String keyPrefix() {
    return Subjects.REFMAP_KEY_PREFIX;
  }

  @Override
  public void entry(KeyValueEntry entry) {
    if (entry.getOperation() == KeyValueOperation.PUT) {
      try {
        RefMap map = LatticeDataCodec.decodeRefMap(entry.getValue());
        keys.put(map.ociUrl(), map.publicKey());
      } catch (DecodeException e) {
        // an unreadable refmap only costs an auction its "already running" check
      }
    }
  }
}
