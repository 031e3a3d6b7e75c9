package dev.trellis.interfaces.contract.messaging;

/**
 * The input of {@code MessageSubscriber.HandleMessage} (provider → actor): a message received on a
 * subscription. Wire keys: {@code subject, replyTo, body}; {@code replyTo} is omitted when absent.
 *
 * @param subject the NATS-style subject
 * @param replyTo the subject to reply to, or {@code null}
 * @param body the message body (not copied; callers must not mutate it)
 */
public record SubMessage(String subject, String replyTo, byte[] body) {

  public SubMessage {
    subject = subject == null ? "" : subject;
    body = body == null ? new byte[0] : body;
  }
}
