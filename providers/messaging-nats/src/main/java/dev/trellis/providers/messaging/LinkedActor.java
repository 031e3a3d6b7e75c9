package dev.trellis.providers.messaging;

import dev.trellis.interfaces.contract.messaging.PubMessage;
import dev.trellis.interfaces.contract.messaging.ReplyMessage;
import dev.trellis.interfaces.contract.messaging.RequestMessage;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConnectException;
import dev.trellis.provider.OperationException;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One linked actor's side of the provider: its own NATS connection, its subscriptions, and the
 * threads reading them ({@code messaging-sub-<subject>}, one per subscription). Each message read
 * is handed to {@code deliver} on {@code workers}; at most {@link #IN_FLIGHT_PER_SUBSCRIPTION}
 * deliveries per subscription run at once (wasmCloud's limit), after which the reader waits, and
 * NATS buffers (and, past its limits, drops) what comes next.
 */
final class LinkedActor implements AutoCloseable {
  /** Deliveries of one subscription that may run at once, as in wasmCloud's NATS provider. */
  static final int IN_FLIGHT_PER_SUBSCRIPTION = 75;

  /** How long a publish waits for the server to take it. */
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(LinkedActor.class);

  private final LinkDefinition link;
  private final Connection nats;
  private final List<SubscriptionReader> readers = new ArrayList<>();

  private LinkedActor(LinkDefinition link, Connection nats) {
    this.link = link;
    this.nats = nats;
  }

  /**
   * Connects with {@code settings} and subscribes every subject; on failure nothing stays open.
   *
   * @throws dev.trellis.interfaces.TrellisException if NATS refuses the connection or a
   *     subscription
   */
  static LinkedActor open(
      LinkDefinition link,
      MessagingSettings settings,
      String connectionName,
      BiConsumer<LinkDefinition, Message> deliver,
      Executor workers) {
    Connection nats = connect(settings.natsConfig(connectionName), link.actorId());
    LinkedActor actor = new LinkedActor(link, nats);
    try {
      for (SubscriptionSpec spec : settings.subscriptions()) {
        Subscription subscription =
            spec.queue() == null
                ? nats.subscribe(spec.subject())
                : nats.subscribe(spec.subject(), spec.queue());
        actor.readers.add(
            new SubscriptionReader(
                spec,
                subscription,
                IN_FLIGHT_PER_SUBSCRIPTION,
                message -> deliver.accept(link, message),
                workers));
      }
      nats.flush(FLUSH_TIMEOUT); // the subscriptions are in place on the server
    } catch (RuntimeException | InterruptedException | TimeoutException e) {
      actor.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new MessagingException(
          "failed to subscribe for actor " + link.actorId() + ": " + e.getMessage(), e);
    }
    actor.readers.forEach(SubscriptionReader::start);
    return actor;
  }

  private static Connection connect(NatsConfig config, String actorId) {
    try {
      return Nats.connect(
          config.optionsBuilder().errorListener(new ActorConnectionEvents(actorId)).build());
    } catch (IOException e) {
      throw new NatsConnectException(
          "failed to connect to NATS at "
              + String.join(",", config.urls())
              + " for actor "
              + actorId
              + ": "
              + e.getMessage()
              + "; check the link values URI, CLIENT_JWT and CLIENT_SEED",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsConnectException(
          "failed to connect to NATS for actor " + actorId + ": interrupted", e);
    }
  }

  /** Publishes and waits until the server has it (wasmCloud flushes after each publish too). */
  void publish(PubMessage message) {
    String what = "failed to publish on subject '" + message.subject() + "'";
    try {
      nats.publish(message.subject(), message.replyTo(), message.body());
      nats.flush(FLUSH_TIMEOUT);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new OperationException(what + ": " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new OperationException(
          what + ": the NATS server did not confirm within " + FLUSH_TIMEOUT.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationException(what + ": interrupted", e);
    }
  }

  /** Sends a request and waits for its first reply, up to {@code timeout}. */
  ReplyMessage request(RequestMessage message, Duration timeout) {
    String what = "failed to request on subject '" + message.subject() + "'";
    CompletableFuture<Message> reply;
    try {
      reply = nats.requestWithTimeout(message.subject(), message.body(), timeout);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new OperationException(what + ": " + e.getMessage(), e);
    }
    try {
      Message answer = reply.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return new ReplyMessage(answer.getSubject(), answer.getReplyTo(), answer.getData());
    } catch (TimeoutException | CancellationException e) {
      reply.cancel(true);
      throw new OperationException(
          what + ": nats request timed out after " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof JetStreamStatusException status && status.getStatus().isNoResponders()) {
        throw new OperationException(what + ": no responders", cause);
      }
      if (cause instanceof CancellationException) {
        throw new OperationException(
            what + ": nats request timed out after " + timeout.toMillis() + " ms", cause);
      }
      throw new OperationException(what + ": " + cause, cause);
    } catch (InterruptedException e) {
      reply.cancel(true);
      Thread.currentThread().interrupt();
      throw new OperationException(what + ": interrupted", e);
    }
  }

  /** Stops the readers, unsubscribes and closes the connection. Idempotent. */
  @Override
  public void close() {
    readers.forEach(SubscriptionReader::close);
    try {
      nats.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("actor connection closed actor={}", link.actorId());
  }
}
