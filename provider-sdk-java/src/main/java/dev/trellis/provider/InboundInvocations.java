package dev.trellis.provider;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.antiforgery.ProviderInvocationValidator;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.nats.chunking.ChunkingException;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one invocation from the provider's RPC subject, on a worker thread: decode, dechunk,
 * validate (spec §4.3, rpc-rs order: the hash is checked over the dechunked payload), dispatch to
 * the operation's handler, reply (chunking a result over 900 KiB to {@code {id}-r}). Every request
 * with a reply subject gets exactly one {@link InvocationResponse}; failures travel in its {@code
 * error}.
 *
 * <p>Error texts: validation failures are rpc-rs's, verbatim ({@link ProviderInvocationValidator});
 * an undecodable request gets rpc-rs's {@code deser error: <cause>} (the provider-side text of spec
 * Appendix B, rather than OTP's host-side {@code Failed to deserialize invocation}) with an empty
 * {@code invocation_id}; an operation without a handler gets a text naming the operation, the
 * provider and the operations it has.
 */
final class InboundInvocations {
  private static final Logger LOG = LoggerFactory.getLogger(InboundInvocations.class);

  private final CapabilityProvider provider;
  private final String providerKey;
  private final Connection nats;
  private final Operations operations;
  private final LinkTable links;
  private final ProviderInvocationValidator validator;
  private final ChunkStore chunks;

  InboundInvocations(
      CapabilityProvider provider,
      String providerKey,
      Connection nats,
      Operations operations,
      LinkTable links,
      ProviderInvocationValidator validator,
      ChunkStore chunks) {
    this.provider = provider;
    this.providerKey = providerKey;
    this.nats = nats;
    this.operations = operations;
    this.links = links;
    this.validator = validator;
    this.chunks = chunks;
  }

  /** Serves {@code message}; never throws. */
  void serve(Message message) {
    InvocationResponse response;
    try {
      response = respond(message.getData());
    } catch (RuntimeException e) {
      LOG.error("invocation failed unexpectedly subject={}", message.getSubject(), e);
      response = InvocationResponse.failure("", "failed to handle invocation: " + e);
    }
    reply(message, response);
  }

  private InvocationResponse respond(byte[] data) {
    Invocation inv;
    try {
      inv = InvocationCodec.decode(data);
    } catch (DecodeException e) {
      LOG.warn("invocation refused: undecodable bytes={} cause={}", data.length, e.getMessage());
      return InvocationResponse.failure("", "deser error: " + e.getMessage());
    }
    if (inv.isChunked()) {
      try {
        inv = inv.withMsg(chunks.takeRequest(inv.id()));
      } catch (ChunkingException e) {
        LOG.warn("invocation refused: chunk missing id={} cause={}", inv.id(), e.getMessage());
        return InvocationResponse.failure(inv.id(), e.getMessage());
      }
    }
    InvocationVerdict verdict = validator.validate(inv, links::isLinked);
    if (verdict instanceof InvocationVerdict.Rejected rejected) {
      LOG.warn(
          "invocation refused id={} operation={} origin={} reason={}",
          inv.id(),
          inv.operation(),
          inv.origin().publicKey(),
          rejected.text());
      return InvocationResponse.failure(inv.id(), rejected.text());
    }
    return dispatch(inv);
  }

  private InvocationResponse dispatch(Invocation inv) {
    Optional<OperationHandler> handler = operations.handler(inv.operation());
    if (handler.isEmpty()) {
      String text =
          "failed to handle operation "
              + inv.operation()
              + ": provider "
              + providerKey
              + " ("
              + provider.contractId()
              + ") has no handler for it; it handles "
              + operations.names();
      LOG.warn("invocation refused id={} reason={}", inv.id(), text);
      return InvocationResponse.failure(inv.id(), text);
    }
    // The validator accepted the origin as linked; the link may have been deleted since.
    Optional<LinkDefinition> link = links.get(inv.origin().publicKey());
    if (link.isEmpty()) {
      return InvocationResponse.failure(
          inv.id(), "unlinked actor: '" + inv.origin().publicKey() + "'");
    }
    InvocationContext context =
        new InvocationContext(inv.id(), inv.operation(), inv.origin(), link.get());
    byte[] result;
    try {
      result = handler.get().handle(context, inv.msg());
    } catch (OperationException e) {
      LOG.debug(
          "invocation failed id={} operation={} error={}",
          inv.id(),
          inv.operation(),
          e.getMessage());
      return InvocationResponse.failure(inv.id(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error(
          "invocation handler failed id={} operation={} actor={}",
          inv.id(),
          inv.operation(),
          context.actorId(),
          e);
      return InvocationResponse.failure(
          inv.id(),
          "failed to handle operation "
              + inv.operation()
              + " for actor "
              + context.actorId()
              + " in provider "
              + providerKey
              + ": "
              + e);
    }
    byte[] body = result == null ? new byte[0] : result;
    if (!ChunkStore.needsChunking(body.length)) {
      return InvocationResponse.success(inv.id(), body);
    }
    try {
      chunks.putResponse(inv.id(), body);
    } catch (ChunkingException e) {
      LOG.error("invocation result not stored id={} cause={}", inv.id(), e.getMessage());
      return InvocationResponse.failure(inv.id(), e.getMessage());
    }
    return new InvocationResponse(new byte[0], inv.id(), null, (long) body.length);
  }

  private void reply(Message message, InvocationResponse response) {
    String replyTo = message.getReplyTo();
    if (replyTo == null || replyTo.isEmpty()) {
      LOG.debug("invocation had no reply subject id={}", response.invocationId());
      return;
    }
    try {
      nats.publish(replyTo, InvocationResponseCodec.encode(response));
    } catch (IllegalStateException e) {
      LOG.debug("invocation reply dropped: connection closed id={}", response.invocationId());
    }
  }
}
