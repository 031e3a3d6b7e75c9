package dev.trellis.provider;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in host serving the linked actor's subject on real NATS: it validates each invocation as
 * the OTP host does ({@link HostInvocationValidator}) and answers the payload reversed, chunked
 * both ways when large. Switches: answer with an error, stay silent, or hold the replies until a
 * number of requests is in and then answer them all in reverse order of arrival.
 */
final class StandInActor {
  final List<Invocation> received = new CopyOnWriteArrayList<>();
  final List<InvocationVerdict> verdicts = new CopyOnWriteArrayList<>();
  volatile String error;
  volatile boolean silent;

  private final Harness h;
  private final HostInvocationValidator validator;
  private final ChunkStore chunks;
  private final List<Message> held = new ArrayList<>();
  private int holdUntil;

  StandInActor(Harness h) {
    this.h = h;
    this.validator = new HostInvocationValidator(List.of(h.cluster.publicKey()), Clock.systemUTC());
    this.chunks = ChunkStore.of(h.nc, h.lattice, null);
    Dispatcher actor = h.nc.createDispatcher(this::onRequest);
    actor.subscribe(
        Subjects.actorRpc(h.lattice, h.linkedActor),
        Subjects.actorRpcQueue(h.lattice, h.linkedActor));
    try {
      h.nc.flush(Harness.TIMEOUT);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Holds replies until {@code count} requests are in, then answers them newest first. */
  void holdUntil(int count) {
    synchronized (held) {
      holdUntil = count;
    }
  }

  /** On the dispatcher thread, one message at a time. */
  private void onRequest(Message msg) {
    if (silent) {
      received.add(InvocationCodec.decode(msg.getData()));
      return;
    }
    List<Message> answer;
    synchronized (held) {
      if (holdUntil == 0) {
        answer = List.of(msg);
      } else {
        held.add(msg);
        if (held.size() < holdUntil) {
          return;
        }
        answer = new ArrayList<>(held);
        Collections.reverse(answer);
        held.clear();
        holdUntil = 0;
      }
    }
    answer.forEach(this::answer);
  }

  private void answer(Message msg) {
    Invocation inv = InvocationCodec.decode(msg.getData());
    if (inv.isChunked()) {
      inv = inv.withMsg(chunks.takeRequest(inv.id()));
    }
    received.add(inv);
    InvocationVerdict verdict = validator.validate(inv);
    verdicts.add(verdict);
    InvocationResponse response;
    if (!verdict.isAccepted()) {
      response = InvocationResponse.failure(inv.id(), verdict.error().orElseThrow());
    } else if (error != null) {
      response = InvocationResponse.failure(inv.id(), error);
    } else if (ChunkStore.needsChunking(inv.msg().length)) {
      chunks.putResponse(inv.id(), reversed(inv.msg()));
      response = new InvocationResponse(new byte[0], inv.id(), null, (long) inv.msg().length);
    } else {
      response = InvocationResponse.success(inv.id(), reversed(inv.msg()));
    }
    h.nc.publish(msg.getReplyTo(), InvocationResponseCodec.encode(response));
  }

  static byte[] reversed(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
