package dev.trellis.cli.context;

import dev.trellis.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The contexts directory, laid out as wash lays it out: one {@code <name>.json} per context and
 * {@code index.json} naming the default ({@code {"name": …}}). The context {@value
 * Context#HOST_CONFIG} is regenerated from the host's {@code host_config.json} whenever it is used,
 * and is the default when none is set (controlplane §8.1).
 */
public final class ContextStore {
  static final String INDEX = "index.json";
  private static final String SUFFIX = ".json";
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private final Path directory;
  private final Path hostConfigFile;

  /**
   * @param directory the contexts directory (created when a context is written)
   * @param hostConfigFile the host's {@code host_config.json}
   */
  public ContextStore(Path directory, Path hostConfigFile) {
    this.directory = directory;
    this.hostConfigFile = hostConfigFile;
  }

  public Path directory() {
    return directory;
  }

  /** The file of context {@code name}. */
  public Path path(String name) {
    return directory.resolve(name + SUFFIX);
  }

  /** The context names (file stems, {@code index.json} excluded), sorted. */
  public List<String> names() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX) && !n.equals(INDEX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CliException("failed to list contexts in " + directory + ": " + e.getMessage(), e);
    }
  }

  public boolean exists(String name) {
    return Files.isRegularFile(path(name));
  }

  /** The default context's name from {@code index.json}, if one is set. */
  public Optional<String> defaultName() {
    Path index = directory.resolve(INDEX);
    if (!Files.isRegularFile(index)) {
      return Optional.empty();
    }
    return Optional.ofNullable(ContextJson.parseIndex(readText(index, "read " + INDEX)));
  }

  /** Makes {@code name} the default. */
  public void setDefault(String name) {
    writeText(directory.resolve(INDEX), ContextJson.writeIndex(name), "set the default context");
  }

  /** Forgets the default (deletes {@code index.json}). */
  public void clearDefault() {
    try {
      Files.deleteIfExists(directory.resolve(INDEX));
    } catch (IOException e) {
      throw new CliException("failed to clear the default context: " + e.getMessage(), e);
    }
  }

  /**
   * The stored context {@code name}.
   *
   * @throws CliException if it does not exist or is not a valid context file
   */
  public Context load(String name) {
    Path file = path(name);
    if (!Files.isRegularFile(file)) {
      throw new CliException(
          "failed to load context '"
              + name
              + "': "
              + file
              + " does not exist; 'trellis ctx list' shows the contexts");
    }
    return parse(readText(file, "load context '" + name + "'"), name, file);
  }

  /** Loads a context file anywhere ({@code --context ./ctx.json}); the name is the file stem. */
  public static Context loadFile(Path file) {
    String fileName = file.getFileName().toString();
    String name =
        fileName.endsWith(SUFFIX)
            ? fileName.substring(0, fileName.length() - SUFFIX.length())
            : fileName;
    return parse(readText(file, "load context file " + file), name, file);
  }

  /** Writes {@code context} to {@code <name>.json}, replacing it. */
  public void save(Context context) {
    writeText(path(context.name()), ContextJson.write(context), "save context " + context.name());
  }

  /** Deletes context {@code name}; returns whether it existed. */
  public boolean delete(String name) {
    try {
      return Files.deleteIfExists(path(name));
    } catch (IOException e) {
      throw new CliException("failed to delete context '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites the {@value Context#HOST_CONFIG} context from the host's {@code host_config.json}.
   *
   * @return whether the host's file exists (and so the context)
   * @throws CliException if that file cannot be read as a context
   */
  public boolean refreshHostConfig() {
    if (!Files.isRegularFile(hostConfigFile)) {
      return false;
    }
    Context context =
        parse(
            readText(hostConfigFile, "read " + hostConfigFile),
            Context.HOST_CONFIG,
            hostConfigFile);
    save(context);
    return true;
  }

  /**
   * The default context: the one {@code index.json} names ({@value Context#HOST_CONFIG} is first
   * regenerated); with no default set, {@value Context#HOST_CONFIG} when the host has written its
   * file (it then becomes the default, as in wash); else wash's built-in defaults, not saved.
   */
  public Context resolveDefault() {
    Optional<String> name = defaultName();
    if (name.isPresent() && !name.get().equals(Context.HOST_CONFIG)) {
      return load(name.get());
    }
    if (refreshHostConfig()) {
      if (name.isEmpty()) {
        setDefault(Context.HOST_CONFIG);
      }
      return load(Context.HOST_CONFIG);
    }
    if (name.isPresent() && exists(Context.HOST_CONFIG)) {
      return load(Context.HOST_CONFIG);
    }
    return Context.defaults("default");
  }

  /**
   * {@code name} made safe as a file stem: characters other than letters, digits, {@code .}, {@code
   * _} and {@code -} become {@code _} (wash sanitizes the same way).
   *
   * @throws CliException for an empty name or one that would clash with {@code index.json}
   */
  public static String sanitize(String name) {
    String safe = UNSAFE.matcher(name.strip()).replaceAll("_");
    if (safe.isEmpty() || safe.equals(".") || safe.equals("..") || safe.equals("index")) {
      throw new CliException(
          "failed to name context '" + name + "': choose a name such as 'prod' or 'local-dev'");
    }
    return safe;
  }

  private static Context parse(String json, String name, Path file) {
    try {
      return ContextJson.parse(json, name);
    } catch (IllegalArgumentException e) {
      throw new CliException("failed to load context from " + file + ": " + e.getMessage(), e);
    }
  }

  private static String readText(Path file, String action) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("failed to " + action + ": " + file + " does not exist", e);
    } catch (IOException e) {
      throw new CliException("failed to " + action + ": " + e.getMessage(), e);
    }
  }

  private void writeText(Path file, String text, String action) {
    try {
      Files.createDirectories(directory);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        // contexts may hold seeds
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
    } catch (IOException e) {
      throw new CliException("failed to " + action + ": " + e.getMessage(), e);
    }
  }
}
