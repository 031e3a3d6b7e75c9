package dev.trellis.host.rpc;

import dev.trellis.host.actor.Actor;
import dev.trellis.host.actor.GuestOutcome;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.EntityUrls;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationHash;
import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.nats.chunking.ChunkingException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code wasmbus.rpc.{lattice}.{actor}} for one actor on this host: a queue subscription
 * (queue = the subject, so one host of the lattice answers each invocation) on the RPC connection.
 *
 * <p>The NATS dispatcher thread only hands each message to the intake executor. Intake decodes,
 * validates (spec §4.3: token, hash, host id, issuer, URLs; then the target key and, for a provider
 * origin, the caps check) and queues the call on the actor's workers; the worker that finishes the
 * call publishes the reply. Every request with a reply subject gets a reply.
 */
public final class ActorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActorServer.class);

  private final Connection connection;
  private final Actor actor;
  private final ActorMetadata claims;
  private final HostInvocationValidator validator;
  private final Executor intake;
  private final ChunkStore chunks;
  private final InvocationObserver observer;
  private final String subject;
  private Dispatcher dispatcher;

  public ActorServer(
      Connection connection,
      String lattice,
      Actor actor,
      ActorMetadata claims,
      HostInvocationValidator validator,
      Executor intake,
      ChunkStore chunks,
      InvocationObserver observer) {
    this.connection = connection;
    this.actor = actor;
    this.claims = claims;
    this.validator = validator;
    this.intake = intake;
    this.chunks = chunks;
    this.observer = observer;
    this.subject = Subjects.actorRpc(lattice, actor.publicKey());
  }

  /** Subscribes; invocations flow from now on. */
  public synchronized void start() {
    if (dispatcher == null) {
      dispatcher = connection.createDispatcher(this::onMessage);
      dispatcher.subscribe(subject, subject);
    }
  }

  private void onMessage(Message message) {
    try {
      intake.execute(() -> handle(message));
    } catch (RejectedExecutionException e) {
      reply(message, InvocationResponse.failure("", notRunning()));
    }
  }

  private void handle(Message message) {
    Invocation invocation;
    try {
      invocation = InvocationCodec.decode(message.getData());
    } catch (DecodeException e) {
      LOG.debug("undecodable invocation actor={} cause={}", actor.publicKey(), e.getMessage());
      reply(message, InvocationResponse.failure("", "Failed to deserialize invocation"));
      return;
    }
    InvocationVerdict verdict = validator.validate(invocation);
    String refusal =
        verdict instanceof InvocationVerdict.Rejected rejected
            ? rejected.text()
            : refusal(invocation);
    if (refusal == null && invocation.isChunked()) {
      try {
        byte[] payload = chunks.takeRequest(invocation.id());
        refusal = hashRefusal(invocation, payload, (InvocationVerdict.Accepted) verdict);
        invocation = invocation.withMsg(payload);
      } catch (ChunkingException e) {
        refusal =
            "failed to fetch the payload of invocation " + invocation.id() + ": " + e.getMessage();
      }
    }
    if (refusal != null) {
      LOG.debug(
          "invocation refused actor={} id={} origin={} reason={}",
          actor.publicKey(),
          invocation.id(),
          invocation.origin().publicKey(),
          refusal);
      reply(message, InvocationResponse.failure(invocation.id(), refusal));
      return;
    }
    Invocation accepted = invocation;
    actor
        .call(invocation.operation(), invocation.msg())
        .whenComplete(
            (outcome, failure) -> {
              InvocationResponse response = response(accepted.id(), outcome, failure);
              reply(message, chunked(response));
              observer.served(accepted, response.isSuccess());
            });
  }

  /**
   * Checks a fetched payload against the signed hash, which the validator could not check while
   * {@code msg} was empty; returns the refusal text, or null when it matches.
   */
  private static String hashRefusal(
      Invocation invocation, byte[] payload, InvocationVerdict.Accepted verdict) {
    String expected = verdict.claims().metadata().hash();
    String actual =
        InvocationHash.compute(
            EntityUrls.of(invocation.origin()),
            EntityUrls.target(invocation.target(), invocation.operation()),
            invocation.operation(),
            payload);
    return actual.equals(expected)
        ? null
        : "Anti-forgery check failed: Invocation hash does not match signed claims hash ("
            + expected
            + " / "
            + actual
            + ")";
  }

  /** The first reason to refuse a validated {@code invocation}, or null when it may run. */
  private String refusal(Invocation invocation) {
    if (!actor.publicKey().equals(invocation.target().publicKey())) {
      return "Invocation target "
          + invocation.target().publicKey()
          + " does not match actor "
          + actor.publicKey()
          + " serving "
          + subject;
    }
    var origin = invocation.origin();
    if (!origin.contractId().isEmpty() && !origin.linkName().isEmpty()) {
      if (claims == null || !claims.hasCapability(origin.contractId())) {
        return "Invocation source does not have the required capability claim "
            + origin.contractId();
      }
    }
    return null;
  }

  private static InvocationResponse response(String id, GuestOutcome outcome, Throwable failure) {
    if (failure != null) {
      return InvocationResponse.failure(id, "Failed to handle actor RPC: " + failure);
    }
    if (outcome instanceof GuestOutcome.Success success) {
      return InvocationResponse.success(id, success.response());
    }
    return InvocationResponse.failure(id, ((GuestOutcome.Failure) outcome).text());
  }

  /** A successful result over the threshold goes to the object store as {@code {id}-r}. */
  private InvocationResponse chunked(InvocationResponse response) {
    if (!response.isSuccess() || !ChunkStore.needsChunking(response.msg().length)) {
      return response;
    }
    try {
      chunks.putResponse(response.invocationId(), response.msg());
      return new InvocationResponse(
          new byte[0], response.invocationId(), null, (long) response.msg().length);
    } catch (ChunkingException e) {
      return InvocationResponse.failure(
          response.invocationId(), "failed to store the response: " + e.getMessage());
    }
  }

  private String notRunning() {
    return "Invocation received for actor " + actor.publicKey() + " that is not running";
  }

  private void reply(Message request, InvocationResponse response) {
    String replyTo = request.getReplyTo();
    if (replyTo == null || replyTo.isEmpty()) {
      LOG.debug("invocation without a reply subject actor={}", actor.publicKey());
      return;
    }
    try {
      connection.publish(replyTo, InvocationResponseCodec.encode(response));
    } catch (RuntimeException e) {
      LOG.warn(
          "failed to publish invocation reply actor={} id={} cause={}",
          actor.publicKey(),
          response.invocationId(),
          e.toString());
    }
  }

  /** Unsubscribes; invocations already taken still get their replies. Idempotent. */
  @Override
  public synchronized void close() {
    if (dispatcher != null && connection.getStatus() != Connection.Status.CLOSED) {
      connection.closeDispatcher(dispatcher);
    }
    dispatcher = null;
  }
}
