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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Provider → actor calls without blocking (spec §3.6 flow A): sign, encode, request, and complete a
 * future with the result or an {@link ActorCallException}. {@link ProviderConnection} is the public
 * face.
 *
 * <p>Threads: the caller's thread signs and publishes. A reply is decoded on the jnats thread that
 * received it, which then completes the future. Object-store transfers (a request or a result over
 * 900 KiB) run on the {@code transfers} executor, which then completes the future; the timeout
 * fires on the {@code timer} thread. Nothing here blocks the caller or a jnats thread.
 */
final class ActorCalls {
  /** Extra wait for a call whose payload goes through the object store (rpc-rs). */
  static final Duration CHUNKED_EXTRA_TIMEOUT = Duration.ofSeconds(13);

  private final HostData hostData;
  private final Connection nats;
  private final ChunkStore chunks;
  private final Supplier<InvocationSigner> signer;
  private final Executor transfers;
  private final ScheduledExecutorService timer;

  ActorCalls(
      HostData hostData,
      Connection nats,
      ChunkStore chunks,
      Supplier<InvocationSigner> signer,
      Executor transfers,
      ScheduledExecutorService timer) {
    this.hostData = hostData;
    this.nats = nats;
    this.chunks = chunks;
    this.signer = signer;
    this.transfers = transfers;
    this.timer = timer;
  }

  /**
   * Calls {@code operation} on the actor of {@code link}, waiting {@code timeout} for the reply (13
   * s more when the payload is chunked). Never throws: every failure completes the future.
   */
  CompletableFuture<byte[]> call(
      LinkDefinition link, String operation, byte[] payload, Duration timeout) {
    Call call = new Call(link.actorId(), operation);
    try {
      byte[] body = payload == null ? new byte[0] : payload;
      WasmCloudEntity origin =
          WasmCloudEntity.provider(hostData.providerKey(), link.contractId(), link.linkName());
      WasmCloudEntity target = WasmCloudEntity.actor(link.actorId());
      InvocationSigner sign = signer.get();
      if (!ChunkStore.needsChunking(body.length)) {
        Invocation invocation = sign.sign(origin, target, operation, body, hostData.hostId());
        send(call, invocation, timeout);
        return call.result;
      }
      String id = UUID.randomUUID().toString();
      String claims = sign.encodeClaims(id, origin, target, operation, body);
      Invocation invocation =
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
      transfers.execute(
          () -> {
            try {
              chunks.putRequest(id, body);
              send(call, invocation, timeout.plus(CHUNKED_EXTRA_TIMEOUT));
            } catch (ChunkingException e) {
              call.fail(new ActorCallException(call.failed(e.getMessage()), e));
            } catch (RuntimeException e) {
              call.fail(unexpected(call, e));
            }
          });
    } catch (ActorCallException e) {
      call.fail(e);
    } catch (RejectedExecutionException e) {
      call.fail(stopped(call, e));
    } catch (RuntimeException e) {
      call.fail(unexpected(call, e));
    }
    return call.result;
  }

  /** Publishes the request, arms the timeout and handles the reply. On any thread. */
  private void send(Call call, Invocation invocation, Duration timeout) {
    CompletableFuture<Message> reply;
    try {
      reply =
          nats.requestWithTimeout(
              Subjects.actorRpc(hostData.latticeRpcPrefix(), call.actorId),
              InvocationCodec.encode(invocation),
              timeout);
    } catch (IllegalStateException e) {
      call.fail(new ActorCallException(call.failed("the provider's NATS connection is closed"), e));
      return;
    }
    ScheduledFuture<?> deadline;
    try {
      // jnats times requests out in a sweep every few seconds; this timer answers on time.
      deadline =
          timer.schedule(
              () -> {
                if (call.fail(timedOut(call, timeout, null))) {
                  reply.cancel(false);
                }
              },
              timeout.toNanos(),
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      reply.cancel(false);
      call.fail(stopped(call, e));
      return;
    }
    reply.whenComplete(
        (message, error) -> {
          deadline.cancel(false);
          if (error != null) {
            call.fail(failure(call, timeout, error));
          } else {
            receive(call, invocation.id(), message);
          }
        });
  }

  /** On the jnats thread that got the reply: decode, then complete or fetch the chunked result. */
  private void receive(Call call, String invocationId, Message reply) {
    InvocationResponse response;
    try {
      response = InvocationResponseCodec.decode(reply.getData());
    } catch (DecodeException e) {
      call.fail(new ActorCallException(call.failed(e.getMessage()), e));
      return;
    }
    if (!response.isSuccess()) {
      call.fail(new ActorErrorException(call.failed(response.error()), response.error()));
      return;
    }
    if (!response.isChunked()) {
      call.result.complete(response.msg());
      return;
    }
    try {
      transfers.execute(
          () -> {
            try {
              call.result.complete(chunks.takeResponse(invocationId));
            } catch (ChunkingException e) {
              call.fail(new ActorCallException(call.failed(e.getMessage()), e));
            } catch (RuntimeException e) {
              call.fail(unexpected(call, e));
            }
          });
    } catch (RejectedExecutionException e) {
      call.fail(stopped(call, e));
    }
  }

  private ActorCallException failure(Call call, Duration timeout, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof JetStreamStatusException status && status.getStatus().isNoResponders()) {
      return new ActorCallTimeoutException(
          call.failed(
              "no host serves the actor in lattice "
                  + hostData.latticeRpcPrefix()
                  + " (no responders); start the actor"),
          cause);
    }
    if (cause instanceof CancellationException) {
      // jnats cancels a request at its timeout, and every open request when the connection closes
      return timedOut(call, timeout, cause);
    }
    return new ActorCallException(call.failed(String.valueOf(cause)), cause);
  }

  private static ActorCallTimeoutException timedOut(Call call, Duration timeout, Throwable cause) {
    return new ActorCallTimeoutException(
        call.failed("request timeout after " + timeout.toMillis() + " ms"), cause);
  }

  private ActorCallException stopped(Call call, RuntimeException e) {
    return new ActorCallException(
        call.failed("provider " + hostData.providerKey() + " is stopping"), e);
  }

  private static ActorCallException unexpected(Call call, RuntimeException e) {
    return new ActorCallException(call.failed(String.valueOf(e)), e);
  }

  /** One call in progress: what it is for messages, and its future. */
  private static final class Call {
    final String actorId;
    final String operation;
    final CompletableFuture<byte[]> result = new CompletableFuture<>();

    Call(String actorId, String operation) {
      this.actorId = actorId;
      this.operation = operation;
    }

    /** {@code failed to call <operation> on actor <id>: <cause>}. */
    String failed(String cause) {
      return "failed to call " + operation + " on actor " + actorId + ": " + cause;
    }

    /** Completes with {@code e} unless already complete; true when this call did. */
    boolean fail(ActorCallException e) {
      return result.completeExceptionally(e);
    }
  }
}
