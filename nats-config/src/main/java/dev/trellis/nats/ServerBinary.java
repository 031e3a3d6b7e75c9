package dev.trellis.nats;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the nats-server executable: {@code $NATS_SERVER_BIN} when set, else the first {@code
 * nats-server} on {@code PATH}, else Debian's install location {@code /usr/sbin} (which is not on
 * an ordinary user's {@code PATH}) and {@code /usr/local/sbin}.
 */
final class ServerBinary {
  static final String ENV = "NATS_SERVER_BIN";
  static final String NAME = "nats-server";
  private static final List<Path> SBIN_DIRS =
      List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
  private static final String HOW_TO_INSTALL =
      "install it with 'apt-get install nats-server' (Debian/Ubuntu) or from"
          + " https://github.com/nats-io/nats-server/releases, or set "
          + ENV
          + " to its path";

  private ServerBinary() {}

  /** Resolves the binary from this process's environment. */
  static Path resolve() {
    return resolve(System.getenv());
  }

  /** Resolves the binary from {@code env} (its {@code NATS_SERVER_BIN} and {@code PATH}). */
  static Path resolve(Map<String, String> env) {
    return resolve(env, SBIN_DIRS);
  }

  /** Resolves the binary from {@code env}, searching {@code fallbackDirs} after {@code PATH}. */
  static Path resolve(Map<String, String> env, List<Path> fallbackDirs) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path path = Path.of(fromEnv.strip());
      if (!isExecutable(path)) {
        throw new NatsServerNotFoundException(
            "failed to find nats-server: "
                + ENV
                + "="
                + path
                + " is not an executable file; "
                + HOW_TO_INSTALL);
      }
      return path;
    }
    List<Path> dirs = new ArrayList<>();
    String pathVar = env.getOrDefault("PATH", "");
    for (String dir : pathVar.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir));
      }
    }
    dirs.addAll(fallbackDirs);
    for (Path dir : dirs) {
      Path candidate = dir.resolve(NAME);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new NatsServerNotFoundException(
        "failed to find nats-server: "
            + ENV
            + " is not set and no "
            + NAME
            + " is on PATH or in "
            + fallbackDirs
            + "; "
            + HOW_TO_INSTALL);
  }

  /** Checks an explicitly chosen binary. */
  static Path check(Path path) {
    if (!isExecutable(path)) {
      throw new NatsServerNotFoundException(
          "failed to find nats-server: " + path + " is not an executable file; " + HOW_TO_INSTALL);
    }
    return path;
  }

  private static boolean isExecutable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
