package dev.trellis.interfaces.control;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import java.util.List;
import java.util.Objects;

/**
 * The host configuration file {@code host_config.json} (controlplane §5.3): read from the working
 * directory at start, and written (to {@code $HOST_CONFIG} or {@code ~/.wash/host_config.json}) so
 * that wash finds the local host without flags. Keys and defaults are OTP 0.63's. The file holds
 * the cluster seed and the connection seeds: they are {@link Secret}s here and never show in {@code
 * toString()}. Host seed, labels and log settings are not part of it.
 *
 * @param latticePrefix {@code lattice_prefix}; default {@code default}
 * @param ctl {@code ctl_host/_port/_jwt/_seed/_tls}
 * @param ctlTopicPrefix {@code ctl_topic_prefix}; default {@code wasmbus.ctl}
 * @param rpc {@code rpc_host/_port/_jwt/_seed/_tls}
 * @param rpcTimeoutMs {@code rpc_timeout_ms}; default 2000
 * @param provRpc {@code prov_rpc_host/_port/_jwt/_seed/_tls}: what providers are told
 * @param clusterSeed {@code cluster_seed} ({@code SC…}); empty when none
 * @param clusterKey {@code cluster_key}: the cluster public key; {@code ""} when unknown
 * @param clusterIssuers {@code cluster_issuers}: accepted cluster keys, written as an array
 * @param jsDomain {@code js_domain}: the JetStream domain, or null for none
 * @param providerDelayMs {@code provider_delay}: pause after a provider shutdown request; 400
 * @param allowLatest {@code allow_latest}: accept {@code :latest} OCI references
 * @param allowedInsecure {@code allowed_insecure}: registries reachable over plain HTTP
 * @param configServiceEnabled {@code config_service_enabled}
 * @param enableIpv6 {@code enable_ipv6}
 * @param policyTopic {@code policy_topic}, or null for no policy service
 * @param policyChangesTopic {@code policy_changes_topic}, or null
 * @param policyTimeoutMs {@code policy_timeout}; default 1000
 */
public record HostConfigFile(
    String latticePrefix,
    NatsEndpoint ctl,
    String ctlTopicPrefix,
    NatsEndpoint rpc,
    long rpcTimeoutMs,
    NatsEndpoint provRpc,
    Secret clusterSeed,
    String clusterKey,
    List<String> clusterIssuers,
    String jsDomain,
    long providerDelayMs,
    boolean allowLatest,
    List<String> allowedInsecure,
    boolean configServiceEnabled,
    boolean enableIpv6,
    String policyTopic,
    String policyChangesTopic,
    long policyTimeoutMs) {

  public HostConfigFile {
    Objects.requireNonNull(latticePrefix, "latticePrefix");
    Objects.requireNonNull(ctl, "ctl");
    Objects.requireNonNull(ctlTopicPrefix, "ctlTopicPrefix");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(provRpc, "provRpc");
    clusterSeed = clusterSeed == null ? Secret.empty() : clusterSeed;
    clusterKey = clusterKey == null ? "" : clusterKey;
    clusterIssuers = clusterIssuers == null ? List.of() : List.copyOf(clusterIssuers);
    allowedInsecure = allowedInsecure == null ? List.of() : List.copyOf(allowedInsecure);
    requireNonNegative(rpcTimeoutMs, "rpcTimeoutMs");
    requireNonNegative(providerDelayMs, "providerDelayMs");
    requireNonNegative(policyTimeoutMs, "policyTimeoutMs");
  }

  /** OTP's defaults: lattice {@code default}, every connection to {@code 127.0.0.1:4222}. */
  public static HostConfigFile defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this file's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.latticePrefix = latticePrefix;
    b.ctl = ctl;
    b.ctlTopicPrefix = ctlTopicPrefix;
    b.rpc = rpc;
    b.rpcTimeoutMs = rpcTimeoutMs;
    b.provRpc = provRpc;
    b.clusterSeed = clusterSeed;
    b.clusterKey = clusterKey;
    b.clusterIssuers = clusterIssuers;
    b.jsDomain = jsDomain;
    b.providerDelayMs = providerDelayMs;
    b.allowLatest = allowLatest;
    b.allowedInsecure = allowedInsecure;
    b.configServiceEnabled = configServiceEnabled;
    b.enableIpv6 = enableIpv6;
    b.policyTopic = policyTopic;
    b.policyChangesTopic = policyChangesTopic;
    b.policyTimeoutMs = policyTimeoutMs;
    return b;
  }

  private static void requireNonNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
  }

  /** Builds a {@link HostConfigFile}; unset values keep OTP's defaults. */
  public static final class Builder {
    private String latticePrefix = Subjects.DEFAULT_LATTICE;
    private NatsEndpoint ctl = NatsEndpoint.DEFAULT;
    private String ctlTopicPrefix = Subjects.DEFAULT_CTL_PREFIX;
    private NatsEndpoint rpc = NatsEndpoint.DEFAULT;
    private long rpcTimeoutMs = 2_000;
    private NatsEndpoint provRpc = NatsEndpoint.DEFAULT;
    private Secret clusterSeed = Secret.empty();
    private String clusterKey = "";
    private List<String> clusterIssuers = List.of();
    private String jsDomain;
    private long providerDelayMs = 400;
    private boolean allowLatest;
    private List<String> allowedInsecure = List.of();
    private boolean configServiceEnabled;
    private boolean enableIpv6;
    private String policyTopic;
    private String policyChangesTopic;
    private long policyTimeoutMs = 1_000;

    private Builder() {}

    public Builder withLatticePrefix(String value) {
      this.latticePrefix = value;
      return this;
    }

    public Builder withCtl(NatsEndpoint value) {
      this.ctl = value;
      return this;
    }

    public Builder withCtlTopicPrefix(String value) {
      this.ctlTopicPrefix = value;
      return this;
    }

    public Builder withRpc(NatsEndpoint value) {
      this.rpc = value;
      return this;
    }

    public Builder withRpcTimeoutMs(long value) {
      this.rpcTimeoutMs = value;
      return this;
    }

    public Builder withProvRpc(NatsEndpoint value) {
      this.provRpc = value;
      return this;
    }

    public Builder withClusterSeed(Secret value) {
      this.clusterSeed = value;
      return this;
    }

    public Builder withClusterKey(String value) {
      this.clusterKey = value;
      return this;
    }

    public Builder withClusterIssuers(List<String> value) {
      this.clusterIssuers = value;
      return this;
    }

    /** The JetStream domain; null for none. */
    public Builder withJsDomain(String value) {
      this.jsDomain = value;
      return this;
    }

    public Builder withProviderDelayMs(long value) {
      this.providerDelayMs = value;
      return this;
    }

    public Builder withAllowLatest(boolean value) {
      this.allowLatest = value;
      return this;
    }

    public Builder withAllowedInsecure(List<String> value) {
      this.allowedInsecure = value;
      return this;
    }

    public Builder withConfigServiceEnabled(boolean value) {
      this.configServiceEnabled = value;
      return this;
    }

    public Builder withEnableIpv6(boolean value) {
      this.enableIpv6 = value;
      return this;
    }

    /** The policy service topic; null for none. */
    public Builder withPolicyTopic(String value) {
      this.policyTopic = value;
      return this;
    }

    /** The policy changes topic; null for none. */
    public Builder withPolicyChangesTopic(String value) {
      this.policyChangesTopic = value;
      return this;
    }

    public Builder withPolicyTimeoutMs(long value) {
      this.policyTimeoutMs = value;
      return this;
    }

    public HostConfigFile build() {
      return new HostConfigFile(
          latticePrefix,
          ctl,
          ctlTopicPrefix,
          rpc,
          rpcTimeoutMs,
          provRpc,
          clusterSeed,
          clusterKey,
          clusterIssuers,
          jsDomain,
          providerDelayMs,
          allowLatest,
          allowedInsecure,
          configServiceEnabled,
          enableIpv6,
          policyTopic,
          policyChangesTopic,
          policyTimeoutMs);
    }
  }
}
