package dev.trellis.interfaces.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.json.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code data} of the host events: exactly OTP 0.63's fields. */
final class HostEventData {
  private HostEventData() {}

  static ObjectNode write(HostStarted e) {
    ObjectNode n = JsonText.object();
    JsonText.putMap(n, "labels", e.labels());
    n.put("friendly_name", e.friendlyName());
    n.put("uptime_seconds", e.uptimeSeconds());
    n.put("version", e.version());
    return n;
  }

  static HostStarted readStarted(EventFields f) {
    return new HostStarted(
        f.stringMap("labels"),
        f.text("friendly_name"),
        f.longValue("uptime_seconds"),
        f.text("version"));
  }

  static ObjectNode write(HostStopped e) {
    ObjectNode n = JsonText.object();
    JsonText.putMap(n, "labels", e.labels());
    return n;
  }

  static HostStopped readStopped(EventFields f) {
    return new HostStopped(f.stringMap("labels"));
  }

  static ObjectNode write(HostHeartbeat e) {
    ObjectNode n = JsonText.object();
    ObjectNode actors = n.putObject("actors");
    new TreeMap<>(e.actors()).forEach(actors::put);
    ArrayNode providers = n.putArray("providers");
    for (HeartbeatProvider p : e.providers()) {
      ObjectNode pn = providers.addObject();
      pn.put("public_key", p.publicKey());
      pn.put("link_name", p.linkName());
      pn.put("contract_id", p.contractId());
    }
    JsonText.putMap(n, "labels", e.labels());
    n.put("friendly_name", e.friendlyName());
    n.put("version", e.version());
    n.put("uptime_seconds", e.uptimeSeconds());
    n.put("uptime_human", e.uptimeHuman());
    return n;
  }

  /**
   * Reads a heartbeat. The OTP ≤ 0.59 shape, where {@code actors} is a list of {@code {public_key,
   * instance_id}}, is counted into the 0.60+ map.
   */
  static HostHeartbeat readHeartbeat(EventFields f) {
    Map<String, Integer> actors;
    JsonNode actorNode = f.get("actors");
    if (actorNode != null && actorNode.isArray()) {
      actors = new LinkedHashMap<>();
      for (int i = 0; i < actorNode.size(); i++) {
        String key = f.element("actors", i, actorNode.get(i)).requireText("public_key");
        actors.merge(key, 1, Integer::sum);
      }
    } else {
      actors = f.intMap("actors");
    }
    JsonNode providerNodes = f.array("providers");
    List<HeartbeatProvider> providers = new ArrayList<>(providerNodes.size());
    for (int i = 0; i < providerNodes.size(); i++) {
      EventFields p = f.element("providers", i, providerNodes.get(i));
      providers.add(
          new HeartbeatProvider(
              p.requireText("public_key"), p.text("link_name"), p.text("contract_id")));
    }
    return new HostHeartbeat(
        actors,
        providers,
        f.stringMap("labels"),
        f.text("friendly_name"),
        f.text("version"),
        f.longValue("uptime_seconds"),
        f.text("uptime_human"));
  }
}
