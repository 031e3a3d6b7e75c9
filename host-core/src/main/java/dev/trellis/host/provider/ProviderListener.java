package dev.trellis.host.provider;

/**
 * Observes provider lifecycles on one host, e.g. to publish lattice events. Every method defaults
 * to doing nothing and is called from supervisor threads; implementations must not block.
 */
public interface ProviderListener {
  /** A provider process started (or an attached provider was registered). */
  default void started(HostedProvider provider) {}

  /** A start failed before a process ran, e.g. an invalid archive or a duplicate. */
  default void startFailed(ProviderSpec spec, String error) {}

  /** A provider stopped: {@code reason} is {@code normal} for a requested stop, else the cause. */
  default void stopped(HostedProvider provider, String reason) {}

  /**
   * The result of one health check; {@code changed} tells a state change (passed/failed) from an
   * unchanged status.
   */
  default void health(HostedProvider provider, boolean healthy, boolean changed) {}

  /** A provider exited {@code exits} times within the crash-loop window; restarts go on. */
  default void crashLoop(HostedProvider provider, int exits, String lastError) {}
}
