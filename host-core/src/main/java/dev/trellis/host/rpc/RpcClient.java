package dev.trellis.host.rpc;

import dev.trellis.host.actor.HostCallResult;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.nats.chunking.ChunkingException;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends signed invocations as NATS requests on the host's RPC connection and turns the reply into a
 * {@link HostCallResult} (spec §1.4 steps 7–8): an {@code error} key means failure; a timeout or no
 * responders is {@code Failed to perform RPC call: request timeout}.
 */
public final class RpcClient {
  static final String TIMEOUT_TEXT = "Failed to perform RPC call: request timeout";
  private static final Duration LARGE_TIMEOUT = Duration.ofSeconds(15);

  private final Connection connection;
  private final ChunkStore chunks;
  private final InvocationSigner signer;
  private final String hostId;
  private final Duration timeout;

  public RpcClient(
      Connection connection,
      ChunkStore chunks,
      InvocationSigner signer,
      String hostId,
      Duration timeout) {
    this.connection = connection;
    this.chunks = chunks;
    this.signer = signer;
    this.hostId = hostId;
    this.timeout = timeout;
  }

  /**
   * Signs an invocation from {@code origin} to {@code target}, requests it on {@code subject} and
   * waits for the reply.
   *
   * @throws InterruptedException when the calling worker is interrupted (deadline or stop)
   */
  public HostCallResult call(
      WasmCloudEntity origin,
      WasmCloudEntity target,
      String operation,
      byte[] payload,
      String subject)
      throws InterruptedException {
    Invocation invocation = signer.sign(origin, target, operation, payload, hostId);
    boolean chunked = ChunkStore.needsChunking(payload.length);
    if (chunked) {
      try {
        chunks.putRequest(invocation.id(), payload);
      } catch (ChunkingException e) {
        return HostCallResult.err(
            "failed to call " + target.publicKey() + " with " + operation + ": " + e.getMessage());
      }
      invocation = invocation.withEmptyMsg();
    }
    Duration wait = chunked ? LARGE_TIMEOUT : timeout;
    Message reply;
    try {
      reply =
          connection
              .request(subject, InvocationCodec.encode(invocation))
              .get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | CancellationException e) {
      return HostCallResult.err(TIMEOUT_TEXT);
    } catch (ExecutionException e) {
      return HostCallResult.err(TIMEOUT_TEXT);
    }
    InvocationResponse response;
    try {
      response = InvocationResponseCodec.decode(reply.getData());
    } catch (DecodeException e) {
      return HostCallResult.err(
          "failed to call "
              + target.publicKey()
              + " with "
              + operation
              + ": the reply is not an InvocationResponse: "
              + e.getMessage());
    }
    if (!response.isSuccess()) {
      return HostCallResult.err(response.error());
    }
    if (response.isChunked()) {
      try {
        return HostCallResult.ok(chunks.takeResponse(invocation.id()));
      } catch (ChunkingException e) {
        return HostCallResult.err(
            "failed to call " + target.publicKey() + " with " + operation + ": " + e.getMessage());
      }
    }
    return HostCallResult.ok(response.msg());
  }
}
