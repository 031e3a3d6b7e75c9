package dev.trellis.interfaces.event;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.Objects;

/**
 * {@code invocation_succeeded}: the host handled an invocation of one of its actors, which
 * succeeded. Published on {@code wasmbus.rpcevt.{lattice}} (OTP 0.52+).
 *
 * @param source the caller
 * @param dest the callee
 * @param operation the operation, e.g. {@code HttpServer.HandleRequest}
 * @param bytes the length of the invocation's payload
 */
public record InvocationSucceeded(
    WasmCloudEntity source, WasmCloudEntity dest, String operation, long bytes)
    implements LatticeEvent {
  public static final String TYPE = "invocation_succeeded";

  public InvocationSucceeded {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dest, "dest");
    Objects.requireNonNull(operation, "operation");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String subject(String lattice) {
    return Subjects.rpcEvents(lattice);
  }
}
