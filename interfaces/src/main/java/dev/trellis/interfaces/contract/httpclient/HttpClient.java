package dev.trellis.interfaces.contract.httpclient;

/**
 * The {@code wasmcloud:httpclient} contract (spec §9.4): the actor calls the provider with {@link
 * #REQUEST}, input {@link HttpRequest}, output {@link HttpResponse}; see {@link HttpClientCodec}.
 */
public final class HttpClient {
  public static final String CONTRACT_ID = "wasmcloud:httpclient";

  /** Actor → provider: input HttpRequest, output HttpResponse. */
  public static final String REQUEST = "HttpClient.Request";

  private HttpClient() {}
}
