package dev.trellis.provider;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The handlers of a provider, by operation name ({@code Service.Method}, e.g. {@code
 * KeyValue.Get}). Filled in {@link CapabilityProvider#registerOperations}:
 *
 * <pre>{@code
 * operations
 *     .add("Echo.Say", (context, payload) -> payload)
 *     .add(KeyValue.INCREMENT, KeyValueCodec::decodeIncrementRequest, this::increment,
 *          BarePayload::encodeI32);
 * }</pre>
 *
 * Thread-safe.
 */
public final class Operations {
  private final Map<String, OperationHandler> handlers = new ConcurrentHashMap<>();

  Operations() {}

  /**
   * Serves {@code operation} with {@code handler}, which sees and returns raw payload bytes.
   *
   * @throws IllegalArgumentException if the operation is blank or already has a handler
   */
  public Operations add(String operation, OperationHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (operation == null || operation.isBlank()) {
      throw new IllegalArgumentException("failed to add handler: the operation name is blank");
    }
    if (handlers.putIfAbsent(operation, handler) != null) {
      throw new IllegalArgumentException(
          "failed to add handler for " + operation + ": it already has one");
    }
    return this;
  }

  /**
   * Serves {@code operation} with a typed handler: the payload goes through {@code decoder}, the
   * result through {@code encoder} (e.g. the codecs of {@code dev.trellis.interfaces.contract}). A
   * payload the decoder refuses is answered with an error naming the operation.
   */
  public <I, O> Operations add(
      String operation,
      Function<byte[], I> decoder,
      TypedOperationHandler<I, O> handler,
      Function<O, byte[]> encoder) {
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(encoder, "encoder");
    return add(
        operation,
        (context, payload) ->
            encoder.apply(handler.handle(context, decode(operation, decoder, payload))));
  }

  /** The handler of {@code operation}, if any. */
  public Optional<OperationHandler> handler(String operation) {
    return Optional.ofNullable(handlers.get(operation));
  }

  /** The operations with a handler, sorted. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(handlers.keySet()));
  }

  private static <I> I decode(String operation, Function<byte[], I> decoder, byte[] payload) {
    try {
      return decoder.apply(payload);
    } catch (RuntimeException e) {
      throw new OperationException(
          "failed to decode the payload of " + operation + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Operations" + names();
  }
}
