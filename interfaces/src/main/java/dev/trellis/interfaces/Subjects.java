package dev.trellis.interfaces;

import dev.trellis.interfaces.wire.LinkDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Every NATS subject, queue group, KV bucket/key and object-store name of the wasmbus protocol, one
 * static method each (spec dataplane §3.1, §5, controlplane §1, §4, §5.8, §6.1). No other code
 * concatenates subjects.
 *
 * <p>Every part is checked before use: the lattice prefix may hold only letters, digits, {@code -}
 * and {@code _} (controlplane §5.3); the control prefix is one or more such tokens joined by dots;
 * keys, link names and host ids must be non-empty and free of {@code .}, {@code *}, {@code >} and
 * whitespace. A bad part raises {@link InvalidSubjectException} naming it.
 *
 * <p>The data-plane prefixes ({@code wasmbus.rpc}, {@code wasmbus.evt}, {@code wasmbus.rpcevt},
 * {@code wasmbus.cfg}) are fixed; only the control prefix is configurable ({@code
 * WASMCLOUD_CTL_TOPIC_PREFIX}, default {@link #DEFAULT_CTL_PREFIX}). The obsolete {@code
 * …linkdefs.get} subject is deliberately absent: no host sends it.
 */
public final class Subjects {
  /** The default control-interface prefix. */
  public static final String DEFAULT_CTL_PREFIX = "wasmbus.ctl";

  /** The lattice prefix used when none is configured. */
  public static final String DEFAULT_LATTICE = "default";

  /** The queue group providers (rpc-rs) use on their RPC subject. */
  public static final String PROVIDER_RPC_QUEUE = "rpc";

  /** KV key prefix of claims records ({@code CLAIMS_{public key}}). */
  public static final String CLAIMS_KEY_PREFIX = "CLAIMS_";

  /** KV key prefix of links ({@code LINKDEF_{link id}}). */
  public static final String LINKDEF_KEY_PREFIX = "LINKDEF_";

  /** KV key prefix of OCI reference maps ({@code REFMAP_{base64url(ref)}}). */
  public static final String REFMAP_KEY_PREFIX = "REFMAP_";

  private static final String RPC = "wasmbus.rpc.";

  private Subjects() {}

  // ---- data plane (dataplane §3.1) -----------------------------------------------------------

  /**
   * {@code wasmbus.rpc.{lattice}.{actor}}. Publisher: any host or provider calling the actor.
   * Subscriber: every host running the actor, in queue group {@link #actorRpcQueue}. Payload:
   * msgpack Invocation → InvocationResponse.
   */
  public static String actorRpc(String lattice, String actorKey) {
    return RPC + lattice(lattice) + "." + token("actor key", actorKey);
  }

  /** The queue group of an actor's RPC subscription: the subject itself (OTP). */
  public static String actorRpcQueue(String lattice, String actorKey) {
    return actorRpc(lattice, actorKey);
  }

  /**
   * {@code wasmbus.rpc.{lattice}.{provider}.{link}}. Publisher: a host on behalf of an actor.
   * Subscriber: the provider instances, queue group {@link #PROVIDER_RPC_QUEUE}. Payload: msgpack
   * Invocation → InvocationResponse.
   */
  public static String providerRpc(String lattice, String providerKey, String linkName) {
    return RPC
        + lattice(lattice)
        + "."
        + token("provider key", providerKey)
        + "."
        + token("link name", linkName);
  }

  /**
   * {@code …{provider}.{link}.linkdefs.put}. Publisher: every host, on each link change.
   * Subscriber: every provider instance (plain). Payload: msgpack LinkDefinition; publish, no
   * reply.
   */
  public static String linkdefsPut(String lattice, String providerKey, String linkName) {
    return providerRpc(lattice, providerKey, linkName) + ".linkdefs.put";
  }

  /**
   * {@code …{provider}.{link}.linkdefs.del}. Publisher: hosts, when a link is deleted. Subscriber:
   * every provider instance (plain). Payload: msgpack LinkDefinition; publish, no reply.
   */
  public static String linkdefsDel(String lattice, String providerKey, String linkName) {
    return providerRpc(lattice, providerKey, linkName) + ".linkdefs.del";
  }

  /**
   * {@code …{provider}.{link}.health}. Publisher: the host that started the provider (request).
   * Subscriber: every provider instance (plain). Payload: msgpack {@code {"placeholder":true}} →
   * msgpack HealthCheckResponse.
   */
  public static String providerHealth(String lattice, String providerKey, String linkName) {
    return providerRpc(lattice, providerKey, linkName) + ".health";
  }

  /**
   * {@code …{provider}.{link}.shutdown}. Publisher: the host stopping the provider (request).
   * Subscriber: every provider instance (plain; each filters on {@code host_id}). Payload: JSON
   * {@code {"host_id":"N…"}} → raw bytes {@code shutting down}.
   */
  public static String providerShutdown(String lattice, String providerKey, String linkName) {
    return providerRpc(lattice, providerKey, linkName) + ".shutdown";
  }

  /**
   * {@code wasmbus.rpcevt.{lattice}}. Publisher: hosts, after each invocation. Subscriber:
   * observers. Payload: CloudEvents JSON {@code invocation_succeeded} / {@code invocation_failed}.
   */
  public static String rpcEvents(String lattice) {
    return "wasmbus.rpcevt." + lattice(lattice);
  }

  /**
   * {@code wasmbus.evt.{lattice}}, never with a suffix (controlplane §6.1). Publisher: hosts.
   * Subscriber: wash, wadm, observers. Payload: CloudEvents JSON lattice events.
   */
  public static String events(String lattice) {
    return "wasmbus.evt." + lattice(lattice);
  }

  /**
   * {@code wasmbus.cfg.{lattice}.req} (controlplane §5.8). Publisher: a starting host (request,
   * when the config service is enabled). Subscriber: the config service. Payload: JSON {@code
   * {"labels":{…}}} → JSON configuration.
   */
  public static String configService(String lattice) {
    return "wasmbus.cfg." + lattice(lattice) + ".req";
  }

  // ---- control interface (controlplane §1) ---------------------------------------------------

  /**
   * {@code {ctl}.{lattice}}: the queue group of the queue-subscribed ctl subjects ({@code get.*},
   * {@code linkdefs.*}).
   */
  public static String ctlQueue(String ctlPrefix, String lattice) {
    return ctl(ctlPrefix) + "." + lattice(lattice);
  }

  /**
   * {@code {ctl}.{lattice}.ping.hosts}. Publisher: ctl clients (scatter/gather). Subscriber: every
   * host (plain). Payload: empty → one Host JSON per host.
   */
  public static String pingHosts(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".ping.hosts";
  }

  /**
   * {@code {ctl}.{lattice}.get.claims}. Publisher: ctl clients. Subscriber: hosts via {@link
   * #ctlGetWildcard} (queue). Payload: empty → JSON {@code {"claims":[…]}}.
   */
  public static String getClaims(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".get.claims";
  }

  /**
   * {@code {ctl}.{lattice}.get.links}. Publisher: ctl clients. Subscriber: hosts via {@link
   * #ctlGetWildcard} (queue). Payload: empty → JSON {@code {"links":[…]}}.
   */
  public static String getLinks(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".get.links";
  }

  /**
   * {@code {ctl}.{lattice}.get.{host}.inv}. Publisher: ctl clients. Subscriber: the addressed host
   * only. Payload: empty → HostInventory JSON.
   */
  public static String hostInventory(String ctlPrefix, String lattice, String hostId) {
    return ctlQueue(ctlPrefix, lattice) + ".get." + token("host id", hostId) + ".inv";
  }

  /**
   * {@code {ctl}.{lattice}.linkdefs.put} (legacy path). Publisher: ctl clients. Subscriber: hosts
   * via {@link #ctlLinkdefsWildcard} (queue). Payload: LinkDefinition JSON → CtlOperationAck.
   */
  public static String ctlLinkdefsPut(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".linkdefs.put";
  }

  /**
   * {@code {ctl}.{lattice}.linkdefs.del} (legacy path). Publisher: ctl clients. Subscriber: hosts
   * via {@link #ctlLinkdefsWildcard} (queue). Payload: JSON {@code {actor_id, contract_id,
   * link_name}} → CtlOperationAck.
   */
  public static String ctlLinkdefsDel(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".linkdefs.del";
  }

  /**
   * {@code {ctl}.{lattice}.registries.put}. Publisher: ctl clients. Subscriber: every host (plain).
   * Payload: RegistryCredentialMap JSON → CtlOperationAck.
   */
  public static String registriesPut(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".registries.put";
  }

  /**
   * {@code {ctl}.{lattice}.auction.actor}. Publisher: ctl clients (scatter/gather). Subscriber:
   * every host via {@link #ctlAuctionWildcard}. Payload: {@code {actor_ref, constraints}} → one
   * ActorAuctionAck per qualifying host.
   */
  public static String auctionActor(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".auction.actor";
  }

  /**
   * {@code {ctl}.{lattice}.auction.provider}. Publisher: ctl clients (scatter/gather). Subscriber:
   * every host via {@link #ctlAuctionWildcard}. Payload: {@code {provider_ref, link_name,
   * constraints}} → one ProviderAuctionAck per qualifying host.
   */
  public static String auctionProvider(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".auction.provider";
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.la}, launch actor. Publisher: ctl clients. Subscriber: the
   * addressed host via {@link #ctlHostCommandsWildcard}. Payload: StartActorCommand JSON → early
   * CtlOperationAck.
   */
  public static String launchActor(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "la");
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.sa}, stop actor. Publisher: ctl clients. Subscriber: the
   * addressed host. Payload: StopActorCommand JSON → CtlOperationAck after stopping.
   */
  public static String stopActor(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "sa");
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.scale}. Publisher: ctl clients. Subscriber: the addressed
   * host. Payload: ScaleActorCommand JSON → early CtlOperationAck.
   */
  public static String scaleActor(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "scale");
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.upd}, live update. Publisher: ctl clients. Subscriber: the
   * addressed host. Payload: UpdateActorCommand JSON → CtlOperationAck after the swap.
   */
  public static String updateActor(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "upd");
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.lp}, launch provider. Publisher: ctl clients. Subscriber: the
   * addressed host. Payload: StartProviderCommand JSON → early CtlOperationAck.
   */
  public static String launchProvider(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "lp");
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.sp}, stop provider. Publisher: ctl clients. Subscriber: the
   * addressed host. Payload: StopProviderCommand JSON → CtlOperationAck.
   */
  public static String stopProvider(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "sp");
  }

  /**
   * {@code {ctl}.{lattice}.cmd.{host}.stop}, stop host. Publisher: ctl clients. Subscriber: the
   * addressed host. Payload: StopHostCommand JSON → CtlOperationAck.
   */
  public static String stopHost(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "stop");
  }

  /** Host subscription {@code {ctl}.{lattice}.get.*} in queue group {@link #ctlQueue}. */
  public static String ctlGetWildcard(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".get.*";
  }

  /** Host subscription {@code {ctl}.{lattice}.linkdefs.*} in queue group {@link #ctlQueue}. */
  public static String ctlLinkdefsWildcard(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".linkdefs.*";
  }

  /** Host subscription {@code {ctl}.{lattice}.auction.>} (plain, every host). */
  public static String ctlAuctionWildcard(String ctlPrefix, String lattice) {
    return ctlQueue(ctlPrefix, lattice) + ".auction.>";
  }

  /** Host subscription {@code {ctl}.{lattice}.cmd.{host}.*} (plain, the host itself only). */
  public static String ctlHostCommandsWildcard(String ctlPrefix, String lattice, String hostId) {
    return hostCommand(ctlPrefix, lattice, hostId, "*");
  }

  // ---- lattice metadata and chunking (controlplane §4, dataplane §5) -------------------------

  /** The JetStream KV bucket of lattice metadata, {@code LATTICEDATA_{lattice}}. */
  public static String latticeDataBucket(String lattice) {
    return "LATTICEDATA_" + lattice(lattice);
  }

  /** KV key {@code CLAIMS_{public key}}; value: claims record JSON (all values strings). */
  public static String claimsKey(String publicKey) {
    return CLAIMS_KEY_PREFIX + token("public key", publicKey);
  }

  /** KV key {@code LINKDEF_{link id}}; value: LinkDefinition JSON. */
  public static String linkdefKey(String linkId) {
    return LINKDEF_KEY_PREFIX + token("link id", linkId);
  }

  /** KV key of {@code link}: {@code LINKDEF_} + its derived id. */
  public static String linkdefKey(LinkDefinition link) {
    return linkdefKey(link.id());
  }

  /**
   * KV key {@code REFMAP_{base64url without padding of the OCI reference}}; value: JSON {@code
   * {"oci_url","public_key"}}.
   */
  public static String refmapKey(String ociReference) {
    if (ociReference == null || ociReference.isEmpty()) {
      throw new InvalidSubjectException(
          "failed to build refmap key: the OCI reference is empty; pass the actor or provider ref");
    }
    return REFMAP_KEY_PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(ociReference.getBytes(StandardCharsets.UTF_8));
  }

  /** The object-store bucket for chunked payloads: the lattice prefix itself. */
  public static String chunkBucket(String lattice) {
    return lattice(lattice);
  }

  /** The object holding a chunked invocation payload: {@code {invocation id}}. */
  public static String chunkRequestObject(String invocationId) {
    return token("invocation id", invocationId);
  }

  /** The object holding a chunked response payload: {@code {invocation id}-r}. */
  public static String chunkResponseObject(String invocationId) {
    return token("invocation id", invocationId) + "-r";
  }

  // ---- validation ----------------------------------------------------------------------------

  /**
   * Checks a lattice prefix: non-empty, only ASCII letters, digits, {@code -} and {@code _}.
   *
   * @return {@code lattice}
   * @throws InvalidSubjectException naming the bad character
   */
  public static String validateLatticePrefix(String lattice) {
    return lattice(lattice);
  }

  private static String hostCommand(String ctlPrefix, String lattice, String hostId, String op) {
    return ctlQueue(ctlPrefix, lattice) + ".cmd." + token("host id", hostId) + "." + op;
  }

  private static String lattice(String lattice) {
    if (lattice == null || lattice.isEmpty()) {
      throw new InvalidSubjectException(
          "failed to build subject: the lattice prefix is empty; use e.g. '"
              + DEFAULT_LATTICE
              + "'");
    }
    for (int i = 0; i < lattice.length(); i++) {
      char c = lattice.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        throw new InvalidSubjectException(
            "failed to build subject: lattice prefix '"
                + lattice
                + "' contains "
                + describe(c)
                + "; use letters, digits, '-' and '_' only");
      }
    }
    return lattice;
  }

  private static String ctl(String ctlPrefix) {
    if (ctlPrefix == null || ctlPrefix.isEmpty()) {
      throw new InvalidSubjectException(
          "failed to build subject: the ctl prefix is empty; use '" + DEFAULT_CTL_PREFIX + "'");
    }
    for (String part : ctlPrefix.split("\\.", -1)) {
      if (part.isEmpty()) {
        throw new InvalidSubjectException(
            "failed to build subject: ctl prefix '" + ctlPrefix + "' has an empty token");
      }
      checkToken("ctl prefix", ctlPrefix, part);
    }
    return ctlPrefix;
  }

  private static String token(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidSubjectException("failed to build subject: the " + what + " is empty");
    }
    checkToken(what, value, value);
    return value;
  }

  private static void checkToken(String what, String whole, String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.' || c == '*' || c == '>' || Character.isWhitespace(c) || c < 0x20) {
        throw new InvalidSubjectException(
            "failed to build subject: "
                + what
                + " '"
                + whole
                + "' contains "
                + describe(c)
                + ", which NATS subjects do not allow");
      }
    }
  }

  private static String describe(char c) {
    return Character.isWhitespace(c) || c < 0x20
        ? String.format("the control or space character U+%04X", (int) c)
        : "'" + c + "'";
  }
}
