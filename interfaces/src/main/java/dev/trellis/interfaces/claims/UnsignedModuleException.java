package dev.trellis.interfaces.claims;

/** A module has no {@code jwt} or {@code wasmcloud_jwt} custom section. */
public class UnsignedModuleException extends ClaimsException {
  public UnsignedModuleException(String message) {
    super(message, null);
  }
}
