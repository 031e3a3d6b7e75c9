package dev.trellis.cli.keys;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.keys.KeyException;
import dev.trellis.interfaces.keys.KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * wash's key files: one seed per {@code *.nk} file, as plain text (wash writes it without a
 * newline; surrounding whitespace is ignored when reading). New files are readable by their owner
 * only where the file system has POSIX permissions.
 */
public final class KeyFiles {
  /** The extension of a key file. */
  public static final String EXTENSION = ".nk";

  private KeyFiles() {}

  /**
   * The key pair whose seed is in {@code file}.
   *
   * @throws CliException if the file cannot be read or does not hold a valid seed
   */
  public static KeyPair read(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new CliException("failed to read key file " + file + ": it does not exist", e);
    } catch (IOException e) {
      throw new CliException("failed to read key file " + file + ": " + e.getMessage(), e);
    }
    try {
      return KeyPair.fromSeed(content);
    } catch (KeyException e) {
      throw new CliException(
          "failed to read key file "
              + file
              + ": it does not hold a valid seed ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * Writes {@code key}'s seed to a new {@code file}, creating its directory.
   *
   * @throws CliException if the file exists or cannot be written
   */
  public static void write(Path file, KeyPair key) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file,
          key.seed().reveal(),
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default permissions
      }
    } catch (FileAlreadyExistsException e) {
      throw new CliException("failed to write key file " + file + ": it already exists", e);
    } catch (IOException e) {
      throw new CliException("failed to write key file " + file + ": " + e.getMessage(), e);
    }
  }
}
