package dev.trellis.interfaces.control;

import java.util.List;
import java.util.Random;

/**
 * Random JSON documents built from the field names of the control and event shapes and values of
 * every JSON type (including edge numbers and deep nesting), so decoders see wrong types in every
 * field, not only broken syntax.
 */
public final class JsonNoise {
  private static final List<String> KEYS =
      List.of(
          "accepted",
          "error",
          "actor_ref",
          "count",
          "host_id",
          "annotations",
          "actor_id",
          "new_actor_ref",
          "provider_ref",
          "link_name",
          "contract_id",
          "configuration",
          "timeout",
          "provider_id",
          "values",
          "constraints",
          "id",
          "issuer",
          "labels",
          "friendly_name",
          "uptime_seconds",
          "uptime_human",
          "version",
          "cluster_issuers",
          "js_domain",
          "actors",
          "providers",
          "instances",
          "instance_id",
          "revision",
          "image_ref",
          "name",
          "sub",
          "iss",
          "caps",
          "rev",
          "tags",
          "call_alias",
          "config_schema",
          "oci_url",
          "public_key",
          "claims",
          "links",
          "registryType",
          "username",
          "password",
          "token",
          "lattice_prefix",
          "ctl_port",
          "prov_rpc_tls",
          "specversion",
          "type",
          "source",
          "time",
          "data",
          "datacontenttype",
          "remaining",
          "reason",
          "dest",
          "operation",
          "bytes",
          "api_version",
          "not_before_human",
          "expires_human",
          "oci");
  private static final List<String> SCALARS =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "1",
          "-1",
          "65535",
          "65536",
          "2147483648",
          "99999999999999999999999",
          "1.5",
          "1e400",
          "-0",
          "\"\"",
          "\"default\"",
          "\"" + Keys.HTTPSERVER + "\"",
          "\"com.wasmcloud.lattice.actor_started\"",
          "\"1.0\"",
          "\"2023-04-10T23:36:15.711366Z\"",
          "\"oci\"",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"é\"");

  private final Random random;

  public JsonNoise(Random random) {
    this.random = random;
  }

  /** One random document, usually an object. */
  public String document() {
    StringBuilder out = new StringBuilder();
    if (random.nextInt(10) == 0) {
      value(out, 0);
    } else {
      object(out, 0);
    }
    return out.toString();
  }

  private void object(StringBuilder out, int depth) {
    out.append('{');
    int n = random.nextInt(depth == 0 ? 8 : 4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(KEYS.get(random.nextInt(KEYS.size()))).append("\":");
      value(out, depth + 1);
    }
    out.append('}');
  }

  private void value(StringBuilder out, int depth) {
    int kind = depth > 4 ? 0 : random.nextInt(6);
    switch (kind) {
      case 4 -> object(out, depth);
      case 5 -> {
        out.append('[');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          value(out, depth + 1);
        }
        out.append(']');
      }
      default -> out.append(SCALARS.get(random.nextInt(SCALARS.size())));
    }
  }
}
