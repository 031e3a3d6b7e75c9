package dev.trellis.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliException;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.ActorDescription;
import dev.trellis.interfaces.control.HostCodec;
import dev.trellis.interfaces.control.HostInventory;
import dev.trellis.interfaces.control.ProviderDescription;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code get.{host}.inv}: what runs on one host, as sent and decoded. */
record Inventories(JsonNode json, HostInventory inventory) {

  /**
   * Asks host {@code hostId} for its inventory.
   *
   * @throws CliException when that host does not answer or the reply is not an inventory
   */
  static Inventories of(CtlClient client, String hostId) {
    String action = "get the inventory of host " + hostId;
    byte[] reply =
        client.request(
            Subjects.hostInventory(client.prefix(), client.lattice(), hostId),
            new byte[0],
            action,
            "no host "
                + hostId
                + " answered in lattice '"
                + client.lattice()
                + "'; 'trellis get hosts' lists the hosts");
    try {
      return new Inventories(CtlClient.parse(reply), HostCodec.decodeInventory(reply));
    } catch (DecodeException e) {
      throw new CliException(
          "failed to " + action + ": " + new String(reply, StandardCharsets.UTF_8), e);
    }
  }

  Optional<ActorDescription> actor(String actorId) {
    return inventory.actors().stream().filter(a -> a.id().equals(actorId)).findFirst();
  }

  Optional<ProviderDescription> provider(String providerId, String linkName) {
    return inventory.providers().stream()
        .filter(p -> p.id().equals(providerId) && p.linkName().equals(linkName))
        .findFirst();
  }

  /** The actor, or a failure saying it does not run on this host. */
  ActorDescription requireActor(String actorId, String action) {
    return actor(actorId)
        .orElseThrow(
            () ->
                new CliException(
                    "failed to "
                        + action
                        + ": actor "
                        + actorId
                        + " is not running on host "
                        + inventory.hostId()
                        + "; 'trellis get inventory "
                        + inventory.hostId()
                        + "' shows what runs there"));
  }
}
