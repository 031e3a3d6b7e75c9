package dev.trellis.provider.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A provider started as a real child process, the way a host starts one: no arguments, HostData on
 * stdin (which stays open), stderr collected line by line. Closing it kills the process.
 */
public final class ProviderProcess implements AutoCloseable {
  private final Process process;
  private final OutputStream stdin;
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private ProviderProcess(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  stderr.add(line);
                }
              } catch (IOException e) {
                stderr.add("<stderr read failed: " + e + ">");
              }
            },
            "provider-stderr-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code executable} with the extra environment variables {@code env}. */
  public static ProviderProcess start(Path executable, Map<String, String> env) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(executable.toAbsolutePath().toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    return new ProviderProcess(builder.start());
  }

  /** Writes {@code text} on the provider's stdin and flushes it; stdin stays open. */
  public ProviderProcess write(String text) throws IOException {
    stdin.write(text.getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    return this;
  }

  /** Closes stdin, as a host that dies does. */
  public void closeStdin() throws IOException {
    stdin.close();
  }

  /** The exit code once the process has ended within {@code timeout}. */
  public int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "provider pid " + process.pid() + " still runs after " + timeout + "; stderr: " + stderr);
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the provider wrote on stderr so far. */
  public List<String> stderr() {
    return new ArrayList<>(stderr);
  }

  public String stderrText() {
    return String.join("\n", stderr);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
