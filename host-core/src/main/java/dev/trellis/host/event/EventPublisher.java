package dev.trellis.host.event;

import dev.trellis.host.HostConfig;
import dev.trellis.host.link.LinkListener;
import dev.trellis.host.provider.HostedProvider;
import dev.trellis.host.provider.ProviderListener;
import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.host.rpc.InvocationObserver;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.event.EventCodec;
import dev.trellis.interfaces.event.HealthCheckFailed;
import dev.trellis.interfaces.event.HealthCheckPassed;
import dev.trellis.interfaces.event.HealthCheckStatus;
import dev.trellis.interfaces.event.InvocationFailed;
import dev.trellis.interfaces.event.InvocationSucceeded;
import dev.trellis.interfaces.event.LatticeEvent;
import dev.trellis.interfaces.event.LinkdefDeleted;
import dev.trellis.interfaces.event.LinkdefSet;
import dev.trellis.interfaces.event.ProviderEventClaims;
import dev.trellis.interfaces.event.ProviderStartFailed;
import dev.trellis.interfaces.event.ProviderStarted;
import dev.trellis.interfaces.event.ProviderStopped;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.LinkDefinition;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes lattice events as CloudEvents on the control connection (controlplane §6): on {@code
 * wasmbus.evt.{prefix}}, or {@code wasmbus.rpcevt.{prefix}} for invocation events. Also turns
 * provider lifecycles and link changes into their events. Publishing never blocks (core NATS).
 */
public final class EventPublisher implements ProviderListener, LinkListener, InvocationObserver {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

  private final Connection connection;
  private final HostConfig config;

  public EventPublisher(Connection connection, HostConfig config) {
    this.connection = connection;
    this.config = config;
  }

  public void publish(LatticeEvent event) {
    try {
      connection.publish(
          event.subject(config.latticePrefix()),
          EventCodec.encode(event, config.hostId(), config.clock()));
    } catch (RuntimeException e) {
      LOG.warn("failed to publish event type={} cause={}", event.eventType(), e.toString());
    }
  }

  /**
   * Waits until the server has every event published so far, at most {@code timeout}: for the last
   * events of a host ({@code host_stopped}), which must not be lost when the connection, or the
   * nats-server, is closed right after.
   */
  public void flush(Duration timeout) {
    try {
      connection.flush(timeout);
    } catch (TimeoutException | IllegalStateException e) {
      LOG.warn("failed to flush events within {} ms cause={}", timeout.toMillis(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code invocation_succeeded} / {@code invocation_failed} on {@code wasmbus.rpcevt.{prefix}}.
   */
  @Override
  public void served(Invocation invocation, boolean succeeded) {
    publish(
        succeeded
            ? new InvocationSucceeded(
                invocation.origin(),
                invocation.target(),
                invocation.operation(),
                invocation.fullLength())
            : new InvocationFailed(
                invocation.origin(),
                invocation.target(),
                invocation.operation(),
                invocation.fullLength()));
  }

  @Override
  public void started(HostedProvider p) {
    ProviderSpec spec = p.spec();
    publish(
        new ProviderStarted(
            spec.providerKey(),
            spec.imageRef(),
            spec.linkName(),
            spec.contractId(),
            p.instanceId(),
            spec.annotations(),
            claims(spec)));
  }

  @Override
  public void startFailed(ProviderSpec spec, String error) {
    publish(new ProviderStartFailed(spec.imageRef(), spec.linkName(), error));
  }

  @Override
  public void stopped(HostedProvider p, String reason) {
    publish(
        new ProviderStopped(
            p.providerKey(),
            p.linkName(),
            p.contractId(),
            p.instanceId(),
            p.spec().annotations(),
            reason));
  }

  @Override
  public void health(HostedProvider p, boolean healthy, boolean changed) {
    if (!changed) {
      publish(new HealthCheckStatus(p.providerKey(), p.contractId(), p.linkName()));
    } else if (healthy) {
      publish(new HealthCheckPassed(p.providerKey(), p.contractId(), p.linkName()));
    } else {
      publish(new HealthCheckFailed(p.providerKey(), p.contractId(), p.linkName()));
    }
  }

  @Override
  public void linkPut(LinkDefinition link) {
    publish(new LinkdefSet(link));
  }

  @Override
  public void linkDeleted(LinkDefinition link) {
    publish(new LinkdefDeleted(link));
  }

  private ProviderEventClaims claims(ProviderSpec spec) {
    if (spec.jwt() == null) {
      return new ProviderEventClaims("", List.of(), "", "", "immediately", "never");
    }
    return ProviderEventClaims.of(Jwt.validate(spec.jwt(), ProviderMetadata.class, config.clock()));
  }
}
