package dev.trellis.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server child process for a test: the binary from {@code REDIS_SERVER_BIN}, else
 * {@code redis-server} on {@code PATH}, else {@code /usr/bin/redis-server}; a free port on
 * 127.0.0.1; no persistence ({@code --save "" --appendonly no}); ready once it answers PING;
 * stopped by its process. Its output goes to {@code redis.log} in the given directory.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final Path log;

  private RedisServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server whose working files live in {@code dir}. */
  public static RedisServer start(Path dir) throws IOException {
    Path binary = binary();
    int port = freePort();
    Path log = dir.resolve("redis.log");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    RedisServer server = new RedisServer(process, port, log);
    try {
      await()
          .atMost(READY)
          .pollInterval(Duration.ofMillis(50))
          .failFast("redis-server exited", () -> !process.isAlive())
          .until(server::answersPing);
    } catch (RuntimeException | Error e) {
      String output = Files.exists(log) ? Files.readString(log) : "";
      server.close();
      throw new IllegalStateException(
          "failed to start redis-server " + binary + " on port " + port + ": " + output, e);
    }
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Whether the server answers {@code PING} with {@code +PONG}. */
  public boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Path binary() {
    String configured = System.getenv("REDIS_SERVER_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "redis-server");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    Path usual = Path.of("/usr/bin/redis-server");
    if (Files.isExecutable(usual)) {
      return usual;
    }
    throw new IllegalStateException(
        "failed to find redis-server: not in REDIS_SERVER_BIN, on PATH or at /usr/bin; install it"
            + " (apt-get install -y redis-server) or set REDIS_SERVER_BIN");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
