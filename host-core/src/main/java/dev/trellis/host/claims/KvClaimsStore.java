package dev.trellis.host.claims;

import dev.trellis.host.lattice.LatticeException;
import dev.trellis.host.lattice.LatticeWatch;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.control.LatticeDataCodec;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims stored under {@code CLAIMS_{public key}} in the lattice bucket, every value a string (what
 * wash and wadm read). The in-memory index follows the bucket watch, so aliases declared by actors
 * on other hosts resolve here too.
 */
public final class KvClaimsStore implements ClaimsStore, LatticeWatch.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(KvClaimsStore.class);

  private final KeyValue bucket;
  private final ClaimsIndex index = new ClaimsIndex();

  public KvClaimsStore(KeyValue bucket) {
    this.bucket = bucket;
  }

  @Override
  public void put(ClaimsRecord claims) {
    index.add(claims);
    try {
      bucket.put(Subjects.claimsKey(claims.subject()), LatticeDataCodec.encode(claims));
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException(
          "failed to store the claims of " + claims.subject() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ClaimsRecord> find(String publicKey) {
    return index.find(publicKey);
  }

  @Override
  public Optional<String> resolveCallAlias(String alias) {
    return index.resolveCallAlias(alias);
  }

  @Override
  public Collection<ClaimsRecord> all() {
    return index.all();
  }

  @Override
  public String keyPrefix() {
    return Subjects.CLAIMS_KEY_PREFIX;
  }

  @Override
  public void entry(KeyValueEntry entry) {
    if (entry.getOperation() == KeyValueOperation.PUT) {
      try {
        index.add(LatticeDataCodec.decodeClaims(entry.getValue()));
      } catch (DecodeException e) {
        LOG.warn("ignoring unreadable claims key={} cause={}", entry.getKey(), e.getMessage());
      }
    } else {
      index.remove(entry.getKey().substring(Subjects.CLAIMS_KEY_PREFIX.length()));
    }
  }
}
