package dev.trellis.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and writing the files named on the command line, with messages that say which. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * The bytes of {@code path}.
   *
   * @param shown the path as shown in messages
   * @param action what the command was doing, e.g. {@code sign module}
   * @throws CliException "failed to &lt;action&gt; &lt;path&gt;: it does not exist" and the like
   */
  public static byte[] read(Path path, String shown, String action) {
    if (Files.isDirectory(path)) {
      throw new CliException(
          "failed to " + action + " " + shown + ": it is a directory, not a file");
    }
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CliException("failed to " + action + " " + shown + ": it does not exist", e);
    } catch (AccessDeniedException e) {
      throw new CliException("failed to " + action + " " + shown + ": permission denied", e);
    } catch (IOException e) {
      throw new CliException("failed to " + action + " " + shown + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code bytes} to {@code path}, replacing it.
   *
   * @throws CliException naming the file ({@code shown}), e.g. when its directory does not exist
   */
  public static void write(Path path, String shown, byte[] bytes, String action) {
    try {
      Files.write(path, bytes);
    } catch (NoSuchFileException e) {
      throw new CliException(
          "failed to " + action + ": the directory of " + shown + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new CliException("failed to " + action + ": permission denied writing " + shown, e);
    } catch (IOException e) {
      throw new CliException(
          "failed to " + action + ": writing " + shown + ": " + e.getMessage(), e);
    }
  }

  /** The file name of {@code path} without its last extension: {@code echo} for echo.wasm. */
  public static String stem(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
