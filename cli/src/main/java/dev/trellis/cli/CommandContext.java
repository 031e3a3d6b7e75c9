package dev.trellis.cli;

import dev.trellis.cli.output.Output;
import dev.trellis.cli.output.Styles;
import java.nio.file.Path;
import java.time.Clock;

/** What a running command gets: the output layer, the environment and the CLI's directories. */
public final class CommandContext {
  private final CliEnvironment env;
  private final Output output;
  private final TrellisHome home;

  public CommandContext(CliEnvironment env, Output output) {
    this.env = env;
    this.output = output;
    this.home = TrellisHome.of(env);
  }

  public Output output() {
    return output;
  }

  /** Colours for text output (no-op when off). */
  public Styles styles() {
    return output.styles();
  }

  public CliEnvironment environment() {
    return env;
  }

  public TrellisHome home() {
    return home;
  }

  public Clock clock() {
    return env.clock();
  }

  /** An environment variable, or {@code null} when unset or blank. */
  public String variable(String name) {
    return env.variable(name);
  }

  /** {@code path} resolved against the working directory. */
  public Path resolve(Path path) {
    return env.workingDirectory().resolve(path).normalize();
  }

  /** {@code path} resolved against the working directory. */
  public Path resolve(String path) {
    return resolve(Path.of(path));
  }

  /**
   * {@code path} as messages show it: relative to the working directory when inside it (as the user
   * probably typed it), else absolute.
   */
  public String display(Path path) {
    Path absolute = resolve(path);
    Path work = env.workingDirectory();
    return absolute.startsWith(work) && !absolute.equals(work)
        ? work.relativize(absolute).toString()
        : absolute.toString();
  }

  /** The bytes of {@code path} (resolved), or a {@link CliException} naming it. */
  public byte[] readFile(Path path, String action) {
    return InputFiles.read(resolve(path), display(path), action);
  }

  /** Writes {@code bytes} to {@code path} (resolved), or a {@link CliException} naming it. */
  public void writeFile(Path path, byte[] bytes, String action) {
    InputFiles.write(resolve(path), display(path), bytes, action);
  }

  /** The login name ({@code $USER}, else {@code user}), which names the default account key. */
  public String userName() {
    String user = env.variable("USER");
    return user != null ? user : "user";
  }
}
