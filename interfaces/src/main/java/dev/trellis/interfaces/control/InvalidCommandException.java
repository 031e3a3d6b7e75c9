package dev.trellis.interfaces.control;

import dev.trellis.interfaces.DecodeException;

/**
 * A control-interface request could not be decoded: malformed JSON, a required field missing or
 * {@code null}, a field of the wrong type. Besides the usual message (which names the field, never
 * its value), it carries {@link #ackError()}: the text OTP puts in its failure ack for the same
 * request, such as {@code "Invalid launch actor JSON request"} (controlplane §2). A host replies
 * {@code CtlOperationAck.failure(e.ackError())}; clients and tests may match on that text.
 */
public class InvalidCommandException extends DecodeException {
  private final String ackError;

  /**
   * @param type what was being decoded, e.g. {@code StartActorCommand}
   * @param problem what was wrong, e.g. {@code field 'actor_ref' is missing}
   * @param ackError the error text of the failure ack
   */
  public InvalidCommandException(String type, String problem, String ackError) {
    super(type, problem);
    this.ackError = ackError;
  }

  /** The error text for {@code {"accepted":false,"error":…}}, as OTP words it. */
  public String ackError() {
    return ackError;
  }
}
