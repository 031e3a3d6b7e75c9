package dev.trellis.provider;

/**
 * Serves one operation: takes the (dechunked, validated) payload of an invocation and returns the
 * result bytes. Throw {@link OperationException} to answer with an error text of your choice; any
 * other exception is answered with an error naming the operation and logged.
 */
@FunctionalInterface
public interface OperationHandler {
  /**
   * @param context who called, through which link
   * @param payload the full payload (never null)
   * @return the result payload; {@code null} is sent as empty
   */
  byte[] handle(InvocationContext context, byte[] payload);
}
