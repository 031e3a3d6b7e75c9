package dev.trellis.cli.lattice;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Actor and provider references as a host receives them. A file the user names relative to their
 * working directory is sent as an absolute path, because the host resolves paths against its own
 * directory; {@code file://} URLs and OCI references are sent as typed. Events echo the reference
 * exactly as sent, so waits match on the value returned here (controlplane §8.4).
 */
public final class Refs {
  private Refs() {}

  /**
   * The reference to send for {@code ref}.
   *
   * @throws CliException for a relative path that names no file (the host could not find it either:
   *     it resolves paths against its own directory)
   */
  public static String forHost(CommandContext ctx, String ref) {
    if (ref.contains("://")) {
      return ref;
    }
    Path local = local(ctx, ref);
    if (local != null && Files.isRegularFile(local)) {
      return local.toString();
    }
    if (isRelativePath(ref)) {
      throw new CliException(
          "failed to find " + ref + ": no such file in " + ctx.environment().workingDirectory());
    }
    return ref;
  }

  /**
   * Whether {@code ref} reads as a relative file path rather than an OCI reference ({@code
   * registry.example/echo:0.3.4}, whose first segment has a dot or a port).
   */
  static boolean isRelativePath(String ref) {
    if (ref.startsWith("/") || ref.contains("://")) {
      return false;
    }
    if (ref.startsWith("./") || ref.startsWith("../")) {
      return true;
    }
    int slash = ref.indexOf('/');
    String first = slash < 0 ? ref : ref.substring(0, slash);
    boolean registry = slash > 0 && (first.contains(".") || first.contains(":"));
    return !registry
        && (slash > 0 || ref.endsWith(".wasm") || ref.endsWith(".par") || ref.endsWith(".par.gz"));
  }

  /**
   * As {@link #forHost}, and an absolute path must name an existing local file too: for commands
   * whose failure the host reports only in its log (live update).
   */
  public static String requireFile(CommandContext ctx, String ref, String action) {
    String sent = forHost(ctx, ref);
    if (sent.startsWith("/") && !Files.isRegularFile(Path.of(sent))) {
      throw new CliException("failed to " + action + ": no such file " + sent);
    }
    return sent;
  }

  private static Path local(CommandContext ctx, String ref) {
    try {
      return ctx.resolve(ref);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
