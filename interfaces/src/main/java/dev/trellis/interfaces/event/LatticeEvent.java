package dev.trellis.interfaces.event;

import dev.trellis.interfaces.Subjects;

/**
 * The {@code data} of one lattice event of controlplane §6.2, typed. Each record holds exactly the
 * payload fields OTP 0.63 sends, never null. {@link EventCodec} wraps it in the CloudEvents
 * envelope.
 */
public sealed interface LatticeEvent
    permits HostStarted,
        HostStopped,
        HostHeartbeat,
        ActorStarted,
        ActorsStarted,
        ActorStartFailed,
        ActorsStartFailed,
        ActorStopped,
        ActorsStopped,
        ActorUpdated,
        ActorUpdateFailed,
        ProviderStarted,
        ProviderStartFailed,
        ProviderStopped,
        HealthCheckPassed,
        HealthCheckFailed,
        HealthCheckStatus,
        LinkdefSet,
        LinkdefDeleted,
        RefmapSet,
        InvocationSucceeded,
        InvocationFailed {

  /** The event type without its prefix, e.g. {@code actor_started}. */
  String eventType();

  /**
   * The envelope's {@code source} when {@code hostId} emits this event: the host id, except for
   * link events, whose source is {@code "n/a"} (OTP 0.60+).
   */
  default String source(String hostId) {
    return hostId;
  }

  /** Where the event is published: {@code wasmbus.evt.{lattice}}, or the RPC-events subject. */
  default String subject(String lattice) {
    return Subjects.events(lattice);
  }
}
