package dev.trellis.provider;

import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.LinkDefinition;

/**
 * A capability provider: the library part of a provider process, handed to {@link ProviderRunner}
 * by a short {@code main}. Only {@link #contractId()} is required; every lifecycle method has a
 * no-op default, as rpc-rs's {@code ProviderHandler} does.
 *
 * <p>Call order: {@link #registerOperations} and {@link #start} once, before any link or
 * invocation; then {@link #putLink} for each link in HostData and for each link the host publishes
 * later, {@link #deleteLink}, {@link #health} and invocation handlers while running; {@link
 * #shutdown} at most once, at the end. {@code putLink}, {@code deleteLink} and {@code shutdown} run
 * one at a time on the SDK's control thread; {@code health} and handlers run concurrently on worker
 * threads. None of them runs on a NATS callback thread, so each may block.
 */
public interface CapabilityProvider {

  /** The contract this provider implements, e.g. {@code wasmcloud:keyvalue}. */
  String contractId();

  /**
   * Registers the handler of each operation ({@code Service.Method}) this provider serves.
   * Invocations of any other operation are answered with an error naming it.
   */
  default void registerOperations(Operations operations) {}

  /**
   * Called once the provider is connected, before the links of HostData are delivered. Keep {@code
   * connection} to call actors ({@link ProviderConnection#callActor}).
   */
  default void start(ProviderConnection connection) {}

  /**
   * A link to this provider was put. Return {@code true} to accept it: only accepted links are
   * recorded, and invocations are accepted only from actors with a recorded link. A second put for
   * an actor that is already linked is ignored without calling this method (rpc-rs semantics).
   */
  default boolean putLink(LinkDefinition link) {
    return true;
  }

  /** The link of {@code actorId} was deleted (it is already removed from the link table). */
  default void deleteLink(String actorId) {}

  /** Answers the host's health check; an exception is reported as unhealthy with its message. */
  default HealthCheckResponse health() {
    return HealthCheckResponse.ok();
  }

  /** The host asked this provider to stop, or the host is gone: release resources. */
  default void shutdown() {}
}
