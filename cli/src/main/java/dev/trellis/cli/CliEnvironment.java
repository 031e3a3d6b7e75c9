package dev.trellis.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CLI takes from the process it runs in: environment variables, working directory,
 * home directory, standard streams, whether they are a terminal, and the clock. Commands read these
 * only through here, so tests run the real command line in-process with their own values (a temp
 * {@code TRELLIS_HOME}, captured output) and never touch the user's home.
 *
 * @param variables the environment variables
 * @param workingDirectory where relative paths are resolved
 * @param userHome the user's home directory ({@code ~})
 * @param stdin standard input (for interactive prompts)
 * @param out standard output
 * @param err standard error
 * @param terminal whether output goes to a terminal that shows colours
 * @param clock the time for claims ({@code iat}, {@code exp}, {@code nbf}) and validity checks
 */
public record CliEnvironment(
    Map<String, String> variables,
    Path workingDirectory,
    Path userHome,
    InputStream stdin,
    PrintWriter out,
    PrintWriter err,
    boolean terminal,
    Clock clock) {

  public CliEnvironment {
    variables = Map.copyOf(variables);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    userHome = userHome.toAbsolutePath().normalize();
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
  }

  /** The environment of this process. */
  public static CliEnvironment system() {
    Charset charset = consoleCharset();
    Map<String, String> variables = System.getenv();
    return new CliEnvironment(
        variables,
        Path.of(System.getProperty("user.dir")),
        Path.of(System.getProperty("user.home")),
        System.in,
        new PrintWriter(new OutputStreamWriter(System.out, charset), true),
        new PrintWriter(new OutputStreamWriter(System.err, charset), true),
        isTerminal() && colorsAllowed(variables),
        Clock.systemUTC());
  }

  /** An environment for tests: the given variables, captured output, no terminal. */
  public static CliEnvironment capture(
      Map<String, String> variables,
      Path workingDirectory,
      InputStream stdin,
      StringWriter out,
      StringWriter err,
      Clock clock) {
    return new CliEnvironment(
        new HashMap<>(variables),
        workingDirectory,
        workingDirectory,
        stdin,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        false,
        clock);
  }

  /** A copy that claims (or denies) a terminal, to test colours. */
  public CliEnvironment withTerminal(boolean value) {
    return new CliEnvironment(variables, workingDirectory, userHome, stdin, out, err, value, clock);
  }

  /** The variable's value, or {@code null} when it is unset or blank. */
  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** {@code NO_COLOR} (any value) and {@code TERM=dumb} turn colours off. */
  static boolean colorsAllowed(Map<String, String> variables) {
    return !variables.containsKey("NO_COLOR") && !"dumb".equals(variables.get("TERM"));
  }

  private static boolean isTerminal() {
    Object console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // JDK 22+ returns a console even when redirected; isTerminal() tells the truth there.
      Method isTerminal = console.getClass().getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }

  private static Charset consoleCharset() {
    String encoding = System.getProperty("stdout.encoding");
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
