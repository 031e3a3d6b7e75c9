package dev.trellis.provider;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected provider: its subscriptions, its executors, and the way it stops. The NATS callbacks
 * here only hand messages to the executors; see {@link ProviderRunner} for the thread roles.
 */
final class RunningProvider {
  /** The reply to a shutdown request, as rpc-rs sends it. */
  static final byte[] SHUTTING_DOWN = "shutting down".getBytes(StandardCharsets.UTF_8);

  private static final Logger LOG = LoggerFactory.getLogger(RunningProvider.class);
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

  private final CapabilityProvider provider;
  private final HostData hostData;
  private final Connection nats;
  private final LinkTable links;
  private final InboundInvocations invocations;
  private final Duration drainTimeout;
  private final ExecutorService control = ProviderThreads.control();
  private final ExecutorService workers = ProviderThreads.workers();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean providerShutDown = new AtomicBoolean();
  private final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
  private Dispatcher controlDispatcher;
  private Dispatcher rpcDispatcher;

  RunningProvider(
      CapabilityProvider provider,
      HostData hostData,
      Connection nats,
      LinkTable links,
      InboundInvocations invocations,
      Duration drainTimeout) {
    this.provider = provider;
    this.hostData = hostData;
    this.nats = nats;
    this.links = links;
    this.invocations = invocations;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Subscribes the link, health and shutdown subjects, delivers the links of HostData, then
   * subscribes the RPC subject (queue group {@code rpc}) and flushes, so the server knows every
   * subscription when this returns.
   */
  void subscribe() {
    String lattice = hostData.latticeRpcPrefix();
    String key = hostData.providerKey();
    String linkName = hostData.linkName();
    controlDispatcher = nats.createDispatcher();
    controlDispatcher.subscribe(
        Subjects.linkdefsPut(lattice, key, linkName), msg -> onControl(() -> putLink(msg)));
    controlDispatcher.subscribe(
        Subjects.linkdefsDel(lattice, key, linkName), msg -> onControl(() -> deleteLink(msg)));
    controlDispatcher.subscribe(
        Subjects.providerShutdown(lattice, key, linkName), msg -> onControl(() -> shutdown(msg)));
    controlDispatcher.subscribe(Subjects.providerHealth(lattice, key, linkName), this::onHealth);
    awaitControl(
        () -> {
          for (LinkDefinition link : hostData.linkDefinitions()) {
            links.put(link);
          }
        });
    rpcDispatcher = nats.createDispatcher();
    rpcDispatcher.subscribe(
        Subjects.providerRpc(lattice, key, linkName), Subjects.PROVIDER_RPC_QUEUE, this::onRpc);
    try {
      nats.flush(FLUSH_TIMEOUT);
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new ProviderException(
          "failed to subscribe provider " + key + ": NATS did not confirm in time", e);
    }
  }

  CompletableFuture<StopReason> stopped() {
    return stopped;
  }

  /**
   * Stops once (later calls return the same future): calls {@link CapabilityProvider#shutdown} if
   * not yet done, stops taking messages, lets in-flight work finish for up to the drain timeout,
   * flushes and closes the connection. Runs on its own thread, {@code trellis-provider-stop}.
   */
  CompletableFuture<StopReason> stop(StopReason reason) {
    if (stopping.compareAndSet(false, true)) {
      ProviderThreads.named("trellis-provider-stop", false)
          .newThread(() -> teardown(reason))
          .start();
    }
    return stopped;
  }

  // ---- NATS callbacks: hand off, never block ----------------------------------------------

  private void onControl(Runnable task) {
    try {
      control.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("control message dropped: provider is stopping");
    }
  }

  private void onHealth(Message msg) {
    try {
      workers.execute(() -> health(msg));
    } catch (RejectedExecutionException e) {
      reply(msg, HealthCheckCodec.encodeResponse(new HealthCheckResponse(false, "stopping")));
    }
  }

  private void onRpc(Message msg) {
    try {
      workers.execute(() -> invocations.serve(msg));
    } catch (RejectedExecutionException e) {
      reply(
          msg,
          InvocationResponseCodec.encode(
              InvocationResponse.failure(
                  "",
                  "failed to handle invocation: provider "
                      + hostData.providerKey()
                      + " is stopping")));
    }
  }

  // ---- control thread ----------------------------------------------------------------------

  private void putLink(Message msg) {
    LinkDefinition link = decodeLink(msg, "put");
    if (link != null) {
      links.put(link);
    }
  }

  private void deleteLink(Message msg) {
    LinkDefinition link = decodeLink(msg, "del");
    if (link != null) {
      links.delete(link);
    }
  }

  private LinkDefinition decodeLink(Message msg, String what) {
    try {
      return LinkDefinitionCodec.decode(msg.getData());
    } catch (DecodeException e) {
      LOG.warn("link {} ignored: undecodable cause={}", what, e.getMessage());
      return null;
    }
  }

  private void shutdown(Message msg) {
    String hostId = hostData.hostId();
    switch (ShutdownRequest.decide(msg.getData(), hostId)) {
      case OTHER_HOST -> {
        LOG.debug(
            "shutdown ignored: meant for host={} this host={}",
            ShutdownRequest.hostIdOf(msg.getData()),
            hostId);
        return;
      }
      case UNADDRESSED ->
          LOG.warn("shutdown request names no host_id; shutting down anyway host={}", hostId);
      case MATCHES -> LOG.info("shutdown requested host={}", hostId);
    }
    // rpc-rs order: the provider cleans up first, then the reply (an OTP host kills the process
    // as soon as the reply arrives).
    shutdownProvider();
    reply(msg, SHUTTING_DOWN);
    stop(StopReason.SHUTDOWN_REQUESTED);
  }

  // ---- worker threads -----------------------------------------------------------------------

  private void health(Message msg) {
    HealthCheckResponse response;
    try {
      response = provider.health();
      if (response == null) {
        response = new HealthCheckResponse(false, "the provider returned no health");
      }
    } catch (RuntimeException e) {
      LOG.warn("health check failed", e);
      response = new HealthCheckResponse(false, "failed to check health: " + e);
    }
    reply(msg, HealthCheckCodec.encodeResponse(response));
  }

  // ---- stopping -----------------------------------------------------------------------------

  private void teardown(StopReason reason) {
    try {
      shutdownProvider();
      drain(rpcDispatcher);
      drain(controlDispatcher);
      control.shutdown();
      workers.shutdown();
      long deadline = System.nanoTime() + drainTimeout.toNanos();
      boolean controlDone = awaitTermination(control, deadline);
      boolean workersDone = awaitTermination(workers, deadline);
      if (!controlDone || !workersDone) {
        LOG.warn(
            "in-flight work still running after {} ms; interrupting it", drainTimeout.toMillis());
        control.shutdownNow();
        workers.shutdownNow();
      }
      try {
        nats.flush(FLUSH_TIMEOUT);
      } catch (TimeoutException | RuntimeException e) {
        LOG.debug("flush before close failed cause={}", e.toString());
      }
      nats.close();
      LOG.info("provider stopped reason={}", reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("provider stop interrupted reason={}", reason);
    } catch (RuntimeException e) {
      LOG.error("provider stop failed reason={}", reason, e);
    } finally {
      stopped.complete(reason);
    }
  }

  private void shutdownProvider() {
    if (providerShutDown.compareAndSet(false, true)) {
      try {
        provider.shutdown();
      } catch (RuntimeException e) {
        LOG.error("provider shutdown failed", e);
      }
    }
  }

  private void drain(Dispatcher dispatcher) throws InterruptedException {
    if (dispatcher == null || !dispatcher.isActive()) {
      return;
    }
    try {
      dispatcher.drain(drainTimeout).get(drainTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.debug("dispatcher drain incomplete cause={}", e.toString());
    }
  }

  private static boolean awaitTermination(ExecutorService executor, long deadline)
      throws InterruptedException {
    return executor.awaitTermination(
        Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void awaitControl(Runnable task) {
    try {
      control.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("failed to deliver the links of HostData: interrupted", e);
    } catch (ExecutionException e) {
      throw new ProviderException(
          "failed to deliver the links of HostData: " + e.getCause(), e.getCause());
    }
  }

  private void reply(Message msg, byte[] body) {
    String replyTo = msg.getReplyTo();
    if (replyTo == null || replyTo.isEmpty()) {
      return;
    }
    try {
      nats.publish(replyTo, body);
    } catch (IllegalStateException e) {
      LOG.debug("reply dropped: connection closed subject={}", msg.getSubject());
    }
  }
}
