package dev.trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real {@code trellis} command line in-process, in a sandbox: {@code TRELLIS_HOME} and the
 * working directory are temp directories, output is captured, the clock is fixed.
 */
public final class CliRun {
  /** The fixed "now" of every run unless changed: 2024-01-01T00:00:00Z. */
  public static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private final Path home;
  private final Path work;
  private final Map<String, String> env = new HashMap<>();
  private String stdin = "";
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private boolean terminal;

  private CliRun(Path root) {
    this.home = root.resolve("home");
    this.work = root.resolve("work");
    try {
      Files.createDirectories(home);
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put(TrellisHome.HOME_VARIABLE, home.toString());
    env.put("USER", "tester");
  }

  /** A sandbox under {@code root} (a JUnit temp dir). */
  public static CliRun in(Path root) {
    return new CliRun(root);
  }

  /** {@code TRELLIS_HOME}. */
  public Path home() {
    return home;
  }

  /** The working directory. */
  public Path work() {
    return work;
  }

  /** The default keys directory. */
  public Path keys() {
    return home.resolve("keys");
  }

  public CliRun env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  public CliRun clock(Instant now) {
    this.clock = Clock.fixed(now, ZoneOffset.UTC);
    return this;
  }

  public CliRun terminal(boolean value) {
    this.terminal = value;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        CliEnvironment.capture(
                env,
                work,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out,
                err,
                clock)
            .withTerminal(terminal);
    int code = Trellis.run(environment, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** stdout parsed as one JSON object. */
    public JsonNode json() {
      return parse(out);
    }

    /** stderr parsed as one JSON object (the error shape). */
    public JsonNode errorJson() {
      return parse(err);
    }

    private static JsonNode parse(String text) {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not one JSON object: <" + text + ">", e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
