package dev.trellis.provider;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads HostData from stdin (spec §6.1): one line, standard base64 of the HostData JSON. A daemon
 * thread, {@code trellis-provider-stdin}, reads the line and then keeps reading (and discarding)
 * until end of file, which means the host is gone; it then runs the {@code onEof} callback.
 */
final class HostDataReader {
  /** The human message printed when the provider is run by hand from a terminal. */
  static final String RUN_BY_HAND =
      "this is a Trellis capability provider; it is started by a Trellis host, which writes its"
          + " configuration (HostData) on stdin. Start it through a host (or pipe a base64 HostData"
          + " line into it for a manual test).";

  private static final Logger LOG = LoggerFactory.getLogger(HostDataReader.class);
  private static final int MAX_LINE = 16 * 1024 * 1024;

  private HostDataReader() {}

  /**
   * Reads and decodes the HostData line.
   *
   * @param in the provider's stdin
   * @param timeout how long to wait for the line
   * @param onEof run once, on the reader thread, when {@code in} ends after the line
   * @throws HostDataException if no line comes in time, stdin ends first, or the line is bad
   */
  static HostData read(InputStream in, Duration timeout, Runnable onEof) {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread reader =
        ProviderThreads.named("trellis-provider-stdin", false)
            .newThread(() -> readThenWatch(in, line, onEof));
    reader.start();
    String text;
    try {
      text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new HostDataException(
          "failed to read HostData: no line on stdin within "
              + timeout.toMillis()
              + " ms; "
              + RUN_BY_HAND);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostDataException("failed to read HostData: interrupted", e);
    } catch (ExecutionException e) {
      throw new HostDataException(
          "failed to read HostData: " + e.getCause().getMessage() + "; " + RUN_BY_HAND,
          e.getCause());
    }
    try {
      return HostDataCodec.fromStdinLine(text);
    } catch (DecodeException e) {
      throw new HostDataException(
          "failed to read HostData: "
              + e.getMessage()
              + "; the host writes one line of standard base64 of the HostData JSON",
          e);
    }
  }

  /**
   * Whether stdin is an interactive terminal: on Linux, {@code /proc/self/fd/0} points to a tty;
   * elsewhere, the JVM has a console and (JDK 22+) {@code Console.isTerminal()} agrees.
   */
  static boolean stdinIsTerminal() {
    Path fd0 = Path.of("/proc/self/fd/0");
    if (Files.exists(fd0, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        String target = Files.readSymbolicLink(fd0).toString();
        return target.startsWith("/dev/pts/")
            || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22, a console exists only when stdin and stdout are terminals
    }
  }

  private static void readThenWatch(
      InputStream in, CompletableFuture<String> line, Runnable onEof) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (buffer.size() >= MAX_LINE) {
          line.completeExceptionally(
              new IOException("the stdin line is longer than " + MAX_LINE + " bytes"));
          return;
        }
        buffer.write(b);
      }
      if (b == -1 && buffer.size() == 0) {
        line.completeExceptionally(new IOException("stdin was closed before the HostData line"));
        return;
      }
      line.complete(buffer.toString(StandardCharsets.US_ASCII));
      byte[] discard = new byte[4096];
      while (in.read(discard) != -1) {
        // stdin stays open while the host lives; nothing else is written to it
      }
      LOG.info("stdin closed: the host is gone");
      onEof.run();
    } catch (IOException e) {
      if (!line.isDone()) {
        line.completeExceptionally(e);
      } else {
        LOG.warn("stdin read failed, treating the host as gone cause={}", e.toString());
        onEof.run();
      }
    }
  }
}
