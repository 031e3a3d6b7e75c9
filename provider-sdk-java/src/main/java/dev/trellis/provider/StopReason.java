package dev.trellis.provider;

/** Why a running provider stopped. */
public enum StopReason {
  /** The host sent a shutdown request addressed to this instance (spec §7.3). */
  SHUTDOWN_REQUESTED,
  /** Stdin reached end of file: the host that started the provider is gone. */
  HOST_GONE,
  /** {@link ProviderRunner#close()} was called (also on JVM shutdown, e.g. SIGTERM). */
  CLOSED
}
