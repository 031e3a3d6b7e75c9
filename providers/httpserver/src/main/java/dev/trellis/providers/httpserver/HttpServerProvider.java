package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.LinkValueException;
import dev.trellis.provider.ProviderConnection;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wasmcloud:httpserver} provider (spec §9.1): one HTTP listener per linked actor, each
 * request sent to the actor as {@code HttpServer.HandleRequest}.
 *
 * <p>A link's values say where to listen and the limits ({@link ListenerSettings}); the mapping of
 * requests and responses is {@link HttpMapping}'s, the mapping of failures {@link
 * ActorForwarder}'s. Putting a link opens its listener; a link whose values are malformed or whose
 * address cannot be bound (the port is taken) is refused and logged. Deleting the link closes the
 * listener; shutdown closes them all.
 */
public final class HttpServerProvider implements CapabilityProvider {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServerProvider.class);

  private final Map<String, HttpListener> listeners = new ConcurrentHashMap<>();
  private final ServerThreads threads = new ServerThreads();
  private volatile ProviderConnection connection;

  @Override
  public String contractId() {
    return HttpServer.CONTRACT_ID;
  }

  @Override
  public void start(ProviderConnection connection) {
    this.connection = connection;
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    HttpListener listener;
    ListenerSettings settings;
    try {
      settings = ListenerSettings.fromLinkValues(link.values());
      listener =
          HttpListener.start(
              threads, settings, new ActorForwarder(connection, link, settings.timeout()));
    } catch (LinkValueException | ListenerException e) {
      LOG.warn("link refused actor={} reason={}", link.actorId(), e.getMessage());
      return false;
    }
    HttpListener before = listeners.put(link.actorId(), listener);
    if (before != null) {
      before.close();
    }
    LOG.info(
        "listener started actor={} address={} max_body_bytes={} timeout_ms={}",
        link.actorId(),
        HttpListener.format(listener.address()),
        settings.maxBodyBytes(),
        settings.timeout() == null ? "default" : settings.timeout().toMillis());
    return true;
  }

  @Override
  public void deleteLink(String actorId) {
    HttpListener listener = listeners.remove(actorId);
    if (listener != null) {
      listener.close();
      LOG.info("listener stopped actor={} address={}", actorId, listener.address());
    }
  }

  @Override
  public void shutdown() {
    List.copyOf(listeners.keySet()).forEach(this::deleteLink);
    threads.close();
  }

  /** Where the listener of {@code actorId} listens, if it has one (port 0 resolved). */
  public Optional<InetSocketAddress> listenerAddress(String actorId) {
    return Optional.ofNullable(listeners.get(actorId)).map(HttpListener::address);
  }
}
