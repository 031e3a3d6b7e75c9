package dev.trellis.provider.testing;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An actor played by a NATS responder on {@code wasmbus.rpc.{lattice}.{actor}} (made by {@link
 * ProviderHarness#actor}): it takes the provider's calls as a host would (dechunks them through the
 * object store, checks them with {@link HostInvocationValidator}), records each with its verdict,
 * and answers, chunking large results. Replies go out on a jnats dispatcher thread.
 */
public final class StandInActor {
  private final String key;
  private final Connection nc;
  private final List<Invocation> received = new CopyOnWriteArrayList<>();
  private final List<InvocationVerdict> verdicts = new CopyOnWriteArrayList<>();
  private final List<Map.Entry<String, byte[]>> held = new ArrayList<>();
  private int holdUntil;

  private StandInActor(String key, Connection nc) {
    this.key = key;
    this.nc = nc;
  }

  static StandInActor start(
      Connection nc,
      String lattice,
      String actor,
      String clusterIssuer,
      Function<Invocation, InvocationResponse> answer,
      Duration timeout) {
    StandInActor standIn = new StandInActor(actor, nc);
    HostInvocationValidator validator =
        new HostInvocationValidator(List.of(clusterIssuer), Clock.systemUTC());
    ChunkStore chunks = ChunkStore.of(nc, lattice, null);
    Dispatcher dispatcher =
        nc.createDispatcher(
            msg -> {
              Invocation inv = InvocationCodec.decode(msg.getData());
              if (inv.isChunked()) {
                inv = inv.withMsg(chunks.takeRequest(inv.id()));
              }
              InvocationVerdict verdict = validator.validate(inv);
              standIn.received.add(inv);
              standIn.verdicts.add(verdict);
              InvocationResponse response =
                  verdict.isAccepted()
                      ? answer.apply(inv)
                      : InvocationResponse.failure(inv.id(), verdict.error().orElseThrow());
              if (response == null) {
                return;
              }
              if (response.isSuccess() && ChunkStore.needsChunking(response.msg().length)) {
                chunks.putResponse(inv.id(), response.msg());
                response =
                    new InvocationResponse(
                        new byte[0], inv.id(), null, (long) response.msg().length);
              }
              standIn.reply(msg.getReplyTo(), InvocationResponseCodec.encode(response));
            });
    dispatcher.subscribe(Subjects.actorRpc(lattice, actor), Subjects.actorRpcQueue(lattice, actor));
    try {
      nc.flush(timeout);
    } catch (TimeoutException e) {
      throw new AssertionError("failed to subscribe actor " + actor + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while subscribing actor " + actor, e);
    }
    return standIn;
  }

  /** The actor's key. */
  public String key() {
    return key;
  }

  /** The invocations received so far (dechunked), in order; a live, read-only view. */
  public List<Invocation> received() {
    return Collections.unmodifiableList(received);
  }

  /** The validator's verdict on each of {@link #received()}, in the same order. */
  public List<InvocationVerdict> verdicts() {
    return Collections.unmodifiableList(verdicts);
  }

  /**
   * Holds the replies until {@code count} invocations are in (a slow actor, with every request
   * waiting at once), then sends them all, newest first; then answers at once again.
   */
  public synchronized void holdUntil(int count) {
    holdUntil = count;
  }

  /** On the dispatcher thread. */
  private void reply(String replyTo, byte[] response) {
    List<Map.Entry<String, byte[]>> send;
    synchronized (this) {
      if (holdUntil == 0) {
        send = List.of(Map.entry(replyTo, response));
      } else {
        held.add(Map.entry(replyTo, response));
        if (held.size() < holdUntil) {
          return;
        }
        send = new ArrayList<>(held);
        Collections.reverse(send);
        held.clear();
        holdUntil = 0;
      }
    }
    send.forEach(reply -> nc.publish(reply.getKey(), reply.getValue()));
  }
}
