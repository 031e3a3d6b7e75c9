package dev.trellis.conformance;

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
 * A provider started as a real child process, the way a host starts one: no arguments, one HostData
 * line on stdin (which stays open), stdout and stderr collected line by line. {@link #close()}
 * closes stdin (the host is gone: providers exit with 0), then terminates and kills the process if
 * it is still there.
 */
final class ProviderProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final OutputStream stdin;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private ProviderProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("<output read failed: " + e + ">");
              }
            },
            "provider-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command} in {@code workDir} with extra environment {@code env} and writes {@code
   * hostDataLine} on its stdin.
   */
  static ProviderProcess start(
      String name, List<String> command, Path workDir, Map<String, String> env, String hostDataLine)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    ProviderProcess started = new ProviderProcess(name, builder.start());
    started.stdin.write(hostDataLine.getBytes(StandardCharsets.UTF_8));
    started.stdin.flush();
    return started;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Everything the provider printed so far, one line per entry. */
  String outputText() {
    return String.join("\n", new ArrayList<>(output));
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (process.waitFor(10, TimeUnit.SECONDS)) {
        return;
      }
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  /** Waits up to {@code timeout} for the process to end; its exit code. */
  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(this + " still runs after " + timeout + ":\n" + outputText());
    }
    return process.exitValue();
  }
}
