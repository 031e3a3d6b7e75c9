package dev.trellis.interfaces.contract.httpserver;

/**
 * The {@code wasmcloud:httpserver} contract (spec §9.1): the provider calls the actor with {@link
 * #HANDLE_REQUEST}, input {@link HttpRequest}, output {@link HttpResponse}; see {@link
 * HttpServerCodec}.
 */
public final class HttpServer {
  public static final String CONTRACT_ID = "wasmcloud:httpserver";

  /** Provider → actor: input HttpRequest, output HttpResponse. */
  public static final String HANDLE_REQUEST = "HttpServer.HandleRequest";

  private HttpServer() {}
}
