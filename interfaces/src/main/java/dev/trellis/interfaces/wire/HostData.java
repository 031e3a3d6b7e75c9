package dev.trellis.interfaces.wire;

import dev.trellis.interfaces.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a host tells a provider process at start (spec §6.2), as one line of base64 JSON on its
 * stdin ({@link HostDataCodec}). Strings that rpc-rs defaults to {@code ""} are never null here;
 * the optionals OTP may send as {@code null} ({@code config_json}, {@code default_rpc_timeout_ms},
 * {@code log_level}, {@code js_domain}) are {@code null} when absent.
 *
 * <p>The two seeds are {@link Secret}s, and {@link #toString()} shows identities only: no seed, no
 * {@code config_json}, no link values (both may carry credentials).
 *
 * @param hostId the host key {@code N…}; {@code _TEST_} puts rpc-rs providers in test mode
 * @param latticeRpcPrefix the lattice prefix, e.g. {@code default}
 * @param linkName the link name this provider instance serves
 * @param latticeRpcUserJwt NATS user JWT for the provider's connection, {@code ""} if none
 * @param latticeRpcUserSeed NATS user seed for that connection, empty if none
 * @param latticeRpcUrl NATS address, OTP style without scheme, e.g. {@code 127.0.0.1:4222}
 * @param latticeRpcTls whether the provider's NATS connection uses TLS (OTP-only extra)
 * @param providerKey the provider key {@code V…}
 * @param invocationSeed the cluster seed {@code SC…} the provider signs invocations with
 * @param envValues always {@code {}} from OTP; kept for compatibility
 * @param instanceId a UUID, new on every start
 * @param linkDefinitions the links of this provider key and link name at start time
 * @param clusterIssuers the accepted invocation signers {@code C…}
 * @param configJson opaque provider configuration, or null
 * @param defaultRpcTimeoutMs the host's RPC timeout, or null (providers then use 2000 ms)
 * @param structuredLogging whether the provider should log JSON
 * @param logLevel {@code trace/debug/info/warn/error}, or null
 * @param jsDomain the JetStream domain (OTP-only extra), or null
 */
public record HostData(
    String hostId,
    String latticeRpcPrefix,
    String linkName,
    String latticeRpcUserJwt,
    Secret latticeRpcUserSeed,
    String latticeRpcUrl,
    boolean latticeRpcTls,
    String providerKey,
    Secret invocationSeed,
    Map<String, String> envValues,
    String instanceId,
    List<LinkDefinition> linkDefinitions,
    List<String> clusterIssuers,
    String configJson,
    Long defaultRpcTimeoutMs,
    boolean structuredLogging,
    String logLevel,
    String jsDomain) {

  /** The NATS address providers use when {@code lattice_rpc_url} is empty (rpc-rs default). */
  public static final String DEFAULT_NATS_URL = "nats://127.0.0.1:4222";

  /** The RPC timeout providers use when {@code default_rpc_timeout_ms} is absent. */
  public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofMillis(2000);

  public HostData {
    hostId = orEmpty(hostId);
    latticeRpcPrefix = orEmpty(latticeRpcPrefix);
    linkName = orEmpty(linkName);
    latticeRpcUserJwt = orEmpty(latticeRpcUserJwt);
    latticeRpcUserSeed = latticeRpcUserSeed == null ? Secret.empty() : latticeRpcUserSeed;
    latticeRpcUrl = orEmpty(latticeRpcUrl);
    providerKey = orEmpty(providerKey);
    invocationSeed = invocationSeed == null ? Secret.empty() : invocationSeed;
    envValues = envValues == null ? Map.of() : Map.copyOf(envValues);
    instanceId = orEmpty(instanceId);
    linkDefinitions = linkDefinitions == null ? List.of() : List.copyOf(linkDefinitions);
    clusterIssuers = clusterIssuers == null ? List.of() : List.copyOf(clusterIssuers);
    if (defaultRpcTimeoutMs != null && defaultRpcTimeoutMs < 0) {
      throw new IllegalArgumentException(
          "defaultRpcTimeoutMs must not be negative: " + defaultRpcTimeoutMs);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The NATS URL to connect to: {@code lattice_rpc_url} with {@code nats://} added when it has no
   * scheme (OTP sends {@code host:port}), or {@link #DEFAULT_NATS_URL} when it is empty.
   */
  public String natsUrl() {
    if (latticeRpcUrl.isBlank()) {
      return DEFAULT_NATS_URL;
    }
    return latticeRpcUrl.contains("://") ? latticeRpcUrl : "nats://" + latticeRpcUrl;
  }

  /** {@code default_rpc_timeout_ms}, or {@link #DEFAULT_RPC_TIMEOUT} when absent. */
  public Duration rpcTimeout() {
    return defaultRpcTimeoutMs == null
        ? DEFAULT_RPC_TIMEOUT
        : Duration.ofMillis(defaultRpcTimeoutMs);
  }

  /** Identities only: seeds, {@code config_json} and link values are left out. */
  @Override
  public String toString() {
    return "HostData[hostId="
        + hostId
        + ", latticeRpcPrefix="
        + latticeRpcPrefix
        + ", linkName="
        + linkName
        + ", providerKey="
        + providerKey
        + ", instanceId="
        + instanceId
        + ", latticeRpcUrl="
        + latticeRpcUrl
        + ", links="
        + linkDefinitions.size()
        + ", clusterIssuers="
        + clusterIssuers
        + "]";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Builds a {@link HostData}; every field starts absent (empty or null). */
  public static final class Builder {
    private String hostId;
    private String latticeRpcPrefix;
    private String linkName;
    private String latticeRpcUserJwt;
    private Secret latticeRpcUserSeed;
    private String latticeRpcUrl;
    private boolean latticeRpcTls;
    private String providerKey;
    private Secret invocationSeed;
    private final Map<String, String> envValues = new LinkedHashMap<>();
    private String instanceId;
    private final List<LinkDefinition> linkDefinitions = new ArrayList<>();
    private final List<String> clusterIssuers = new ArrayList<>();
    private String configJson;
    private Long defaultRpcTimeoutMs;
    private boolean structuredLogging;
    private String logLevel;
    private String jsDomain;

    private Builder() {}

    public Builder withHostId(String v) {
      hostId = v;
      return this;
    }

    public Builder withLatticeRpcPrefix(String v) {
      latticeRpcPrefix = v;
      return this;
    }

    public Builder withLinkName(String v) {
      linkName = v;
      return this;
    }

    public Builder withLatticeRpcUserJwt(String v) {
      latticeRpcUserJwt = v;
      return this;
    }

    public Builder withLatticeRpcUserSeed(Secret v) {
      latticeRpcUserSeed = v;
      return this;
    }

    public Builder withLatticeRpcUrl(String v) {
      latticeRpcUrl = v;
      return this;
    }

    public Builder withLatticeRpcTls(boolean v) {
      latticeRpcTls = v;
      return this;
    }

    public Builder withProviderKey(String v) {
      providerKey = v;
      return this;
    }

    public Builder withInvocationSeed(Secret v) {
      invocationSeed = v;
      return this;
    }

    public Builder addEnvValue(String key, String value) {
      envValues.put(key, value);
      return this;
    }

    public Builder withInstanceId(String v) {
      instanceId = v;
      return this;
    }

    public Builder addLinkDefinition(LinkDefinition v) {
      linkDefinitions.add(v);
      return this;
    }

    public Builder addClusterIssuer(String v) {
      clusterIssuers.add(v);
      return this;
    }

    public Builder withConfigJson(String v) {
      configJson = v;
      return this;
    }

    public Builder withDefaultRpcTimeoutMs(Long v) {
      defaultRpcTimeoutMs = v;
      return this;
    }

    public Builder withStructuredLogging(boolean v) {
      structuredLogging = v;
      return this;
    }

    public Builder withLogLevel(String v) {
      logLevel = v;
      return this;
    }

    public Builder withJsDomain(String v) {
      jsDomain = v;
      return this;
    }

    public HostData build() {
      return new HostData(
          hostId,
          latticeRpcPrefix,
          linkName,
          latticeRpcUserJwt,
          latticeRpcUserSeed,
          latticeRpcUrl,
          latticeRpcTls,
          providerKey,
          invocationSeed,
          envValues,
          instanceId,
          linkDefinitions,
          clusterIssuers,
          configJson,
          defaultRpcTimeoutMs,
          structuredLogging,
          logLevel,
          jsDomain);
    }
  }
}
