package dev.trellis.host;

import dev.trellis.host.actor.ActorLimits;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.event.FriendlyName;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param labels the host's labels (controlplane §5.5), core labels included
 * @param ctlPrefix the control topic prefix, {@code wasmbus.ctl} by default
 * @param friendlyName a human name, e.g. {@code misty-river-4231}
 * @param version the host version reported in pings and heartbeats (semver)
 * @param jsDomain the JetStream domain, or null
 * @param natsHosts the configured NATS addresses reported in pings (ctl, rpc, provider rpc)
 */
public record HostConfig(
    String latticePrefix,
    KeyPair hostKey,
    KeyPair clusterKey,
    List<String> clusterIssuers,
    Duration rpcTimeout,
    ActorLimits actorLimits,
    Isolation isolation,
    Clock clock,
    Map<String, String> labels,
    String ctlPrefix,
    String friendlyName,
    String version,
    String jsDomain,
    NatsHosts natsHosts) {

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
    labels = Map.copyOf(labels == null ? Map.of() : labels);
    ctlPrefix = ctlPrefix == null || ctlPrefix.isEmpty() ? Subjects.DEFAULT_CTL_PREFIX : ctlPrefix;
    Objects.requireNonNull(friendlyName, "friendlyName");
    Objects.requireNonNull(version, "version");
    natsHosts = natsHosts == null ? NatsHosts.LOCAL : natsHosts;
  }

  /**
   * The NATS addresses a host reports in its ping reply ({@code ctl_host}, {@code rpc_host}, {@code
   * prov_rpc_host}); informational.
   */
  public record NatsHosts(String ctlHost, String rpcHost, String provRpcHost) {
    public static final NatsHosts LOCAL = new NatsHosts("127.0.0.1", "127.0.0.1", "127.0.0.1");
  }

  /** The core labels every host adds (controlplane §5.5), with Rust's names. */
  public static Map<String, String> coreLabels() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String osName = os.contains("mac") ? "macos" : os.contains("win") ? "windows" : "linux";
    String arch = System.getProperty("os.arch", "");
    String archName =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> arch;
        };
    return Map.of(
        "hostcore.os", osName,
        "hostcore.arch", archName,
        "hostcore.osfamily", osName.equals("windows") ? "windows" : "unix");
  }

  /** The version Trellis reports to the lattice. */
  public static final String VERSION = "0.1.0";

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
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String ctlPrefix = Subjects.DEFAULT_CTL_PREFIX;
    private String friendlyName;
    private String version = VERSION;
    private String jsDomain;
    private NatsHosts natsHosts = NatsHosts.LOCAL;

    private Builder() {}

    /** Adds a label; core labels ({@code hostcore.*}) are always set and win. */
    public Builder addLabel(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder withCtlPrefix(String value) {
      ctlPrefix = value;
      return this;
    }

    public Builder withFriendlyName(String value) {
      friendlyName = value;
      return this;
    }

    public Builder withVersion(String value) {
      version = value;
      return this;
    }

    public Builder withJsDomain(String value) {
      jsDomain = value;
      return this;
    }

    public Builder withNatsHosts(NatsHosts value) {
      natsHosts = value;
      return this;
    }

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
          clock,
          allLabels(),
          ctlPrefix,
          friendlyName != null ? friendlyName : FriendlyName.generate(new SecureRandom()),
          version,
          jsDomain,
          natsHosts);
    }

    private Map<String, String> allLabels() {
      Map<String, String> all = new LinkedHashMap<>(labels);
      all.putAll(coreLabels());
      return all;
    }
  }
}
