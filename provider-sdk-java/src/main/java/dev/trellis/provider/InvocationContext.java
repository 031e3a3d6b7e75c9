package dev.trellis.provider;

import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.Objects;

/**
 * What a handler knows about the invocation it serves.
 *
 * @param invocationId the invocation id
 * @param operation the operation, {@code Service.Method}
 * @param origin the caller: an actor entity
 * @param link the caller's link to this provider (its values are the link settings)
 */
public record InvocationContext(
    String invocationId, String operation, WasmCloudEntity origin, LinkDefinition link) {

  public InvocationContext {
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(link, "link");
  }

  /** The calling actor's key, {@code M…}. */
  public String actorId() {
    return origin.publicKey();
  }
}
