package dev.trellis.interfaces.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON and stdin-line forms of {@link HostData} (spec §6.1, §6.2).
 *
 * <p>Encoding writes compact JSON with OTP 0.63's keys in OTP's order, every key present: the
 * nullable optionals as JSON {@code null} when absent, {@code lattice_rpc_tls} as the integer
 * {@code 0}/{@code 1} as OTP does (no known provider reads it). The stdin line is the standard,
 * padded base64 of that JSON followed by {@code \n}.
 *
 * <p>Decoding follows rpc-rs 0.15: {@code link_definitions}, {@code cluster_issuers} and {@code
 * env_values} are required; every other key may be absent or {@code null}; unknown keys are
 * ignored. Two OTP-only extras are read leniently because rpc-rs ignores them: {@code
 * lattice_rpc_tls} (a boolean or a number, anything else = false) and {@code js_domain} (a string,
 * anything else = null). {@code enable_structured_logging} (OTP 0.55–0.60) is read when {@code
 * structured_logging} is absent. Error messages name fields but never quote the input.
 */
public final class HostDataCodec {
  static final String TYPE = "HostData";

  private HostDataCodec() {}

  /** Compact JSON of {@code hostData}. */
  public static String toJson(HostData hostData) {
    ObjectNode n = JsonText.object();
    n.put("host_id", hostData.hostId());
    n.put("lattice_rpc_prefix", hostData.latticeRpcPrefix());
    n.put("link_name", hostData.linkName());
    n.put("lattice_rpc_user_jwt", hostData.latticeRpcUserJwt());
    n.put("lattice_rpc_user_seed", hostData.latticeRpcUserSeed().reveal());
    n.put("lattice_rpc_url", hostData.latticeRpcUrl());
    n.put("lattice_rpc_tls", hostData.latticeRpcTls() ? 1 : 0);
    ObjectNode env = n.putObject("env_values");
    new TreeMap<>(hostData.envValues()).forEach(env::put);
    n.put("instance_id", hostData.instanceId());
    n.put("provider_key", hostData.providerKey());
    ArrayNode links = n.putArray("link_definitions");
    hostData.linkDefinitions().forEach(l -> links.add(LinkDefinitionCodec.toJson(l)));
    n.put("config_json", hostData.configJson());
    n.put("default_rpc_timeout_ms", hostData.defaultRpcTimeoutMs());
    ArrayNode issuers = n.putArray("cluster_issuers");
    hostData.clusterIssuers().forEach(issuers::add);
    n.put("invocation_seed", hostData.invocationSeed().reveal());
    n.put("js_domain", hostData.jsDomain());
    n.put("structured_logging", hostData.structuredLogging());
    n.put("log_level", hostData.logLevel());
    return JsonText.text(n);
  }

  /**
   * Decodes HostData JSON.
   *
   * @throws DecodeException if {@code json} is not a HostData object
   */
  public static HostData fromJson(String json) {
    JsonFields f = JsonText.parseObject(json, JsonFields.Failures.of(TYPE));
    Map<String, String> env = f.stringMap("env_values");
    if (env == null) {
      throw f.missing("env_values");
    }
    JsonNode linkNodes = f.array("link_definitions");
    if (linkNodes == null) {
      throw f.missing("link_definitions");
    }
    List<LinkDefinition> links = new ArrayList<>(linkNodes.size());
    for (int i = 0; i < linkNodes.size(); i++) {
      links.add(
          LinkDefinitionCodec.fromJson(linkNodes.get(i), TYPE, "link_definitions[" + i + "]"));
    }
    List<String> issuers = f.stringList("cluster_issuers");
    if (issuers == null) {
      throw f.missing("cluster_issuers");
    }
    Boolean structured = f.bool("structured_logging");
    if (structured == null) {
      structured = f.bool("enable_structured_logging");
    }
    return new HostData(
        f.string("host_id"),
        f.string("lattice_rpc_prefix"),
        f.string("link_name"),
        f.string("lattice_rpc_user_jwt"),
        Secret.of(f.string("lattice_rpc_user_seed")),
        f.string("lattice_rpc_url"),
        lenientFlag(f.get("lattice_rpc_tls")),
        f.string("provider_key"),
        Secret.of(f.string("invocation_seed")),
        env,
        f.string("instance_id"),
        links,
        issuers,
        f.string("config_json"),
        f.unsignedLong("default_rpc_timeout_ms"),
        structured != null && structured,
        f.string("log_level"),
        lenientString(f.get("js_domain")));
  }

  /** The line a host writes on a provider's stdin: base64 of the compact JSON, then {@code \n}. */
  public static String toStdinLine(HostData hostData) {
    byte[] json = toJson(hostData).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(json) + "\n";
  }

  /**
   * Decodes the stdin line (surrounding whitespace and the newline are trimmed; padding optional).
   *
   * @throws DecodeException if the line is empty, not base64, or not HostData JSON
   */
  public static HostData fromStdinLine(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      throw new DecodeException(TYPE, "the stdin line is empty; expected base64 of HostData JSON");
    }
    byte[] json;
    try {
      json = Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(TYPE, "the stdin line is not standard base64");
    }
    return fromJson(new String(json, StandardCharsets.UTF_8));
  }

  private static boolean lenientFlag(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNumber() && node.doubleValue() != 0;
  }

  private static String lenientString(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
