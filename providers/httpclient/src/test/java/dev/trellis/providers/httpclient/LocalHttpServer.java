package dev.trellis.providers.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback for the provider to call (the JDK's own server):
 *
 * <ul>
 *   <li>{@code /echo}: 200, the request body back, headers {@code X-Multi: a} and {@code X-Multi:
 *       b} and {@code X-Method}; remembers the request in {@link #last}.
 *   <li>{@code /status/N}: status N, empty body.
 *   <li>{@code /bytes/N}: N bytes with a {@code content-length}; {@code /chunked/N}: N bytes,
 *       chunked.
 *   <li>{@code /redirect}: 302 to {@code /echo}.
 *   <li>{@code /hang}: answers only when the server closes.
 * </ul>
 */
final class LocalHttpServer implements AutoCloseable {
  /** What {@code /echo} received last. */
  record Received(String method, String query, Map<String, List<String>> headers, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  volatile Received last;

  LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext("/echo", this::echo);
    server.createContext("/status/", e -> send(e, Integer.parseInt(tail(e)), new byte[0], false));
    server.createContext("/bytes/", e -> send(e, 200, new byte[Integer.parseInt(tail(e))], false));
    server.createContext("/chunked/", e -> send(e, 200, new byte[Integer.parseInt(tail(e))], true));
    server.createContext(
        "/redirect",
        e -> {
          e.getResponseHeaders().add("Location", "/echo");
          send(e, 302, new byte[0], false);
        });
    server.createContext(
        "/hang",
        e -> {
          try {
            closing.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          send(e, 200, new byte[0], false);
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void echo(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    last =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawQuery(),
            lowerCased(exchange.getRequestHeaders()),
            body);
    exchange.getResponseHeaders().add("X-Multi", "a");
    exchange.getResponseHeaders().add("X-Multi", "b");
    exchange.getResponseHeaders().add("X-Method", exchange.getRequestMethod());
    send(exchange, 200, body, false);
  }

  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    headers.forEach((name, values) -> out.put(name.toLowerCase(java.util.Locale.ROOT), values));
    return out;
  }

  private static String tail(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked)
      throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, chunked ? 0 : (body.length == 0 ? -1 : body.length));
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
