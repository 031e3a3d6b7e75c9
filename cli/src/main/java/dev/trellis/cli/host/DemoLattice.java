package dev.trellis.cli.host;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.Progress;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.provider.ProviderSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the demo deployed: the counter actor, its two providers and the URL it answers on.
 *
 * @param actor the counter actor
 * @param http the httpserver provider
 * @param keyValue the keyvalue provider
 * @param url the demo's URL, e.g. {@code http://127.0.0.1:8080/}
 */
record DemoLattice(ActorModule actor, ProviderSpec http, ProviderSpec keyValue, String url) {
  /** Providers are JVMs: they start in a second or two, more on a busy machine. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  /** A path of its own, so waiting does not count up the counter shown at {@code /}. */
  private static final String READY_PATH = "ready";

  String actorId() {
    return actor.publicKey();
  }

  /** e.g. {@code HTTP Server VAG3… · KeyValue NATS VAFT…}. */
  String providers() {
    return name(http)
        + " "
        + http.providerKey()
        + " · "
        + name(keyValue)
        + " "
        + keyValue.providerKey();
  }

  /**
   * Waits until a request through the httpserver provider, the actor and the keyvalue provider
   * succeeds.
   *
   * @throws CliException when it does not within {@link #READY_TIMEOUT}
   */
  void awaitHttp(CommandContext ctx) throws CliException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + READY_PATH)).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer";
    try (Progress p = ctx.output().progress("waiting for " + url + " to answer")) {
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> response =
              client.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
          last = "HTTP " + response.statusCode() + ": " + response.body();
        } catch (IOException e) {
          last =
              e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("failed to start the demo: interrupted", e);
    }
    throw new CliException(
        "failed to start the demo: "
            + url
            + " did not answer within "
            + READY_TIMEOUT.toSeconds()
            + " s (last: "
            + last
            + "); run it with --log-level info to see the providers' output");
  }

  private static String name(ProviderSpec spec) {
    return spec.claims() == null ? spec.contractId() : spec.claims().metadata().name();
  }
}
