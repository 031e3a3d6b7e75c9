package dev.trellis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Whether a shutdown request on {@code …{link}.shutdown} is meant for this provider instance (spec
 * §7.3, rpc-rs ≥ 0.11): the JSON {@code {"host_id":"N…"}} names the host whose instance must stop,
 * because the instances on every host share the subject.
 */
final class ShutdownRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The decision about one request. */
  enum Decision {
    /** {@code host_id} is this provider's host. */
    MATCHES,
    /** Empty body, unparsable JSON, or {@code host_id} missing or empty: stop, with a warning. */
    UNADDRESSED,
    /** Another host's instance is meant: ignore. */
    OTHER_HOST
  }

  private ShutdownRequest() {}

  static Decision decide(byte[] body, String hostId) {
    String requested = hostIdOf(body);
    if (requested == null || requested.isEmpty()) {
      return Decision.UNADDRESSED;
    }
    return requested.equals(hostId) ? Decision.MATCHES : Decision.OTHER_HOST;
  }

  /** The {@code host_id} of the body, or {@code null} when absent, not a string or unparsable. */
  static String hostIdOf(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode hostId = node == null ? null : node.get("host_id");
      return hostId != null && hostId.isTextual() ? hostId.asText() : null;
    } catch (IOException e) { // JacksonException is one
      return null;
    }
  }
}
