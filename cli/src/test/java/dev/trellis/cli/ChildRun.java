package dev.trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code ./trellis} as a user does: a child process in {@code work}, with {@code TRELLIS_HOME}
 * set to {@code home}. The jar is fresh (these tests run after {@code package}), so the launcher
 * goes straight to {@code java -jar}.
 */
public final class ChildRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Path work;
  private final Path home;

  public ChildRun(Path work, Path home) {
    this.work = work;
    this.home = home;
  }

  public Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Repo.root().resolve("trellis").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().put("TRELLIS_HOME", home.toString());
    builder.environment().put("TRELLIS_NO_BUILD", "1");
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("WASMCLOUD_") || k.startsWith("WASH_"));
    int n = RUNS.incrementAndGet();
    Path out = work.resolve("stdout-" + n + ".txt");
    Path err = work.resolve("stderr-" + n + ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(110, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("./trellis " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What one run printed and returned. */
  public record Result(int code, String out, String err) {
    public JsonNode json() throws IOException {
      return JSON.readTree(out);
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
