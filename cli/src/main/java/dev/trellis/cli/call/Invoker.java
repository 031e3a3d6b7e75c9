package dev.trellis.cli.call;

import dev.trellis.cli.CliException;
import dev.trellis.cli.context.Context;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.RpcConnection;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.lattice.LatticeData;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed invocation to an actor on the RPC connection and returns the reply bytes;
 * payloads and replies over the chunking threshold travel through the object store (dataplane §5).
 */
final class Invoker {
  private final Connection nc;
  private final RpcConnection conn;
  private final InvocationSigner signer;
  private final String ctlPrefix;

  /**
   * @param ctlPrefix the control topic prefix, for {@code get.claims} when the lattice has no KV
   *     bucket
   */
  Invoker(Connection nc, RpcConnection conn, KeyPair cluster, Clock clock, String ctlPrefix) {
    this.nc = nc;
    this.conn = conn;
    this.signer = new InvocationSigner(cluster, clock);
    this.ctlPrefix = ctlPrefix;
  }

  /**
   * The actor id for {@code target}: itself when it is one, else the actor whose claims carry it as
   * call alias (from the lattice's KV bucket, or {@code get.claims}).
   */
  String resolve(String target) {
    if (Ids.isActor(target)) {
      return target;
    }
    if (target.length() == 56 && target.startsWith("M")) {
      Ids.actor(target, "call " + target);
    }
    CtlConnection settings =
        new CtlConnection(
            conn.host(),
            conn.port(),
            conn.jwt(),
            conn.seed(),
            conn.credsFile(),
            conn.latticePrefix(),
            conn.timeout(),
            ctlPrefix,
            conn.jsDomain(),
            Context.defaults("rpc"));
    CtlClient client = CtlClient.using(settings, nc);
    return LatticeData.open(client)
        .actorByAlias(target)
        .map(ClaimsRecord::subject)
        .orElseThrow(
            () ->
                new CliException(
                    "failed to call "
                        + target
                        + ": it is not an actor id (M…) and no actor in lattice '"
                        + conn.latticePrefix()
                        + "' has it as call alias; 'trellis get claims' lists ids and aliases"));
  }

  /** Invokes {@code operation} on {@code actorId} and returns the result bytes. */
  byte[] invoke(String actorId, String operation, byte[] msg) {
    String action = "call actor " + actorId + " " + operation;
    WasmCloudEntity origin = new WasmCloudEntity(CallCommand.ORIGIN, "", "");
    Invocation invocation =
        signer.sign(origin, WasmCloudEntity.actor(actorId), operation, msg, CallCommand.HOST_ID);
    if (ChunkStore.needsChunking(msg.length)) {
      chunks().putRequest(invocation.id(), msg);
      invocation =
          new Invocation(
              invocation.origin(),
              invocation.target(),
              operation,
              new byte[0],
              invocation.id(),
              invocation.encodedClaims(),
              invocation.hostId(),
              (long) msg.length,
              Map.of());
    }
    Message reply;
    try {
      reply =
          nc.request(
                  Subjects.actorRpc(conn.latticePrefix(), actorId),
                  InvocationCodec.encode(invocation))
              .get(conn.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CliException(
          "failed to "
              + action
              + ": no reply within "
              + conn.timeout().toMillis()
              + " ms; raise it with -t/--rpc-timeout-ms",
          e);
    } catch (ExecutionException | CancellationException e) {
      throw new CliException(
          "failed to "
              + action
              + ": no host runs this actor in lattice '"
              + conn.latticePrefix()
              + "' at "
              + conn.address()
              + "; 'trellis get inventory' shows what runs where",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("failed to " + action + ": interrupted", e);
    }
    InvocationResponse response;
    try {
      response = InvocationResponseCodec.decode(reply.getData());
    } catch (DecodeException e) {
      throw new CliException(
          "failed to " + action + ": the reply is not an InvocationResponse: " + e.getMessage(), e);
    }
    if (!response.isSuccess()) {
      throw new CliException("failed to " + action + ": " + response.error());
    }
    return response.isChunked() ? chunks().takeResponse(invocation.id()) : response.msg();
  }

  private ChunkStore chunks() {
    return ChunkStore.of(nc, conn.latticePrefix(), conn.jsDomain());
  }
}
