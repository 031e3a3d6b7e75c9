package dev.trellis.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place a command's output is printed (controlplane §8.1). Commands return a {@link
 * CommandResult} or throw; this class turns that into:
 *
 * <ul>
 *   <li>text mode: the result's text on stdout; on failure {@code error: <message>} on stderr (and
 *       the stack trace with {@code --verbose}); exit code 1;
 *   <li>JSON mode: exactly one JSON object on stdout, the result's keys plus {@code "success":
 *       true}; on failure {@code {"success":false,"error":…,"error_chain":[…]}} on stderr and exit
 *       code 1 (wash's shape).
 * </ul>
 *
 * <p>Usage errors (unknown flag, missing argument) exit with {@value #EXIT_USAGE}, as clap-based
 * wash does. Colours are used only in text mode on a terminal; see {@link Styles}.
 */
public final class Output {
  /** Exit code of a successful command. */
  public static final int EXIT_OK = 0;

  /** Exit code of a command that failed. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of a command line that could not be parsed. */
  public static final int EXIT_USAGE = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final OutputFormat format;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final boolean verbose;
  private final Styles styles;

  /**
   * @param format text or JSON
   * @param out standard output
   * @param err standard error
   * @param terminal whether stdout and stderr are a terminal that shows colours
   * @param verbose whether {@code --verbose} was given
   */
  public Output(
      OutputFormat format, PrintWriter out, PrintWriter err, boolean terminal, boolean verbose) {
    this.format = Objects.requireNonNull(format, "format");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = terminal;
    this.verbose = verbose;
    this.styles = Styles.of(terminal && format == OutputFormat.TEXT);
  }

  public OutputFormat format() {
    return format;
  }

  public boolean isJson() {
    return format == OutputFormat.JSON;
  }

  public boolean verbose() {
    return verbose;
  }

  /** Colours for text output; a no-op when colours are off. */
  public Styles styles() {
    return styles;
  }

  /** Prints a successful result and returns {@link #EXIT_OK}. */
  public int success(CommandResult result) {
    if (isJson()) {
      Map<String, Object> object = new LinkedHashMap<>(result.json());
      object.put("success", true);
      out.println(toJson(object));
    } else if (!result.text().isEmpty()) {
      out.println(result.text());
    }
    out.flush();
    return EXIT_OK;
  }

  /** Prints a failure and returns {@link #EXIT_FAILURE}. */
  public int failure(Throwable failure) {
    ErrorReport report = ErrorReport.of(failure);
    if (isJson()) {
      printJsonError(report.message(), report.chain());
    } else {
      err.println(styles.bad("error:") + " " + report.message());
      if (verbose) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        err.print(styles.faint(trace.toString()));
      } else if (report.unexpected()) {
        err.println("Run the command again with --verbose to see where it failed.");
      }
    }
    err.flush();
    return EXIT_FAILURE;
  }

  /**
   * Prints a usage error ({@code message} plus a pointer to {@code --help} of {@code command}) and
   * returns {@link #EXIT_USAGE}.
   */
  public int usageError(String message, String command) {
    String hint = "Run '" + command + " --help' for usage.";
    if (isJson()) {
      printJsonError(message, List.of(message, hint));
    } else {
      err.println(styles.bad("error:") + " " + message);
      err.println(hint);
    }
    err.flush();
    return EXIT_USAGE;
  }

  /** A side note on stderr in text mode (a key was generated, a file was overwritten…). */
  public void notice(String message) {
    if (!isJson()) {
      err.println(message);
      err.flush();
    }
  }

  /** A warning on stderr in text mode. JSON callers carry warnings as keys of their result. */
  public void warn(String message) {
    if (!isJson()) {
      err.println(styles.warn("warning:") + " " + message);
      err.flush();
    }
  }

  /** Starts a progress line on stderr (text mode only); close it when the wait is over. */
  public Progress progress(String message) {
    return new Progress(err, !isJson(), terminal, styles, message);
  }

  /** {@code value} as compact JSON text. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("failed to write JSON output: " + e.getMessage(), e);
    }
  }

  private void printJsonError(String message, List<String> chain) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("success", false);
    object.put("error", message);
    object.put("error_chain", chain);
    err.println(toJson(object));
  }
}
