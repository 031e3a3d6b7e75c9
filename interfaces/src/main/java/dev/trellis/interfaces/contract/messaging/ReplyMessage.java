package dev.trellis.interfaces.contract.messaging;

/**
 * The output of {@code Messaging.Request}: the reply received. Wire keys: {@code subject, replyTo,
 * body}; {@code replyTo} is omitted when absent.
 *
 * @param subject the NATS-style subject
 * @param replyTo the subject to reply to, or {@code null}
 * @param body the message body (not copied; callers must not mutate it)
 */
public record ReplyMessage(String subject, String replyTo, byte[] body) {

  public ReplyMessage {
    subject = subject == null ? "" : subject;
    body = body == null ? new byte[0] : body;
  }
}
