package dev.trellis.host.rpc;

import dev.trellis.host.actor.HostCallHandler;
import dev.trellis.host.actor.HostCallResult;
import dev.trellis.host.builtin.Builtins;
import dev.trellis.host.claims.ClaimsStore;
import dev.trellis.host.link.LinkStore;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.NKeys;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.Optional;

/**
 * Routes one actor's {@code __host_call}s (spec §1.4): builtins in-process; then a link for (actor,
 * contract, link name), which requires the contract among the actor's caps; then an actor public
 * key; then a call alias. Anything else is refused with wasmCloud's text plus a hint.
 */
public final class HostCalls implements HostCallHandler {
  private final String actorKey;
  private final ActorMetadata claims;
  private final String lattice;
  private final LinkStore links;
  private final ClaimsStore claimsStore;
  private final Builtins builtins;
  private final RpcClient rpc;

  public HostCalls(
      String actorKey,
      ActorMetadata claims,
      String lattice,
      LinkStore links,
      ClaimsStore claimsStore,
      Builtins builtins,
      RpcClient rpc) {
    this.actorKey = actorKey;
    this.claims = claims;
    this.lattice = lattice;
    this.links = links;
    this.claimsStore = claimsStore;
    this.builtins = builtins;
    this.rpc = rpc;
  }

  @Override
  public HostCallResult call(String binding, String namespace, String operation, byte[] payload)
      throws InterruptedException {
    if (Builtins.handles(namespace)) {
      return builtins.call(actorKey, namespace, operation, payload);
    }
    WasmCloudEntity origin = WasmCloudEntity.actor(actorKey);
    Optional<LinkDefinition> link = links.find(actorKey, namespace, binding);
    if (link.isPresent()) {
      if (claims == null || !claims.hasCapability(namespace)) {
        return HostCallResult.err(
            "Invocation not authorized: missing capability claim for "
                + namespace
                + "; sign actor "
                + actorKey
                + " with the "
                + namespace
                + " capability");
      }
      String provider = link.get().providerId();
      return rpc.call(
          origin,
          WasmCloudEntity.provider(provider, namespace, binding),
          operation,
          payload,
          Subjects.providerRpc(lattice, provider, binding));
    }
    Optional<String> targetActor =
        isActorKey(namespace) ? Optional.of(namespace) : claimsStore.resolveCallAlias(namespace);
    if (targetActor.isPresent()) {
      String target = targetActor.get();
      return rpc.call(
          origin,
          WasmCloudEntity.actor(target),
          operation,
          payload,
          Subjects.actorRpc(lattice, target));
    }
    if (binding.isEmpty()) {
      return HostCallResult.err(
          "Call alias not found: "
              + namespace
              + " on "
              + lattice
              + "; start the actor that declares it, or call it by its public key");
    }
    return HostCallResult.err(
        "Invocation not authorized: missing link definition for "
            + namespace
            + " on "
            + lattice
            + "; run 'trellis link put "
            + actorKey
            + " <provider-id> "
            + namespace
            + (binding.equals("default") ? "" : " --link-name " + binding)
            + "'");
  }

  private static boolean isActorKey(String namespace) {
    return namespace.length() == 56
        && namespace.charAt(0) == 'M'
        && NKeys.isValidPublicKey(namespace, KeyType.MODULE);
  }
}
