package dev.trellis.providers.messaging;

import dev.trellis.interfaces.TrellisException;
import dev.trellis.interfaces.contract.messaging.Messaging;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.messaging.PubMessage;
import dev.trellis.interfaces.contract.messaging.ReplyMessage;
import dev.trellis.interfaces.contract.messaging.RequestMessage;
import dev.trellis.interfaces.contract.messaging.SubMessage;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.ActorCallException;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.Operations;
import dev.trellis.provider.ProviderConnection;
import io.nats.client.Message;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wasmcloud:messaging} provider on NATS (spec §9.3), modelled on wasmCloud's NATS
 * messaging provider.
 *
 * <p>Each linked actor gets its own NATS connection, configured by its link values ({@link
 * MessagingSettings}: {@code SUBSCRIPTION}, {@code URI}, {@code CLIENT_JWT}, {@code CLIENT_SEED}).
 * Every message on its subscriptions becomes {@code MessageSubscriber.HandleMessage} with a {@code
 * SubMessage {subject, replyTo?, body}} sent to the actor. The actor calls {@code
 * Messaging.Publish} and {@code Messaging.Request} on its own connection. A link whose values are
 * malformed, or whose server refuses the connection, is refused (and logged); deleting the link
 * unsubscribes and closes the connection.
 *
 * <p>{@code Messaging.Request} waits {@code timeoutMs}; 0 means the lattice's RPC timeout ({@code
 * default_rpc_timeout_ms}, 2 s when absent) instead of failing at once.
 */
public final class MessagingProvider implements CapabilityProvider {
  private static final Logger LOG = LoggerFactory.getLogger(MessagingProvider.class);

  private final Map<String, LinkedActor> actors = new ConcurrentHashMap<>();
  private final ExecutorService deliveries = deliveryThreads();
  private volatile ProviderConnection connection;

  @Override
  public String contractId() {
    return Messaging.CONTRACT_ID;
  }

  @Override
  public void registerOperations(Operations operations) {
    operations.add(
        Messaging.PUBLISH, MessagingCodec::decodePubMessage, this::publish, nothing -> new byte[0]);
    operations.add(
        Messaging.REQUEST,
        MessagingCodec::decodeRequestMessage,
        this::request,
        MessagingCodec::encodeReplyMessage);
  }

  @Override
  public void start(ProviderConnection connection) {
    this.connection = connection;
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    LinkedActor actor;
    MessagingSettings settings;
    try {
      settings = MessagingSettings.fromLinkValues(link.values(), connection.hostData());
      actor =
          LinkedActor.open(
              link,
              settings,
              "messaging provider " + connection.providerKey() + " actor " + link.actorId(),
              this::deliver,
              deliveries);
    } catch (TrellisException e) {
      LOG.warn("link refused actor={} reason={}", link.actorId(), e.getMessage());
      return false;
    }
    LinkedActor before = actors.put(link.actorId(), actor);
    if (before != null) {
      before.close();
    }
    LOG.info(
        "link accepted actor={} servers={} subscriptions={}",
        link.actorId(),
        settings.urls(),
        settings.subscriptions());
    return true;
  }

  @Override
  public void deleteLink(String actorId) {
    LinkedActor actor = actors.remove(actorId);
    if (actor != null) {
      actor.close();
      LOG.info("link deleted actor={}", actorId);
    }
  }

  @Override
  public void shutdown() {
    List.copyOf(actors.keySet()).forEach(this::deleteLink);
    deliveries.shutdown();
  }

  /** Whether {@code actorId} has a live connection (for tests). */
  boolean hasConnection(String actorId) {
    return actors.containsKey(actorId);
  }

  private Void publish(InvocationContext context, PubMessage message) {
    actor(context).publish(message);
    return null;
  }

  private ReplyMessage request(InvocationContext context, RequestMessage message) {
    Duration timeout =
        message.timeoutMs() == 0
            ? connection.hostData().rpcTimeout()
            : Duration.ofMillis(message.timeoutMs());
    return actor(context).request(message, timeout);
  }

  private LinkedActor actor(InvocationContext context) {
    LinkedActor actor = actors.get(context.actorId());
    if (actor == null) {
      throw new OperationException("actor not linked: " + context.actorId());
    }
    return actor;
  }

  /** Runs on a delivery thread: one message to the actor. */
  private void deliver(LinkDefinition link, Message message) {
    SubMessage sub = new SubMessage(message.getSubject(), message.getReplyTo(), message.getData());
    try {
      connection.callActor(link, Messaging.HANDLE_MESSAGE, MessagingCodec.encodeSubMessage(sub));
    } catch (ActorCallException e) {
      LOG.warn(
          "message not delivered actor={} subject={} reason={}",
          link.actorId(),
          message.getSubject(),
          e.getMessage());
    }
  }

  /** A virtual thread per delivery on JDK 21+, else a cached pool of daemon threads. */
  private static ExecutorService deliveryThreads() {
    try {
      Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) virtual.invoke(null);
    } catch (ReflectiveOperationException e) {
      AtomicInteger count = new AtomicInteger();
      return Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "messaging-deliver-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
    }
  }
}
