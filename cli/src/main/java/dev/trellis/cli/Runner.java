package dev.trellis.cli;

import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Output;
import dev.trellis.cli.output.OutputFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs a parsed command line: help and version, then the leaf {@link CliCommand} with its result or
 * failure printed by {@link Output}. Parse failures become usage errors (exit code 2).
 */
final class Runner implements IExecutionStrategy, IParameterExceptionHandler {
  private static final int USAGE_WIDTH = 100;

  /** wash commands Trellis does not have, with what to use instead. */
  private static final Map<String, String> OTHER_COMMANDS =
      Map.of(
          "ctl",
          "wash 0.18 moved its subcommands to the top level: use 'trellis get hosts', 'trellis"
              + " start actor', 'trellis link put'…",
          "drain",
          "Trellis keeps no OCI cache; provider binaries are extracted under the temp directory",
          "app",
          "Trellis has no wadm; start actors and providers with 'trellis start'",
          "spy",
          "watch the lattice with a NATS client: nats sub 'wasmbus.evt.>'",
          "label",
          "labels are fixed at start: 'trellis up -l key=value' or HOST_KEY=value");

  private final CliEnvironment env;

  private Runner(CliEnvironment env) {
    this.env = env;
  }

  /** Wires {@code commandLine} to {@code env}'s streams, colours and this runner. */
  static CommandLine configure(CommandLine commandLine, CliEnvironment env) {
    Runner runner = new Runner(env);
    commandLine.setOut(env.out());
    commandLine.setErr(env.err());
    commandLine.setColorScheme(Help.defaultColorScheme(env.terminal() ? Ansi.ON : Ansi.OFF));
    commandLine.setExecutionStrategy(runner);
    commandLine.setParameterExceptionHandler(runner);
    commandLine.setUsageHelpWidth(USAGE_WIDTH);
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setAbbreviatedOptionsAllowed(false);
    commandLine.setAbbreviatedSubcommandsAllowed(false);
    return commandLine;
  }

  @Override
  public int execute(ParseResult parseResult) {
    Trellis root = parseResult.commandSpec().commandLine().getCommand();
    Output output = new Output(root.output, env.out(), env.err(), env.terminal(), root.verbose);
    if (parseResult.isVersionHelpRequested()) {
      String version = VersionInfo.version();
      return output.success(
          CommandResult.builder("trellis " + version).put("version", version).build());
    }
    if (CommandLine.printHelpIfRequested(parseResult)) {
      return Output.EXIT_OK;
    }
    ParseResult leaf = parseResult;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    CommandLine leafLine = leaf.commandSpec().commandLine();
    Object command = leafLine.getCommand();
    if (!(command instanceof CliCommand cliCommand)) {
      if (!output.isJson()) {
        leafLine.usage(env.err(), leafLine.getColorScheme());
      }
      List<String> names =
          leafLine.getSubcommands().entrySet().stream()
              .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
              .map(Map.Entry::getKey)
              .toList();
      return output.usageError(
          "missing command; choose one of: " + String.join(", ", names),
          leaf.commandSpec().qualifiedName());
    }
    try {
      return output.success(cliCommand.call(new CommandContext(env, output)));
    } catch (Exception e) {
      return output.failure(e);
    }
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    Output output =
        new Output(
            formatOf(args),
            env.out(),
            env.err(),
            env.terminal(),
            List.of(args).contains("--verbose"));
    String other = otherCommand(ex);
    if (other != null) {
      return output.failure(
          new CliException(
              "'"
                  + other
                  + "' is a wash command that Trellis does not have; "
                  + OTHER_COMMANDS.get(other)));
    }
    String message = ex.getMessage();
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message += "; did you mean " + String.join(" or ", quoted(unmatched.getSuggestions())) + "?";
    }
    return output.usageError(message, ex.getCommandLine().getCommandSpec().qualifiedName());
  }

  /**
   * The wash command named by an unmatched first argument of {@code trellis} itself, when it is one
   * Trellis does not have; else {@code null}.
   */
  private static String otherCommand(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException unmatched)
        || ex.getCommandLine().getParent() != null
        || unmatched.getUnmatched().isEmpty()) {
      return null;
    }
    String first = unmatched.getUnmatched().get(0);
    return OTHER_COMMANDS.containsKey(first) ? first : null;
  }

  /** The output format asked for in {@code args}, found without a full parse (which failed). */
  static OutputFormat formatOf(String[] args) {
    OutputFormat format = OutputFormat.TEXT;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      if (arg.equals("--")) {
        break;
      } else if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.length) {
        value = args[++i];
      } else if (arg.startsWith("--output=")) {
        value = arg.substring("--output=".length());
      } else if (arg.startsWith("-o") && arg.length() > 2 && !arg.startsWith("--")) {
        value = arg.substring(arg.charAt(2) == '=' ? 3 : 2);
      }
      if (value != null) {
        try {
          format = OutputFormat.parse(value);
        } catch (IllegalArgumentException e) {
          // reported by the parse error itself
        }
      }
    }
    return format;
  }

  private static List<String> quoted(List<String> values) {
    return values.stream().limit(3).map(v -> "'" + v + "'").toList();
  }
}
