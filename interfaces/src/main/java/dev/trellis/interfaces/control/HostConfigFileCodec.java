package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link HostConfigFile} ({@code host_config.json}, controlplane §5.3).
 *
 * <p>Writing produces pretty-printed JSON with every key, OTP's names, {@code cluster_issuers} as
 * an array and {@code null} for an absent JetStream domain or policy topic; the file is replaced
 * atomically and, where the file system has POSIX permissions, readable by its owner only (it holds
 * seeds). Reading ignores unknown keys, gives absent or {@code null} keys their default, accepts
 * OTP's numeric {@code prov_rpc_tls} (0/1) and a comma-joined {@code cluster_issuers}.
 */
public final class HostConfigFileCodec {
  /** The file name, in the working directory (read) and under {@code ~/.wash} (written). */
  public static final String FILE_NAME = "host_config.json";

  /** The environment variable naming where to write the file instead of {@code ~/.wash}. */
  public static final String PATH_VARIABLE = "HOST_CONFIG";

  private static final String TYPE = "host_config.json";

  private HostConfigFileCodec() {}

  /** Where the host writes its effective configuration: {@code $HOST_CONFIG}, else wash's. */
  public static Path defaultPath(Map<String, String> environment, Path userHome) {
    String explicit = environment.get(PATH_VARIABLE);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return userHome.resolve(".wash").resolve(FILE_NAME);
  }

  /** Pretty-printed UTF-8 JSON of {@code config}, seeds included. */
  public static byte[] encode(HostConfigFile c) {
    ObjectNode n = JsonText.object();
    n.put("lattice_prefix", c.latticePrefix());
    putEndpoint(n, "ctl_", c.ctl());
    n.put("ctl_topic_prefix", c.ctlTopicPrefix());
    putEndpoint(n, "rpc_", c.rpc());
    n.put("rpc_timeout_ms", c.rpcTimeoutMs());
    putEndpoint(n, "prov_rpc_", c.provRpc());
    n.put("cluster_seed", c.clusterSeed().reveal());
    n.put("cluster_key", c.clusterKey());
    ArrayNode issuers = n.putArray("cluster_issuers");
    c.clusterIssuers().forEach(issuers::add);
    n.put("js_domain", c.jsDomain());
    n.put("provider_delay", c.providerDelayMs());
    n.put("allow_latest", c.allowLatest());
    ArrayNode insecure = n.putArray("allowed_insecure");
    c.allowedInsecure().forEach(insecure::add);
    n.put("config_service_enabled", c.configServiceEnabled());
    n.put("enable_ipv6", c.enableIpv6());
    n.put("policy_topic", c.policyTopic());
    n.put("policy_changes_topic", c.policyChangesTopic());
    n.put("policy_timeout", c.policyTimeoutMs());
    return (JsonText.pretty(n) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes the file's content.
   *
   * @throws DecodeException when it is not a host configuration object
   */
  public static HostConfigFile decode(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data(TYPE));
    HostConfigFile d = HostConfigFile.defaults();
    return HostConfigFile.builder()
        .withLatticePrefix(f.string("lattice_prefix", d.latticePrefix()))
        .withCtl(endpoint(f, "ctl_"))
        .withCtlTopicPrefix(f.string("ctl_topic_prefix", d.ctlTopicPrefix()))
        .withRpc(endpoint(f, "rpc_"))
        .withRpcTimeoutMs(longOr(f, "rpc_timeout_ms", d.rpcTimeoutMs()))
        .withProvRpc(endpoint(f, "prov_rpc_"))
        .withClusterSeed(Secret.of(f.string("cluster_seed")))
        .withClusterKey(f.string("cluster_key"))
        .withClusterIssuers(list(f, "cluster_issuers"))
        .withJsDomain(f.string("js_domain"))
        .withProviderDelayMs(longOr(f, "provider_delay", d.providerDelayMs()))
        .withAllowLatest(boolOr(f, "allow_latest"))
        .withAllowedInsecure(list(f, "allowed_insecure"))
        .withConfigServiceEnabled(boolOr(f, "config_service_enabled"))
        .withEnableIpv6(boolOr(f, "enable_ipv6"))
        .withPolicyTopic(f.string("policy_topic"))
        .withPolicyChangesTopic(f.string("policy_changes_topic"))
        .withPolicyTimeoutMs(longOr(f, "policy_timeout", d.policyTimeoutMs()))
        .build();
  }

  /**
   * Reads {@code path}.
   *
   * @throws HostConfigFileException when the file cannot be read
   * @throws DecodeException when its content is not a host configuration
   */
  public static HostConfigFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new HostConfigFileException(
          "failed to read host config " + path + ": " + e.getClass().getSimpleName(), e);
    }
    return decode(bytes);
  }

  /**
   * Writes {@code config} to {@code path}, creating the parent directories, replacing the file
   * atomically where the file system allows it.
   *
   * @throws HostConfigFileException when the file cannot be written
   */
  public static void write(Path path, HostConfigFile config) {
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".host_config", ".tmp");
      try {
        ownerOnly(temp);
        Files.write(temp, encode(config));
        try {
          Files.move(
              temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new HostConfigFileException(
          "failed to write host config " + path + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the platform's default permissions apply
    }
  }

  private static void putEndpoint(ObjectNode n, String prefix, NatsEndpoint e) {
    n.put(prefix + "host", e.host());
    n.put(prefix + "port", e.port());
    n.put(prefix + "jwt", e.jwt());
    n.put(prefix + "seed", e.seed().reveal());
    n.put(prefix + "tls", e.tls());
  }

  private static NatsEndpoint endpoint(JsonFields f, String prefix) {
    NatsEndpoint d = NatsEndpoint.DEFAULT;
    Integer port = f.integer(prefix + "port", 1, 65_535);
    Boolean tls = f.boolOrNumber(prefix + "tls");
    return new NatsEndpoint(
        f.string(prefix + "host", d.host()),
        port == null ? d.port() : port,
        f.string(prefix + "jwt"),
        Secret.of(f.string(prefix + "seed")),
        tls != null && tls);
  }

  private static long longOr(JsonFields f, String field, long fallback) {
    Long value = f.unsignedLong(field);
    return value == null ? fallback : value;
  }

  private static boolean boolOr(JsonFields f, String field) {
    Boolean value = f.boolOrNumber(field);
    return value != null && value;
  }

  private static List<String> list(JsonFields f, String field) {
    if (f.get(field) != null && f.get(field).isTextual()) {
      return HostCodec.splitCommas(f.string(field));
    }
    List<String> items = f.stringList(field);
    return items == null ? List.of() : items;
  }
}
