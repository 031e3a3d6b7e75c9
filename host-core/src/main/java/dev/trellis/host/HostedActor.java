package dev.trellis.host;

import dev.trellis.host.actor.Actor;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.rpc.ActorServer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An actor running on this host with its instances (controlplane §7): each instance has an id and
 * its own annotations; the actor's scale follows the instance count.
 */
final class HostedActor {
  /** One instance: its id and the annotations it was started with. */
  record Instance(String id, Map<String, String> annotations) {
    boolean matches(Map<String, String> filter) {
      return filter.entrySet().stream()
          .allMatch(e -> e.getValue().equals(annotations.get(e.getKey())));
    }
  }

  private volatile ActorModule module;
  private final Actor actor;
  private final ActorServer server;
  private final String imageRef;
  private final List<Instance> instances = new ArrayList<>();

  HostedActor(ActorModule module, Actor actor, ActorServer server, String imageRef) {
    this.module = module;
    this.actor = actor;
    this.server = server;
    this.imageRef = imageRef;
  }

  ActorModule module() {
    return module;
  }

  void module(ActorModule updated) {
    module = updated;
  }

  Actor actor() {
    return actor;
  }

  String imageRef() {
    return imageRef;
  }

  synchronized List<Instance> instances() {
    return List.copyOf(instances);
  }

  synchronized int count() {
    return instances.size();
  }

  /** Adds {@code count} instances with {@code annotations}; returns them. */
  synchronized List<Instance> add(int count, Map<String, String> annotations) {
    List<Instance> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instance instance = new Instance(UUID.randomUUID().toString(), Map.copyOf(annotations));
      instances.add(instance);
      added.add(instance);
    }
    actor.scale(instances.size());
    return added;
  }

  /**
   * Removes instances as OTP does: takes the first {@code count} (all when 0), then keeps only
   * those whose annotations contain every {@code filter} pair, so fewer than {@code count} may go.
   */
  synchronized List<Instance> remove(int count, Map<String, String> filter) {
    List<Instance> removed = new ArrayList<>();
    int taken = 0;
    for (Iterator<Instance> it = instances.iterator(); it.hasNext(); ) {
      Instance instance = it.next();
      if (count > 0 && taken++ >= count) {
        break;
      }
      if (instance.matches(filter)) {
        it.remove();
        removed.add(instance);
      }
    }
    if (!instances.isEmpty()) {
      actor.scale(instances.size());
    }
    return removed;
  }

  void close() {
    server.close();
    actor.close();
  }
}
