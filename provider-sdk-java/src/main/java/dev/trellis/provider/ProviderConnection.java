package dev.trellis.provider;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.nats.chunking.ChunkingException;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A running provider's view of the lattice: its HostData, its links, and calls to actors (spec §3.6
 * flow A, Appendix D item 6).
 *
 * <p>{@link #callActor} signs the invocation with {@code HostData.invocation_seed} (the cluster
 * seed), with origin = this provider as the actor's link names it (provider key, contract id, link
 * name) and target = the actor; requests {@code wasmbus.rpc.{lattice}.{actor}}; waits {@code
 * default_rpc_timeout_ms} (2 s when absent), 13 s more when the payload is chunked (over 900 KiB,
 * through the object store); fetches a chunked result. It blocks: call it from a handler, a
 * lifecycle method or your own thread, never from a NATS callback.
 *
 * <p>Thread-safe.
 */
public final class ProviderConnection {
  /** Extra wait for a call whose payload goes through the object store (rpc-rs). */
  static final Duration CHUNKED_EXTRA_TIMEOUT = Duration.ofSeconds(13);

  private final HostData hostData;
  private final Connection nats;
  private final LinkTable links;
  private final ChunkStore chunks;
  private final Supplier<InvocationSigner> signer;

  ProviderConnection(
      HostData hostData,
      Connection nats,
      LinkTable links,
      ChunkStore chunks,
      Supplier<InvocationSigner> signer) {
    this.hostData = hostData;
    this.nats = nats;
    this.links = links;
    this.chunks = chunks;
    this.signer = signer;
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

  /**
   * Invokes {@code operation} on the linked actor {@code actorId} and returns its result.
   *
   * @throws UnlinkedActorException if the actor has no link to this provider (nothing is sent)
   * @throws ActorCallTimeoutException if no reply came in time or nobody serves the actor
   * @throws ActorErrorException if the host answered with an error
   * @throws ActorCallException if the call could not be made or its reply read
   */
  public byte[] callActor(String actorId, String operation, byte[] payload) {
    LinkDefinition link =
        links
            .get(actorId)
            .orElseThrow(
                () ->
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
    return callActor(link, operation, payload);
  }

  /** As {@link #callActor(String, String, byte[])}, through the given link. */
  public byte[] callActor(LinkDefinition link, String operation, byte[] payload) {
    byte[] body = payload == null ? new byte[0] : payload;
    WasmCloudEntity origin =
        WasmCloudEntity.provider(providerKey(), link.contractId(), link.linkName());
    WasmCloudEntity target = WasmCloudEntity.actor(link.actorId());
    String what = operation + " on actor " + link.actorId();
    InvocationSigner sign = signer.get();
    Invocation invocation;
    Duration timeout = hostData.rpcTimeout();
    if (ChunkStore.needsChunking(body.length)) {
      String id = UUID.randomUUID().toString();
      String claims = sign.encodeClaims(id, origin, target, operation, body);
      try {
        chunks.putRequest(id, body);
      } catch (ChunkingException e) {
        throw new ActorCallException("failed to call " + what + ": " + e.getMessage(), e);
      }
      invocation =
          new Invocation(
              origin,
              target,
              operation,
              new byte[0],
              id,
              claims,
              hostData.hostId(),
              (long) body.length,
              Map.of());
      timeout = timeout.plus(CHUNKED_EXTRA_TIMEOUT);
    } else {
      invocation = sign.sign(origin, target, operation, body, hostData.hostId());
    }
    Message reply =
        request(
            Subjects.actorRpc(lattice(), link.actorId()),
            InvocationCodec.encode(invocation),
            timeout,
            what);
    return result(reply, invocation.id(), what);
  }

  private Message request(String subject, byte[] bytes, Duration timeout, String what) {
    CompletableFuture<Message> future;
    try {
      future = nats.requestWithTimeout(subject, bytes, timeout);
    } catch (IllegalStateException e) {
      throw new ActorCallException(
          "failed to call " + what + ": the provider's NATS connection is closed", e);
    }
    try {
      // jnats completes the future itself at the timeout; the extra second only guards a hang.
      return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new ActorCallException("failed to call " + what + ": interrupted", e);
    } catch (TimeoutException | CancellationException e) {
      future.cancel(true);
      throw timedOut(what, timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof JetStreamStatusException status && status.getStatus().isNoResponders()) {
        throw new ActorCallTimeoutException(
            "failed to call "
                + what
                + ": no host serves the actor in lattice "
                + lattice()
                + " (no responders); start the actor",
            cause);
      }
      if (cause instanceof CancellationException) {
        throw timedOut(what, timeout, cause);
      }
      throw new ActorCallException("failed to call " + what + ": " + cause, cause);
    }
  }

  private ActorCallTimeoutException timedOut(String what, Duration timeout, Throwable cause) {
    return new ActorCallTimeoutException(
        "failed to call " + what + ": request timeout after " + timeout.toMillis() + " ms", cause);
  }

  private byte[] result(Message reply, String invocationId, String what) {
    InvocationResponse response;
    try {
      response = InvocationResponseCodec.decode(reply.getData());
    } catch (DecodeException e) {
      throw new ActorCallException("failed to call " + what + ": " + e.getMessage(), e);
    }
    if (!response.isSuccess()) {
      throw new ActorErrorException(
          "failed to call " + what + ": " + response.error(), response.error());
    }
    if (!response.isChunked()) {
      return response.msg();
    }
    try {
      return chunks.takeResponse(invocationId);
    } catch (ChunkingException e) {
      throw new ActorCallException("failed to call " + what + ": " + e.getMessage(), e);
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
