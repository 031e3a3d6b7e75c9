package dev.trellis.cli;

import java.nio.file.Path;

/**
 * Where the CLI keeps its files. The root is {@code $TRELLIS_HOME}, else {@code ~/.wash}: wash's
 * own directory, so existing keys, contexts and the {@code host_config.json} a host writes carry
 * over unchanged (controlplane §8.1). Inside it, as in wash:
 *
 * <ul>
 *   <li>{@code keys/}: nkey seeds, one {@code *.nk} file each ({@code -d/--directory}, then {@code
 *       $WASH_KEYS});
 *   <li>{@code contexts/}: context JSON files and {@code index.json} ({@code --directory}, then
 *       {@code $WASH_CONTEXTS});
 *   <li>{@code host_config.json}: what the host last wrote ({@code $HOST_CONFIG} first, the same
 *       variable the host writes to).
 * </ul>
 */
public final class TrellisHome {
  /** Overrides the root directory (tests use a temp directory). */
  public static final String HOME_VARIABLE = "TRELLIS_HOME";

  /** wash's variable for the keys directory. */
  public static final String KEYS_VARIABLE = "WASH_KEYS";

  /** wash's variable for the contexts directory. */
  public static final String CONTEXTS_VARIABLE = "WASH_CONTEXTS";

  /** The host's variable for where it writes its effective configuration (controlplane §5.3). */
  public static final String HOST_CONFIG_VARIABLE = "HOST_CONFIG";

  private final CliEnvironment env;
  private final Path root;

  private TrellisHome(CliEnvironment env, Path root) {
    this.env = env;
    this.root = root;
  }

  /** The home of {@code env}. */
  public static TrellisHome of(CliEnvironment env) {
    String override = env.variable(HOME_VARIABLE);
    Path root =
        override != null
            ? env.workingDirectory().resolve(override)
            : env.userHome().resolve(".wash");
    return new TrellisHome(env, root.normalize());
  }

  public Path root() {
    return root;
  }

  /** The keys directory: {@code flag}, else {@code $WASH_KEYS}, else {@code <root>/keys}. */
  public Path keysDirectory(Path flag) {
    return pick(flag, KEYS_VARIABLE, "keys");
  }

  /** The contexts directory: {@code flag}, else {@code $WASH_CONTEXTS}, else {@code contexts}. */
  public Path contextsDirectory(Path flag) {
    return pick(flag, CONTEXTS_VARIABLE, "contexts");
  }

  /** The host's configuration file: {@code $HOST_CONFIG}, else {@code <root>/host_config.json}. */
  public Path hostConfigFile() {
    String path = env.variable(HOST_CONFIG_VARIABLE);
    return path != null ? env.workingDirectory().resolve(path) : root.resolve("host_config.json");
  }

  private Path pick(Path flag, String variable, String child) {
    if (flag != null) {
      return env.workingDirectory().resolve(flag).normalize();
    }
    String value = env.variable(variable);
    if (value != null) {
      return env.workingDirectory().resolve(value).normalize();
    }
    return root.resolve(child);
  }
}
