package dev.trellis.interfaces.control;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;

/**
 * How the control codecs report failures: a plain {@link DecodeException} for data shapes, an
 * {@link InvalidCommandException} carrying OTP's ack text for control requests.
 *
 * @param type what is decoded, e.g. {@code StartActorCommand}
 * @param ackError the failure ack text (or its start), or null for data shapes
 * @param ackNamesProblem whether the problem is appended to {@code ackError}
 */
record CtlFailures(String type, String ackError, boolean ackNamesProblem)
    implements JsonFields.Failures {
  static CtlFailures data(String type) {
    return new CtlFailures(type, null, false);
  }

  static CtlFailures command(String type, String ackError) {
    return new CtlFailures(type, ackError, false);
  }

  /** As {@link #command}, the ack text being {@code ackPrefix} followed by the problem. */
  static CtlFailures commandNamingProblem(String type, String ackPrefix) {
    return new CtlFailures(type, ackPrefix, true);
  }

  @Override
  public DecodeException fail(String problem) {
    if (ackError == null) {
      return new DecodeException(type, problem);
    }
    return new InvalidCommandException(
        type, problem, ackNamesProblem ? ackError + problem : ackError);
  }
}
