package dev.trellis.cli.host;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.Trellis;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the demo finds its actor and provider archives: in the repository checkout ({@code
 * $TRELLIS_ROOT}, which {@code ./trellis} sets; else the checkout this CLI was built in; else the
 * working directory).
 */
final class DemoFiles {
  static final String ACTOR = "actors/wasm-corpus/kvcounter-rust.wasm";
  static final String HTTPSERVER = "providers/httpserver/target/httpserver.par.gz";
  static final String KEYVALUE = "providers/keyvalue-nats/target/keyvalue-nats.par.gz";

  private DemoFiles() {}

  /** The repository checkout. */
  static Path root(CommandContext ctx) {
    String variable = ctx.variable("TRELLIS_ROOT");
    if (variable != null && isCheckout(ctx.resolve(variable))) {
      return ctx.resolve(variable);
    }
    Path built = builtIn();
    if (built != null && isCheckout(built)) {
      return built;
    }
    Path work = ctx.environment().workingDirectory();
    for (Path p = work; p != null; p = p.getParent()) {
      if (isCheckout(p)) {
        return p;
      }
    }
    throw new CliException(
        "failed to find the demo's files: run it from the Trellis repository ('./trellis demo')"
            + " or set TRELLIS_ROOT to the checkout");
  }

  /**
   * {@code file} (given, else {@code root/fallback}), which must exist.
   *
   * @param module the Maven module that builds it, for the message
   */
  static Path require(CommandContext ctx, Path root, Path file, String fallback, String module) {
    Path path = file != null ? ctx.resolve(file) : root.resolve(fallback);
    if (!Files.isRegularFile(path)) {
      String build =
          module == null
              ? ""
              : "; build it with './mvnw -q -pl "
                  + module
                  + " -am package -DskipTests' ('./trellis demo' does this for you)";
      throw new CliException("failed to start the demo: " + path + " is missing" + build);
    }
    return path;
  }

  /** The checkout holding this CLI's classes or jar ({@code <root>/cli/target/…}). */
  private static Path builtIn() {
    try {
      CodeSource source = Trellis.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path location = Path.of(source.getLocation().toURI());
      Path target = location.getParent();
      if (target == null || target.getParent() == null) {
        return null;
      }
      return target.getParent().getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isCheckout(Path dir) {
    return dir != null && Files.isRegularFile(dir.resolve(ACTOR));
  }
}
