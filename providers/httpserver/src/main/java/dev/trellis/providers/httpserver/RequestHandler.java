package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;

/** Answers the requests of one listener: the linked actor, or a fixed response. */
@FunctionalInterface
interface RequestHandler {
  /** Answers one request. Runs on a worker thread and may block; an exception becomes a 500. */
  HttpResponse handle(HttpRequest request);
}
