package dev.trellis.interfaces.claims;

/** Bytes are not a well-formed WebAssembly core module (header or section structure). */
public class MalformedModuleException extends ClaimsException {
  public MalformedModuleException(String message) {
    super(message, null);
  }
}
