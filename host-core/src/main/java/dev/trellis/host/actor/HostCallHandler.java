package dev.trellis.host.actor;

/**
 * Serves an actor's outbound {@code __host_call}s. One handler is bound to one actor; it runs on
 * the worker thread that runs the guest, and may block (for a NATS reply, say) until the call's
 * deadline interrupts it.
 */
@FunctionalInterface
public interface HostCallHandler {

  /**
   * Performs one host call.
   *
   * @param binding the link name, or {@code ""} for an actor-to-actor call
   * @param namespace the contract id, an actor public key or a call alias
   * @param operation {@code Service.Method}
   * @param payload the guest's payload bytes
   */
  HostCallResult call(String binding, String namespace, String operation, byte[] payload)
      throws InterruptedException;

  /** A handler that refuses every call; for actors that make none. */
  HostCallHandler NONE =
      (binding, namespace, operation, payload) ->
          HostCallResult.err("host calls are not available to this actor");
}
