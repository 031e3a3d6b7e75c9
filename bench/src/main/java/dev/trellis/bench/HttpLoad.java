package dev.trellis.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives HTTP/1.1 GETs the way wrk does: {@code inFlight} threads, each with one keep-alive
 * connection, sending a request and reading the whole response before the next, for a fixed total
 * count; each latency is recorded. A request counts as an error unless it gets a 200 (the
 * connection is then opened again). The client is a few lines over a socket, so it costs far less
 * than the servers it measures.
 */
final class HttpLoad {
  private final int inFlight;

  HttpLoad(int inFlight) {
    this.inFlight = inFlight;
  }

  /** One GET on a new connection: the status code and body. */
  static Response get(URI uri) throws IOException {
    try (Connection connection = new Connection(uri)) {
      return connection.get();
    }
  }

  Result run(String suite, String name, URI uri, int count) throws InterruptedException {
    Latencies latencies = new Latencies(count);
    AtomicInteger remaining = new AtomicInteger(count);
    AtomicInteger errors = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long cpu = CpuTime.nanos();
    long start = System.nanoTime();
    for (int t = 0; t < inFlight; t++) {
      Thread thread = new Thread(() -> loop(uri, remaining, latencies, errors), "http-load-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(5));
      if (thread.isAlive()) {
        throw new IllegalStateException(name + ": requests still in flight after 5 minutes");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (CpuTime.nanos() - cpu) / 1e3 / count;
    return Result.rate(
        suite, name, latencies.count() / seconds, latencies, errors.get(), cpuMicros);
  }

  private static void loop(
      URI uri, AtomicInteger remaining, Latencies latencies, AtomicInteger errors) {
    Connection connection = null;
    while (remaining.getAndDecrement() > 0) {
      long sent = System.nanoTime();
      try {
        if (connection == null) {
          connection = new Connection(uri);
        }
        if (connection.get().status() == 200) {
          latencies.add(System.nanoTime() - sent);
          continue;
        }
      } catch (IOException e) {
        connection.close();
        connection = null;
      }
      errors.incrementAndGet();
    }
    if (connection != null) {
      connection.close();
    }
  }

  /** A status code and body. */
  record Response(int status, byte[] body) {}

  /** One keep-alive connection. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;
    private final byte[] request;

    Connection(URI uri) throws IOException {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
      request =
          String.format(
                  Locale.ROOT,
                  "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUser-Agent: trellis-bench\r\n\r\n",
                  uri.getRawPath(),
                  uri.getHost(),
                  uri.getPort())
              .getBytes(StandardCharsets.US_ASCII);
    }

    Response get() throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      if (!status.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP response: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      int length = -1;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      }
      if (length < 0) {
        throw new IOException("response without content-length");
      }
      return new Response(code, in.readNBytes(length));
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed mid-response");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
