package dev.trellis.interfaces.contract.messaging;

/**
 * The input of {@code Messaging.Publish} (actor → provider): publish {@code body} on {@code
 * subject}. Wire keys: {@code subject, replyTo, body}; {@code replyTo} is omitted when absent.
 *
 * @param subject the NATS-style subject
 * @param replyTo the subject to reply to, or {@code null}
 * @param body the message body (not copied; callers must not mutate it)
 */
public record PubMessage(String subject, String replyTo, byte[] body) {

  public PubMessage {
    subject = subject == null ? "" : subject;
    body = body == null ? new byte[0] : body;
  }
}
