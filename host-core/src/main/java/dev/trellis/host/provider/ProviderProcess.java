package dev.trellis.host.provider;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;

/**
 * One provider OS process, spawned with zt-exec: the HostData line on stdin (kept open), stdout and
 * stderr re-logged line by line with the provider id. {@link #stop} ends the whole process tree:
 * terminate, wait, kill.
 */
final class ProviderProcess {
  private final Process process;
  private final StdinFeed stdin;
  private final OutputLines stdout;
  private final OutputLines stderr;
  private final CompletableFuture<Integer> exit;

  private ProviderProcess(
      Process process, StdinFeed stdin, OutputLines stdout, OutputLines stderr) {
    this.process = process;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.exit = process.onExit().thenApply(Process::exitValue);
    this.exit.whenComplete((code, failure) -> stdin.close());
  }

  /**
   * Spawns {@code command} with the host's environment plus {@code env}.
   *
   * @throws ProviderStartException when the executable cannot be started
   */
  static ProviderProcess start(
      List<String> command, Map<String, String> env, byte[] stdinLine, String logId, Path dir) {
    StdinFeed stdin = new StdinFeed(stdinLine);
    OutputLines out = new OutputLines(logId, "stdout");
    OutputLines err = new OutputLines(logId, "stderr");
    try {
      ProcessExecutor executor =
          new ProcessExecutor()
              .command(command)
              .environment(env)
              .redirectInput(stdin)
              .redirectOutput(out)
              .redirectError(err)
              .redirectErrorStream(false)
              .exitValueAny()
              .destroyOnExit();
      if (dir != null) {
        executor.directory(dir.toFile());
      }
      StartedProcess started = executor.start();
      return new ProviderProcess(started.getProcess(), stdin, out, err);
    } catch (IOException e) {
      stdin.close();
      throw new ProviderStartException(
          "failed to start provider "
              + logId
              + ": cannot run "
              + command.get(0)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Completes with the exit code when the process ends. */
  CompletableFuture<Integer> exit() {
    return exit;
  }

  /** What the provider printed last (stdout and stderr), oldest first. */
  List<String> lastLines() {
    List<String> lines = new ArrayList<>(stderr.lastLines());
    lines.addAll(stdout.lastLines());
    return lines;
  }

  /**
   * Ends the process and all its descendants: terminate them, wait up to {@code grace} for the
   * process to exit, then kill whatever is left. Closes stdin. Idempotent; returns when the process
   * is gone (or after a further bounded wait for the kill).
   */
  void stop(Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    process.toHandle().descendants().forEach(tree::add);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    stdin.close();
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
