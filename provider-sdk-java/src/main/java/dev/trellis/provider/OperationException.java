package dev.trellis.provider;

/**
 * Thrown by a handler to fail an invocation: the message becomes {@code InvocationResponse.error}
 * verbatim (the caller sees it), and nothing is logged above debug level. Use it for expected
 * failures ("key not found", "bad request"); let unexpected ones propagate.
 */
public class OperationException extends ProviderException {
  public OperationException(String message) {
    super(message);
  }

  public OperationException(String message, Throwable cause) {
    super(message, cause);
  }
}
