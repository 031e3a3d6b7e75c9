package dev.trellis.providers.httpclient;

import dev.trellis.interfaces.contract.httpclient.HttpClient;
import dev.trellis.interfaces.contract.httpclient.HttpClientCodec;
import dev.trellis.interfaces.contract.httpclient.HttpRequest;
import dev.trellis.interfaces.contract.httpclient.HttpResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.LinkValueException;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.Operations;
import java.net.ConnectException;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wasmcloud:httpclient} provider (spec §9.4): serves {@code HttpClient.Request} from
 * linked actors with the JDK's {@link java.net.http.HttpClient}.
 *
 * <p>Each request runs under its link's {@link ClientSettings}: a deadline for the whole exchange
 * ({@code TIMEOUT_MS}) and a response size limit ({@code MAX_BODY_BYTES}). Redirects are followed
 * (except https → http), as wasmCloud's provider does. The response carries the status, every
 * header with its name lower-cased and all its values, and the body. A request that cannot be made
 * — bad url or method, refused connection, timeout, body over the limit — fails the invocation with
 * a message saying so; an HTTP error status is a normal response.
 */
public final class HttpClientProvider implements CapabilityProvider {
  private static final Logger LOG = LoggerFactory.getLogger(HttpClientProvider.class);

  private final java.net.http.HttpClient client;
  private final Map<String, ClientSettings> settings = new ConcurrentHashMap<>();

  public HttpClientProvider() {
    this(java.net.http.HttpClient.newBuilder().followRedirects(Redirect.NORMAL).build());
  }

  HttpClientProvider(java.net.http.HttpClient client) {
    this.client = client;
  }

  @Override
  public String contractId() {
    return HttpClient.CONTRACT_ID;
  }

  @Override
  public void registerOperations(Operations operations) {
    operations.add(
        HttpClient.REQUEST,
        HttpClientCodec::decodeRequest,
        this::request,
        HttpClientCodec::encodeResponse);
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    ClientSettings linkSettings;
    try {
      linkSettings = ClientSettings.fromLinkValues(link.values());
    } catch (LinkValueException e) {
      LOG.warn("link refused actor={} reason={}", link.actorId(), e.getMessage());
      return false;
    }
    settings.put(link.actorId(), linkSettings);
    LOG.info(
        "link accepted actor={} timeout_ms={} max_body_bytes={}",
        link.actorId(),
        linkSettings.timeout().toMillis(),
        linkSettings.maxBodyBytes());
    return true;
  }

  @Override
  public void deleteLink(String actorId) {
    settings.remove(actorId);
  }

  HttpResponse request(InvocationContext context, HttpRequest request) {
    ClientSettings linkSettings =
        settings.computeIfAbsent(
            context.actorId(), actor -> ClientSettings.fromLinkValues(context.link().values()));
    java.net.http.HttpRequest outbound = OutboundRequests.build(request, linkSettings);
    LOG.debug(
        "request actor={} method={} url={}", context.actorId(), request.method(), request.url());
    CompletableFuture<java.net.http.HttpResponse<byte[]>> future =
        client.sendAsync(
            outbound,
            info ->
                new LimitedBodySubscriber(
                    linkSettings.maxBodyBytes(),
                    info.headers().firstValueAsLong("content-length").orElse(-1)));
    long timeoutMs = linkSettings.timeout().toMillis();
    java.net.http.HttpResponse<byte[]> response;
    try {
      response = future.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(request, timeoutMs);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw OutboundRequests.refused(request, "interrupted");
    } catch (ExecutionException e) {
      throw failed(request, e.getCause(), timeoutMs);
    }
    return new HttpResponse(response.statusCode(), headers(response.headers()), response.body());
  }

  /** Header names lower-cased (HTTP/2 sends them so anyway), values in order. */
  static Map<String, List<String>> headers(HttpHeaders headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                out.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values);
              }
            });
    return out;
  }

  private static OperationException failed(HttpRequest request, Throwable cause, long timeoutMs) {
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
      return timedOut(request, timeoutMs);
    }
    if (cause instanceof BodyTooLargeException tooLarge) {
      return OutboundRequests.refused(request, tooLarge.getMessage());
    }
    if (cause instanceof ConnectException) {
      return OutboundRequests.refused(request, "could not connect: " + describe(cause));
    }
    return OutboundRequests.refused(request, describe(cause));
  }

  private static OperationException timedOut(HttpRequest request, long timeoutMs) {
    return OutboundRequests.refused(
        request, "no complete response within " + timeoutMs + " ms (TIMEOUT_MS)");
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
