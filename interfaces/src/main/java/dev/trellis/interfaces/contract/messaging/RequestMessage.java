package dev.trellis.interfaces.contract.messaging;

/**
 * The input of {@code Messaging.Request} (actor → provider): send {@code body} and wait for one
 * reply. Wire keys: {@code subject, body, timeoutMs}.
 *
 * @param subject the subject to send to
 * @param body the request body (not copied; callers must not mutate it)
 * @param timeoutMs a {@code U32}: how long to wait for the reply, in milliseconds
 */
public record RequestMessage(String subject, byte[] body, long timeoutMs) {

  public RequestMessage {
    subject = subject == null ? "" : subject;
    body = body == null ? new byte[0] : body;
    if (timeoutMs < 0 || timeoutMs > 0xffff_ffffL) {
      throw new IllegalArgumentException("timeoutMs must be a U32: " + timeoutMs);
    }
  }
}
