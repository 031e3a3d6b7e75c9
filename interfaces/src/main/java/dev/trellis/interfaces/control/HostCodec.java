package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JSON of the host queries' replies: {@link Host} ({@code ping.hosts}, controlplane §3.1) and
 * {@link HostInventory} ({@code get.{host}.inv}, §3.2).
 *
 * <p>Encoding writes every field, strings rather than nulls (except {@code js_domain}, null when
 * there is none, as OTP writes it), {@code cluster_issuers} comma-joined. Decoding is lenient as
 * serde is with the crate's {@code Option}s: only the ids are required; {@code uptime_seconds} and
 * revisions default to 0; {@code cluster_issuers} may be a comma-joined string or an array.
 */
public final class HostCodec {
  private HostCodec() {}

  public static byte[] encode(Host h) {
    ObjectNode n = JsonText.object();
    n.put("id", h.id());
    n.put("issuer", h.issuer());
    JsonText.putMap(n, "labels", h.labels());
    n.put("friendly_name", h.friendlyName());
    n.put("uptime_seconds", h.uptimeSeconds());
    n.put("uptime_human", h.uptimeHuman());
    n.put("version", h.version());
    n.put("cluster_issuers", String.join(",", h.clusterIssuers()));
    n.put("js_domain", h.jsDomain());
    n.put("ctl_host", h.ctlHost());
    n.put("rpc_host", h.rpcHost());
    n.put("prov_rpc_host", h.provRpcHost());
    n.put("lattice_prefix", h.latticePrefix());
    return JsonText.bytes(n);
  }

  /**
   * Decodes a ping reply.
   *
   * @throws DecodeException when {@code json} is not a Host object
   */
  public static Host decodeHost(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("Host"));
    Long uptime = f.unsignedLong("uptime_seconds");
    String issuers = f.joinedStrings("cluster_issuers");
    return new Host(
        f.requireString("id"),
        f.string("issuer"),
        f.stringMap("labels"),
        f.string("friendly_name"),
        uptime == null ? 0 : uptime,
        f.string("uptime_human"),
        f.string("version"),
        splitCommas(issuers),
        f.string("js_domain"),
        f.string("ctl_host"),
        f.string("rpc_host"),
        f.string("prov_rpc_host"),
        f.string("lattice_prefix"));
  }

  public static byte[] encode(HostInventory inv) {
    ObjectNode n = JsonText.object();
    n.put("host_id", inv.hostId());
    n.put("issuer", inv.issuer());
    n.put("friendly_name", inv.friendlyName());
    JsonText.putMap(n, "labels", inv.labels());
    ArrayNode actors = n.putArray("actors");
    for (ActorDescription a : inv.actors()) {
      ObjectNode an = actors.addObject();
      an.put("id", a.id());
      an.put("image_ref", a.imageRef());
      an.put("name", a.name());
      ArrayNode instances = an.putArray("instances");
      for (ActorInstance i : a.instances()) {
        ObjectNode in = instances.addObject();
        JsonText.putMap(in, "annotations", i.annotations());
        in.put("instance_id", i.instanceId());
        in.put("revision", i.revision());
      }
    }
    ArrayNode providers = n.putArray("providers");
    for (ProviderDescription p : inv.providers()) {
      ObjectNode pn = providers.addObject();
      pn.put("id", p.id());
      pn.put("image_ref", p.imageRef());
      pn.put("contract_id", p.contractId());
      pn.put("link_name", p.linkName());
      pn.put("name", p.name());
      pn.put("instance_id", p.instanceId());
      JsonText.putMap(pn, "annotations", p.annotations());
      pn.put("revision", p.revision());
    }
    return JsonText.bytes(n);
  }

  /**
   * Decodes an inventory; absent lists and maps read as empty.
   *
   * @throws DecodeException when {@code json} is not a HostInventory object
   */
  public static HostInventory decodeInventory(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("HostInventory"));
    List<ActorDescription> actors = new ArrayList<>();
    JsonNode actorNodes = f.array("actors");
    if (actorNodes != null) {
      for (int i = 0; i < actorNodes.size(); i++) {
        actors.add(actor(f.element("actors", i, actorNodes.get(i))));
      }
    }
    List<ProviderDescription> providers = new ArrayList<>();
    JsonNode providerNodes = f.array("providers");
    if (providerNodes != null) {
      for (int i = 0; i < providerNodes.size(); i++) {
        providers.add(provider(f.element("providers", i, providerNodes.get(i))));
      }
    }
    return new HostInventory(
        f.requireString("host_id"),
        f.string("issuer"),
        f.string("friendly_name"),
        f.stringMap("labels"),
        actors,
        providers);
  }

  private static ActorDescription actor(JsonFields f) {
    List<ActorInstance> instances = new ArrayList<>();
    JsonNode nodes = f.array("instances");
    if (nodes != null) {
      for (int i = 0; i < nodes.size(); i++) {
        JsonFields in = f.element("instances", i, nodes.get(i));
        instances.add(
            new ActorInstance(
                in.stringMap("annotations"), in.requireString("instance_id"), revision(in)));
      }
    }
    return new ActorDescription(
        f.requireString("id"), f.string("image_ref"), f.string("name"), instances);
  }

  private static ProviderDescription provider(JsonFields f) {
    return new ProviderDescription(
        f.requireString("id"),
        f.string("image_ref"),
        f.requireString("contract_id"),
        f.requireString("link_name"),
        f.string("name"),
        f.string("instance_id"),
        f.stringMap("annotations"),
        revision(f));
  }

  private static int revision(JsonFields f) {
    Integer revision = f.integer("revision", Integer.MIN_VALUE, Integer.MAX_VALUE);
    return revision == null ? 0 : revision;
  }

  static List<String> splitCommas(String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(joined.split(",", -1))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
