package dev.trellis.host;

import dev.trellis.host.provider.HostedProvider;
import dev.trellis.interfaces.control.ActorDescription;
import dev.trellis.interfaces.control.ActorInstance;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.control.HostInventory;
import dev.trellis.interfaces.control.ProviderDescription;
import dev.trellis.interfaces.event.HeartbeatProvider;
import dev.trellis.interfaces.event.HostHeartbeat;
import dev.trellis.interfaces.event.Uptime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a host reports about itself: ping reply, inventory and heartbeat (controlplane §3, §6.3).
 */
public final class HostReports {
  private HostReports() {}

  public static long uptimeSeconds(Host host) {
    return Duration.between(host.startedAt(), host.config().clock().instant()).toSeconds();
  }

  /** The {@code ping.hosts} reply. */
  public static dev.trellis.interfaces.control.Host hostInfo(Host host) {
    HostConfig c = host.config();
    long uptime = uptimeSeconds(host);
    return new dev.trellis.interfaces.control.Host(
        c.hostId(),
        c.clusterKey().publicKey(),
        c.labels(),
        c.friendlyName(),
        uptime,
        Uptime.human(uptime),
        c.version(),
        c.clusterIssuers(),
        c.jsDomain(),
        c.natsHosts().ctlHost(),
        c.natsHosts().rpcHost(),
        c.natsHosts().provRpcHost(),
        c.latticePrefix());
  }

  /** The {@code get.{host}.inv} reply: one entry per actor key, with its instances. */
  public static HostInventory inventory(Host host) {
    HostConfig c = host.config();
    List<ActorDescription> actors = new ArrayList<>();
    for (HostedActor hosted : host.hostedActors()) {
      int revision = hosted.module().revision();
      List<ActorInstance> instances =
          hosted.instances().stream()
              .map(i -> new ActorInstance(i.annotations(), i.id(), revision))
              .toList();
      String name = hosted.module().metadata().name();
      actors.add(
          new ActorDescription(
              hosted.module().publicKey(), hosted.imageRef(), name == null ? "" : name, instances));
    }
    List<ProviderDescription> providers = new ArrayList<>();
    for (HostedProvider p : host.providers().all()) {
      ClaimsRecord claims = host.claims().find(p.providerKey()).orElse(null);
      providers.add(
          new ProviderDescription(
              p.providerKey(),
              p.spec().imageRef(),
              p.contractId(),
              p.linkName(),
              claims == null ? "" : claims.name(),
              p.instanceId(),
              p.spec().annotations(),
              claims == null ? 0 : claims.revisionNumber()));
    }
    return new HostInventory(
        c.hostId(), c.clusterKey().publicKey(), c.friendlyName(), c.labels(), actors, providers);
  }

  /** The 0.60+ heartbeat: actors as key → instance count, providers as a list. */
  public static HostHeartbeat heartbeat(Host host) {
    HostConfig c = host.config();
    Map<String, Integer> actors = new LinkedHashMap<>();
    for (HostedActor hosted : host.hostedActors()) {
      actors.put(hosted.module().publicKey(), hosted.count());
    }
    List<HeartbeatProvider> providers =
        host.providers().all().stream()
            .map(p -> new HeartbeatProvider(p.providerKey(), p.linkName(), p.contractId()))
            .toList();
    long uptime = uptimeSeconds(host);
    return new HostHeartbeat(
        actors, providers, c.labels(), c.friendlyName(), c.version(), uptime, Uptime.human(uptime));
  }
}
