package dev.trellis.host.actor;

/** What the host answers to one guest {@code __host_call} (spec §1.4). */
public sealed interface HostCallResult {

  /** The call succeeded; the guest reads {@code response} through {@code __host_response}. */
  record Ok(byte[] response) implements HostCallResult {}

  /** The call failed; the guest reads {@code text} through {@code __host_error}. */
  record Err(String text) implements HostCallResult {}

  /**
   * The host function itself failed, which traps the guest (0.62+ behaviour for an unknown builtin
   * operation or an unparsable builtin payload).
   */
  record Trap(String text) implements HostCallResult {}

  public static HostCallResult ok(byte[] response) {
    return new Ok(response);
  }

  public static HostCallResult err(String text) {
    return new Err(text);
  }
}
