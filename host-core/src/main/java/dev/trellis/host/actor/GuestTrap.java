package dev.trellis.host.actor;

/**
 * Thrown from a host function to trap the guest with a message of our own (a misused import, a
 * refused builtin call). Never escapes the actor runtime: the call fails with {@link
 * #getMessage()}.
 */
final class GuestTrap extends RuntimeException {
  GuestTrap(String message) {
    super(message, null, false, false);
  }
}
