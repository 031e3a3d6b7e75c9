package dev.trellis.cli.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;

/**
 * Context files in wash's JSON (wash 0.18 {@code WashContext}): {@code name, cluster_seed,
 * ctl_host, ctl_port, ctl_jwt, ctl_seed, ctl_credsfile, ctl_timeout, lattice_prefix, js_domain,
 * rpc_host, rpc_port, rpc_jwt, rpc_seed, rpc_credsfile, rpc_timeout}; absent optional values are
 * written as {@code null}, as serde does.
 *
 * <p>Reading is lenient like serde's defaults: missing fields take wash's defaults; ports and
 * timeouts may be numbers or numeric strings; older files' {@code ctl_lattice_prefix} (then {@code
 * rpc_lattice_prefix}) stand in for {@code lattice_prefix}. The same reader turns the host's {@code
 * host_config.json} (controlplane §5.3) into a context, where {@code rpc_timeout_ms} stands in for
 * {@code rpc_timeout}. Unknown fields are ignored.
 */
public final class ContextJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ContextJson() {}

  /**
   * The context in {@code json}, named {@code name} (the {@code name} field is ignored: the file
   * name wins, as wash's loader effectively does).
   *
   * @throws IllegalArgumentException if the text is not a JSON object or a value has the wrong type
   */
  public static Context parse(String json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    String lattice =
        text(root, "lattice_prefix", null) != null
            ? text(root, "lattice_prefix", null)
            : text(
                root,
                "ctl_lattice_prefix",
                text(root, "rpc_lattice_prefix", Subjects.DEFAULT_LATTICE));
    long rpcTimeout =
        root.hasNonNull("rpc_timeout")
            ? number(root, "rpc_timeout", Context.DEFAULT_TIMEOUT_MS)
            : number(root, "rpc_timeout_ms", Context.DEFAULT_TIMEOUT_MS);
    return new Context(
        name,
        Secret.of(text(root, "cluster_seed", null)),
        text(root, "ctl_host", Context.DEFAULT_HOST),
        (int) number(root, "ctl_port", Context.DEFAULT_PORT),
        text(root, "ctl_jwt", null),
        Secret.of(text(root, "ctl_seed", null)),
        text(root, "ctl_credsfile", null),
        number(root, "ctl_timeout", Context.DEFAULT_TIMEOUT_MS),
        lattice,
        text(root, "js_domain", null),
        text(root, "rpc_host", Context.DEFAULT_HOST),
        (int) number(root, "rpc_port", Context.DEFAULT_PORT),
        text(root, "rpc_jwt", null),
        Secret.of(text(root, "rpc_seed", null)),
        text(root, "rpc_credsfile", null),
        rpcTimeout);
  }

  /** {@code context} as wash writes it (indented for hand editing). */
  public static String write(Context context) {
    ObjectNode out = JSON.createObjectNode();
    out.put("name", context.name());
    out.put("cluster_seed", orNull(context.clusterSeed()));
    out.put("ctl_host", context.ctlHost());
    out.put("ctl_port", context.ctlPort());
    out.put("ctl_jwt", context.ctlJwt());
    out.put("ctl_seed", orNull(context.ctlSeed()));
    out.put("ctl_credsfile", context.ctlCredsfile());
    out.put("ctl_timeout", context.ctlTimeoutMs());
    out.put("lattice_prefix", context.latticePrefix());
    out.put("js_domain", context.jsDomain());
    out.put("rpc_host", context.rpcHost());
    out.put("rpc_port", context.rpcPort());
    out.put("rpc_jwt", context.rpcJwt());
    out.put("rpc_seed", orNull(context.rpcSeed()));
    out.put("rpc_credsfile", context.rpcCredsfile());
    out.put("rpc_timeout", context.rpcTimeoutMs());
    try {
      return JSON.writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write context " + context.name(), e);
    }
  }

  /** The default context's name in {@code index.json} ({@code name}, or older {@code default}). */
  static String parseIndex(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root != null && root.isObject()) {
        String name = text(root, "name", null);
        return name != null ? name : text(root, "default", null);
      }
      return null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** {@code index.json} naming {@code name} as the default, as wash 0.18 writes it. */
  static String writeIndex(String name) {
    return JSON.createObjectNode().put("name", name).toString() + "\n";
  }

  private static String orNull(Secret secret) {
    return secret.isEmpty() ? null : secret.reveal();
  }

  private static String text(JsonNode root, String field, String fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isValueNode() || node.isBinary()) {
      throw new IllegalArgumentException(field + " must be a string, got " + node.getNodeType());
    }
    return node.asText();
  }

  private static long number(JsonNode root, String field, long fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            field + " must be a number, got \"" + node.asText() + "\"");
      }
    }
    throw new IllegalArgumentException(field + " must be a number, got " + node.getNodeType());
  }
}
