package dev.trellis.cli.host;

import dev.trellis.cli.CliException;
import dev.trellis.nats.NatsServer;
import dev.trellis.nats.NatsServerBuilder;
import dev.trellis.nats.NatsServerException;
import dev.trellis.nats.NatsServerNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded default (architecture.md): {@code trellis up} and the demo start a local
 * nats-server, JetStream on, unless one already answers. The server is a child process started by
 * nats-config's launcher; its output goes to a log file.
 */
final class LocalNats implements AutoCloseable {
  private static final int PROBE_TIMEOUT_MS = 1_000;

  private final NatsServer server;
  private final PrintWriter log;
  private final Path logFile;

  private LocalNats(NatsServer server, PrintWriter log, Path logFile) {
    this.server = server;
    this.log = log;
    this.logFile = logFile;
  }

  /** Whether a NATS server answers on {@code host:port} (it greets with an {@code INFO} line). */
  static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
      socket.setSoTimeout(PROBE_TIMEOUT_MS);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      return line != null && line.startsWith("INFO ");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Starts nats-server on {@code host:port} (0 = a free port) with JetStream, its store in {@code
   * store} (kept between runs; null = a temporary store), its output appended to {@code logFile}.
   *
   * @throws CliException when nats-server is missing or does not start
   */
  static LocalNats start(String host, int port, Path store, Path logFile) {
    PrintWriter log;
    try {
      Files.createDirectories(logFile.getParent());
      log =
          new PrintWriter(
              Files.newBufferedWriter(
                  logFile,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND),
              true);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to open the nats-server log " + logFile, e);
    }
    try {
      NatsServerBuilder builder =
          NatsServer.builder()
              .withHost(host)
              .withPort(port)
              .withJetStream(true)
              .withOutputListener(log::println);
      if (store != null) {
        Files.createDirectories(store);
        builder.withStoreDir(store);
      }
      return new LocalNats(builder.build().start(), log, logFile);
    } catch (NatsServerNotFoundException e) {
      log.close();
      throw new CliException(e.getMessage(), e);
    } catch (NatsServerException e) {
      log.close();
      throw new CliException(
          "failed to start nats-server on "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage()
              + "; is the port taken? choose another with --nats-port, or use a running server"
              + " with --nats-connect-only",
          e);
    } catch (IOException e) {
      log.close();
      throw new CliException("failed to create the NATS store " + store + ": " + e.getMessage(), e);
    }
  }

  /** {@code nats://host:port}. */
  String url() {
    return server.url();
  }

  int port() {
    return server.port();
  }

  long pid() {
    return server.pid();
  }

  Path logFile() {
    return logFile;
  }

  /** Stops the server (SIGTERM, then SIGKILL) and closes its log. Idempotent. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      log.close();
    }
  }
}
