package dev.trellis.interfaces.contract.messaging;

/**
 * The {@code wasmcloud:messaging} contract (spec §9.3); payloads are encoded by {@link
 * MessagingCodec}.
 */
public final class Messaging {
  public static final String CONTRACT_ID = "wasmcloud:messaging";

  /** Actor → provider. Input: {@link PubMessage}. Output: none. */
  public static final String PUBLISH = "Messaging.Publish";

  /** Actor → provider. Input: {@link RequestMessage}. Output: {@link ReplyMessage}. */
  public static final String REQUEST = "Messaging.Request";

  /** Provider → actor (service {@code MessageSubscriber}). Input: {@link SubMessage}. */
  public static final String HANDLE_MESSAGE = "MessageSubscriber.HandleMessage";

  private Messaging() {}
}
