package dev.trellis.host;

import dev.trellis.host.actor.ActorLimits;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A host's identity and settings for one lattice. The cluster key signs every invocation the host
 * sends; its public key is always among the accepted issuers (controlplane §5.2).
 *
 * @param latticePrefix the lattice prefix, e.g. {@code default}
 * @param hostKey the host's server key ({@code N…})
 * @param clusterKey the cluster key ({@code C…}) that signs invocations
 * @param clusterIssuers accepted invocation signers, the cluster key's public key first
 * @param rpcTimeout outbound RPC timeout (15 s for payloads over 900 KiB)
 * @param actorLimits limits for actors started without their own
 * @param isolation isolation for actors started without their own
 * @param clock the clock for claims validation and events
 */
public record HostConfig(
    String latticePrefix,
    KeyPair hostKey,
    KeyPair clusterKey,
    List<String> clusterIssuers,
    Duration rpcTimeout,
    ActorLimits actorLimits,
    Isolation isolation,
    Clock clock) {

  public HostConfig {
    Subjects.validateLatticePrefix(latticePrefix);
    Objects.requireNonNull(hostKey, "hostKey");
    Objects.requireNonNull(clusterKey, "clusterKey");
    if (hostKey.type() != KeyType.SERVER) {
      throw new IllegalArgumentException("the host key must be a server (N…) key");
    }
    if (clusterKey.type() != KeyType.CLUSTER) {
      throw new IllegalArgumentException("the cluster key must be a cluster (C…) key");
    }
    LinkedHashSet<String> issuers = new LinkedHashSet<>();
    issuers.add(clusterKey.publicKey());
    if (clusterIssuers != null) {
      issuers.addAll(clusterIssuers);
    }
    clusterIssuers = List.copyOf(new ArrayList<>(issuers));
    Objects.requireNonNull(rpcTimeout, "rpcTimeout");
    Objects.requireNonNull(actorLimits, "actorLimits");
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(clock, "clock");
  }

  public String hostId() {
    return hostKey.publicKey();
  }

  /** A config with fresh host and cluster keys and every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link HostConfig}; unset keys are generated. */
  public static final class Builder {
    private String latticePrefix = "default";
    private KeyPair hostKey;
    private KeyPair clusterKey;
    private final List<String> clusterIssuers = new ArrayList<>();
    private Duration rpcTimeout = Duration.ofMillis(2000);
    private ActorLimits actorLimits = ActorLimits.DEFAULT;
    private Isolation isolation = Isolation.POOLED;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder withLatticePrefix(String value) {
      latticePrefix = value;
      return this;
    }

    public Builder withHostKey(KeyPair value) {
      hostKey = value;
      return this;
    }

    public Builder withClusterKey(KeyPair value) {
      clusterKey = value;
      return this;
    }

    public Builder addClusterIssuer(String publicKey) {
      clusterIssuers.add(publicKey);
      return this;
    }

    public Builder withRpcTimeout(Duration value) {
      rpcTimeout = value;
      return this;
    }

    public Builder withActorLimits(ActorLimits value) {
      actorLimits = value;
      return this;
    }

    public Builder withIsolation(Isolation value) {
      isolation = value;
      return this;
    }

    public Builder withClock(Clock value) {
      clock = value;
      return this;
    }

    public HostConfig build() {
      return new HostConfig(
          latticePrefix,
          hostKey != null ? hostKey : KeyPair.generate(KeyType.SERVER),
          clusterKey != null ? clusterKey : KeyPair.generate(KeyType.CLUSTER),
          clusterIssuers,
          rpcTimeout,
          actorLimits,
          isolation,
          clock);
    }
  }
}
