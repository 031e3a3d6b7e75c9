package dev.trellis.provider;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A provider for the SDK's tests: records its lifecycle calls and serves a few operations. */
final class RecordingProvider implements CapabilityProvider {
  static final String CONTRACT = "trellis:recording";

  final List<String> events = new CopyOnWriteArrayList<>();
  final Set<String> refusedActors = ConcurrentHashMap.newKeySet();
  volatile HealthCheckResponse health = HealthCheckResponse.ok();
  volatile RuntimeException healthFailure;
  volatile ProviderConnection connection;
  final CountDownLatch release = new CountDownLatch(1);

  @Override
  public String contractId() {
    return CONTRACT;
  }

  @Override
  public void registerOperations(Operations operations) {
    operations
        .add("Echo.Say", (context, payload) -> payload)
        .add(
            "Echo.Fail",
            (context, payload) -> {
              throw new OperationException("no such key: k");
            })
        .add(
            "Echo.Boom",
            (context, payload) -> {
              throw new IllegalStateException("boom");
            })
        .add(
            "Echo.Upper",
            payload -> BarePayload.decodeString(payload, "text"),
            (context, text) -> text.toUpperCase(Locale.ROOT),
            BarePayload::encodeString)
        .add(
            "Echo.Context",
            (context, payload) ->
                BarePayload.encodeString(
                    context.actorId() + "|" + context.link().values().get("greeting")))
        .add(
            "Echo.Block",
            (context, payload) -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return payload;
            })
        .add(
            "Echo.CallBack",
            (context, payload) -> connection.callActor(context.actorId(), "Pong.Back", payload));
  }

  @Override
  public void start(ProviderConnection connection) {
    this.connection = connection;
    events.add("start");
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    events.add("put:" + link.actorId());
    return !refusedActors.contains(link.actorId());
  }

  @Override
  public void deleteLink(String actorId) {
    events.add("del:" + actorId);
  }

  @Override
  public HealthCheckResponse health() {
    if (healthFailure != null) {
      throw healthFailure;
    }
    return health;
  }

  @Override
  public void shutdown() {
    events.add("shutdown");
  }
}
