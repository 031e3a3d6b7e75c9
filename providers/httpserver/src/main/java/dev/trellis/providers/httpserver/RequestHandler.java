package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Answers the requests of one listener: the linked actor, or a fixed response. */
@FunctionalInterface
interface RequestHandler {
  /**
   * Starts answering one request. Called on the connection's event loop: it must not block. The
   * future may complete on any thread; work that maps the answer should run on {@code loop} (the
   * same event loop, where the answer is written). An exception, thrown or completing the future,
   * becomes a 500.
   */
  CompletableFuture<HttpResponse> handle(HttpRequest request, Executor loop);
}
