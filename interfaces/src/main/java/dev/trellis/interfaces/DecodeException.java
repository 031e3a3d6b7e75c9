package dev.trellis.interfaces;

/**
 * A payload could not be decoded: malformed msgpack or JSON, a field of the wrong type, a required
 * field missing, a number out of range. The message names the type and the field, e.g. {@code
 * failed to decode Invocation: field 'origin' is missing}, and never contains the payload itself
 * (it may hold secrets). A receiver answers such a request with an error reply, never by dropping
 * it.
 */
public class DecodeException extends TrellisException {
  private final String type;

  /**
   * @param type what was being decoded, e.g. {@code Invocation} or {@code KeyValue.Get payload}
   * @param problem what was wrong, e.g. {@code field 'origin' is missing}
   */
  public DecodeException(String type, String problem) {
    super("failed to decode " + type + ": " + problem);
    this.type = type;
  }

  /** As {@link #DecodeException(String, String)}, keeping the low-level cause. */
  public DecodeException(String type, String problem, Throwable cause) {
    super("failed to decode " + type + ": " + problem, cause);
    this.type = type;
  }

  /** What was being decoded, e.g. {@code Invocation}. */
  public String type() {
    return type;
  }
}
