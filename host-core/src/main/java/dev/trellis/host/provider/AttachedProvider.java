package dev.trellis.host.provider;

/**
 * A provider started elsewhere (another supervisor, a container, a developer's terminal) that this
 * host health-checks, lists and delivers links to, but never spawns or kills.
 */
public final class AttachedProvider implements HostedProvider {
  private final ProviderSpec spec;
  private final String instanceId;
  private volatile boolean healthy = true;

  AttachedProvider(ProviderSpec spec, String instanceId) {
    this.spec = spec;
    this.instanceId = instanceId;
  }

  @Override
  public ProviderSpec spec() {
    return spec;
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  void healthy(boolean value) {
    healthy = value;
  }
}
