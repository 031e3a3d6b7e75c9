package dev.trellis.nats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One launched nats-server process: its merged stdout/stderr read line by line on a daemon thread
 * into an {@link OutputRing}, readiness detection, and a stop that escalates from SIGTERM to
 * SIGKILL. Built on {@link ProcessBuilder}; the process is only ever signalled through its own
 * {@link Process} handle, so nothing but the process we started is touched.
 */
final class ServerProcess {
  enum Readiness {
    READY,
    EXITED,
    TIMED_OUT
  }

  private static final String READY_LINE = "Server is ready";
  private static final String PORT_IN_USE = "address already in use";
  private static final long POLL_MILLIS = 50;

  private final Process process;
  private final Thread reader;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile boolean portInUse;
  private volatile boolean printed;

  private ServerProcess(
      List<String> command,
      Path workDir,
      OutputRing output,
      Consumer<String> listener,
      Map<String, String> environment) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      this.process = builder.start();
    } catch (IOException e) {
      throw new NatsServerException(
          "failed to start nats-server " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // stdin is unused; failing to close our end changes nothing for the server
    }
    this.reader = new Thread(() -> pump(output, listener), "nats-server-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ServerProcess launch(
      List<String> command, Path workDir, OutputRing output, Consumer<String> listener) {
    return new ServerProcess(command, workDir, output, listener, Map.of());
  }

  /** As {@link #launch(List, Path, OutputRing, Consumer)}, with extra environment variables. */
  static ServerProcess launch(
      List<String> command,
      Path workDir,
      OutputRing output,
      Consumer<String> listener,
      Map<String, String> environment) {
    return new ServerProcess(command, workDir, output, listener, environment);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Whether the server said its port was taken (another process won the race for it). */
  boolean portInUse() {
    return portInUse;
  }

  /** The exit code, or -1 while the process runs. */
  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /**
   * Waits until the server prints "Server is ready", until it exits, or until {@code timeout}
   * passes. With {@code mayLogToFile} (a config file was given, which may send the log to a file),
   * a server that has printed nothing yet is also ready once it accepts a TCP connection on {@code
   * host:port}. Otherwise the output alone decides: another process may hold the port the server
   * failed to bind, and a slow machine may not have shown the server's complaint yet.
   */
  Readiness awaitReady(String host, int port, Duration timeout, boolean mayLogToFile)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (ready.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        return Readiness.READY;
      }
      if (!process.isAlive()) {
        reader.join(TimeUnit.SECONDS.toMillis(1));
        return ready.getCount() == 0 ? Readiness.READY : Readiness.EXITED;
      }
      if (mayLogToFile && !printed && accepts(host, port)) {
        return Readiness.READY;
      }
      if (System.nanoTime() - deadline > 0) {
        return Readiness.TIMED_OUT;
      }
    }
  }

  /**
   * Stops the process: SIGTERM, wait up to {@code grace}, then SIGKILL and wait again. Safe to call
   * more than once and from several threads.
   *
   * @return the exit code, or -1 if the process could not be reaped
   */
  int stop(Duration grace) {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
      reader.join(grace.toMillis());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  /**
   * Kills the process at once with SIGKILL, as a crash or {@code kill -9} would, and waits for it
   * to end. Safe to call more than once.
   *
   * @return the exit code, or -1 if the process could not be reaped
   */
  int kill(Duration wait) {
    try {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
      }
      reader.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  private void pump(OutputRing output, Consumer<String> listener) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        // The listener sees a line before anyone else can: before it is in the ring and before
        // start() can return because of it.
        try {
          listener.accept(line);
        } catch (RuntimeException e) {
          output.add("(output listener failed: " + e + ")");
        }
        printed = true;
        output.add(line);
        if (line.contains(PORT_IN_USE)) {
          portInUse = true;
        }
        if (line.contains(READY_LINE)) {
          ready.countDown();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      output.add("(stopped reading nats-server output: " + e.getMessage() + ")");
    }
  }

  private static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) POLL_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
