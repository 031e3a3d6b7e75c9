package dev.trellis.provider;

import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * A running provider's view of the lattice: its HostData, its links, and calls to actors (spec §3.6
 * flow A, Appendix D item 6).
 *
 * <p>A call signs the invocation with {@code HostData.invocation_seed} (the cluster seed), with
 * origin = this provider as the actor's link names it (provider key, contract id, link name) and
 * target = the actor; requests {@code wasmbus.rpc.{lattice}.{actor}}; waits {@code
 * default_rpc_timeout_ms} (2 s when absent) or the timeout given, 13 s more when the payload is
 * chunked (over 900 KiB, through the object store); fetches a chunked result. {@link
 * #callActorAsync} does it without blocking; {@link #callActor} waits for it: call that one from a
 * handler, a lifecycle method or your own thread, never from a NATS callback or an event loop.
 *
 * <p>Thread-safe.
 */
public final class ProviderConnection {
  /** Extra wait for a call whose payload goes through the object store (rpc-rs). */
  public static final Duration CHUNKED_EXTRA_TIMEOUT = ActorCalls.CHUNKED_EXTRA_TIMEOUT;

  private final HostData hostData;
  private final Connection nats;
  private final LinkTable links;
  private final ActorCalls calls;

  /**
   * @param transfers runs object-store transfers of chunked calls
   * @param timer fires call timeouts
   */
  ProviderConnection(
      HostData hostData,
      Connection nats,
      LinkTable links,
      ChunkStore chunks,
      Supplier<InvocationSigner> signer,
      Executor transfers,
      ScheduledExecutorService timer) {
    this.hostData = hostData;
    this.nats = nats;
    this.links = links;
    this.calls = new ActorCalls(hostData, nats, chunks, signer, transfers, timer);
  }

  /** What the host passed at start. Holds secrets: never log its seeds. */
  public HostData hostData() {
    return hostData;
  }

  /** The lattice prefix. */
  public String lattice() {
    return hostData.latticeRpcPrefix();
  }

  /** This provider's key, {@code V…}. */
  public String providerKey() {
    return hostData.providerKey();
  }

  /** The link name this instance serves. */
  public String linkName() {
    return hostData.linkName();
  }

  /** The link of {@code actorId} to this provider, if it is linked. */
  public Optional<LinkDefinition> link(String actorId) {
    return links.get(actorId);
  }

  /** Every current link, one per actor. */
  public Collection<LinkDefinition> links() {
    return links.all();
  }

  /**
   * The NATS connection the provider runs on, for providers that need NATS themselves (such as a
   * messaging provider). Do not close it.
   */
  public Connection nats() {
    return nats;
  }

  /** How long a call waits for its reply unless told otherwise: {@code default_rpc_timeout_ms}. */
  public Duration rpcTimeout() {
    return hostData.rpcTimeout();
  }

  /**
   * Invokes {@code operation} on the linked actor {@code actorId} and returns its result, waiting
   * {@link #rpcTimeout()} (13 s more for a chunked payload).
   *
   * @throws UnlinkedActorException if the actor has no link to this provider (nothing is sent)
   * @throws ActorCallTimeoutException if no reply came in time or nobody serves the actor
   * @throws ActorErrorException if the host answered with an error
   * @throws ActorCallException if the call could not be made or its reply read
   */
  public byte[] callActor(String actorId, String operation, byte[] payload) {
    return callActor(actorId, operation, payload, rpcTimeout());
  }

  /** As {@link #callActor(String, String, byte[])}, waiting {@code timeout} for the reply. */
  public byte[] callActor(String actorId, String operation, byte[] payload, Duration timeout) {
    return await(callActorAsync(actorId, operation, payload, timeout), operation, actorId);
  }

  /** As {@link #callActor(String, String, byte[])}, through the given link. */
  public byte[] callActor(LinkDefinition link, String operation, byte[] payload) {
    return callActor(link, operation, payload, rpcTimeout());
  }

  /** As {@link #callActor(LinkDefinition, String, byte[])}, waiting {@code timeout}. */
  public byte[] callActor(LinkDefinition link, String operation, byte[] payload, Duration timeout) {
    return await(callActorAsync(link, operation, payload, timeout), operation, link.actorId());
  }

  /**
   * Invokes {@code operation} on the linked actor {@code actorId} without blocking: the future
   * completes with the actor's result, or exceptionally with the exception {@link
   * #callActor(String, String, byte[])} would throw ({@link UnlinkedActorException}, {@link
   * ActorCallTimeoutException}, {@link ActorErrorException}, {@link ActorCallException}), never
   * with another one.
   *
   * <p>The calling thread signs and publishes the request; a payload over 900 KiB is first stored
   * in the object store on an SDK thread, so this never blocks and may be called from an event
   * loop. The future completes on a jnats thread (most replies), an SDK thread (a chunked payload
   * or result, a timeout) or the calling thread (a call that could not be made). Do not block in
   * stages that run on it: hand slow work to an executor of your own ({@code thenApplyAsync(…,
   * executor)}). Cancelling the future abandons the call; the request is not withdrawn.
   */
  public CompletableFuture<byte[]> callActorAsync(
      String actorId, String operation, byte[] payload) {
    return callActorAsync(actorId, operation, payload, rpcTimeout());
  }

  /**
   * As {@link #callActorAsync(String, String, byte[])}, waiting {@code timeout} for the reply (13 s
   * more for a chunked payload) instead of {@link #rpcTimeout()}.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public CompletableFuture<byte[]> callActorAsync(
      String actorId, String operation, byte[] payload, Duration timeout) {
    requirePositive(timeout);
    Optional<LinkDefinition> link = links.get(actorId);
    if (link.isEmpty()) {
      return CompletableFuture.failedFuture(
          new UnlinkedActorException(
              "failed to call "
                  + operation
                  + " on actor "
                  + actorId
                  + ": it has no link to provider "
                  + providerKey()
                  + " (link name "
                  + linkName()
                  + "); link them first"));
    }
    return calls.call(link.get(), operation, payload, timeout);
  }

  /** As {@link #callActorAsync(String, String, byte[])}, through the given link. */
  public CompletableFuture<byte[]> callActorAsync(
      LinkDefinition link, String operation, byte[] payload) {
    return callActorAsync(link, operation, payload, rpcTimeout());
  }

  /**
   * As {@link #callActorAsync(String, String, byte[], Duration)}, through the given link.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public CompletableFuture<byte[]> callActorAsync(
      LinkDefinition link, String operation, byte[] payload, Duration timeout) {
    Objects.requireNonNull(link, "link");
    requirePositive(timeout);
    return calls.call(link, operation, payload, timeout);
  }

  /** Waits for a call, rethrowing its {@link ActorCallException} as it is. */
  private static byte[] await(CompletableFuture<byte[]> call, String operation, String actorId) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(false);
      throw new ActorCallException(
          "failed to call " + operation + " on actor " + actorId + ": interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ActorCallException failure) {
        throw failure;
      }
      throw new ActorCallException(
          "failed to call " + operation + " on actor " + actorId + ": " + e.getCause(),
          e.getCause());
    }
  }

  private static void requirePositive(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the call timeout must be positive: " + timeout);
    }
  }

  @Override
  public String toString() {
    return "ProviderConnection[provider="
        + providerKey()
        + ", link_name="
        + linkName()
        + ", lattice="
        + lattice()
        + "]";
  }
}
