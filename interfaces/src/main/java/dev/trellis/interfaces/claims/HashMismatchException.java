package dev.trellis.interfaces.claims;

/**
 * The module hash in an actor's claims differs from the hash of the module itself, and the claims'
 * {@code wascap_revision} is 3 or more (spec §8.4): the module was altered after it was signed.
 */
public class HashMismatchException extends ClaimsException {
  public HashMismatchException(String message) {
    super(message, "Invalid module hash");
  }
}
