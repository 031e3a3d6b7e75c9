package dev.trellis.host.provider;

/** A provider this host runs (supervised) or watches (attached). */
public sealed interface HostedProvider permits SupervisedProvider, AttachedProvider {

  ProviderSpec spec();

  /** The current instance id: new on every (re)start of a supervised provider. */
  String instanceId();

  /** Whether the last health check passed; true until the first check. */
  boolean healthy();

  /** Whether this host spawned the process (false for attached providers). */
  default boolean supervised() {
    return this instanceof SupervisedProvider;
  }

  default String providerKey() {
    return spec().providerKey();
  }

  default String linkName() {
    return spec().linkName();
  }

  default String contractId() {
    return spec().contractId();
  }
}
