package dev.trellis.cli;

import dev.trellis.cli.call.CallCommand;
import dev.trellis.cli.claims.ClaimsCommand;
import dev.trellis.cli.context.CtxCommand;
import dev.trellis.cli.ctl.GetCommand;
import dev.trellis.cli.ctl.LinkCommand;
import dev.trellis.cli.ctl.ScaleCommand;
import dev.trellis.cli.ctl.StartCommand;
import dev.trellis.cli.ctl.StopCommand;
import dev.trellis.cli.ctl.UpdateCommand;
import dev.trellis.cli.host.DemoCommand;
import dev.trellis.cli.host.DownCommand;
import dev.trellis.cli.host.UpCommand;
import dev.trellis.cli.keys.KeysCommand;
import dev.trellis.cli.output.OutputFormat;
import dev.trellis.cli.par.ParCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code trellis}, the root of the command tree, and the CLI's {@code main}. It feels like wash
 * 0.18 (controlplane §8): the same commands, flags, environment variables, files and JSON keys.
 *
 * <p>Global options, accepted before or after any subcommand: {@code -o/--output text|json}, {@code
 * --verbose}, {@code --help}; {@code -V/--version} on the root. {@code -h} is not help: wash uses
 * it in {@code claims sign} for the HTTP client capability.
 */
@Command(
    name = "trellis",
    description = {
      "Run and manage wasmCloud 0.x actors and capability providers on Trellis hosts.",
      "Keys, claims and provider archives are compatible with wash; so are ~/.wash and its files."
    },
    versionProvider = VersionInfo.class,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      KeysCommand.class,
      ClaimsCommand.class,
      ParCommand.class,
      InspectCommand.class,
      CtxCommand.class,
      UpCommand.class,
      DownCommand.class,
      GetCommand.class,
      StartCommand.class,
      StopCommand.class,
      ScaleCommand.class,
      UpdateCommand.class,
      LinkCommand.class,
      CallCommand.class,
      CompletionCommand.class,
      DemoCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis demo",
      "  trellis up -d && trellis start actor ./echo_s.wasm && trellis get inventory",
      "  trellis call MBCF… HttpServer.HandleRequest '{\"path\":\"/\"}'",
      "  trellis keys gen account",
      "  trellis claims sign echo.wasm -n Echo -q",
      "  trellis claims inspect echo_s.wasm -o json",
      "  trellis par create -c wasmcloud:keyvalue -v Acme -n kv -a x86_64-linux -b ./kv",
      "",
      "Environment: TRELLIS_HOME (default ~/.wash), WASH_KEYS, WASH_CONTEXTS, NO_COLOR, and",
      "wash's WASMCLOUD_* variables (see each command's --help).",
      "Exit codes: 0 success, 1 failure, 2 usage error."
    })
public final class Trellis {

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "text|json",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "Output format: text (default) or json.")
  OutputFormat output = OutputFormat.TEXT;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace when a command fails.")
  boolean verbose;

  @Option(
      names = "--help",
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Show the version and exit.")
  boolean version;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    int code = run(CliEnvironment.system(), args);
    System.exit(code);
  }

  /** Runs the command line in {@code env} and returns the exit code; never calls System.exit. */
  public static int run(CliEnvironment env, String... args) {
    return commandLine(env).execute(args);
  }

  /** The configured command line (tests and the completion script use it). */
  public static CommandLine commandLine(CliEnvironment env) {
    return Runner.configure(new CommandLine(new Trellis()), env);
  }

  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.parse(value);
    }
  }
}
