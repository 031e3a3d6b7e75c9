package dev.trellis.cli.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a file before the demo replaces it ({@code host_config.json}), put back when the
 * demo stops, so a host started with {@code trellis up} stays reachable without flags afterwards.
 */
final class ConfigBackup {
  private final Path file;
  private final byte[] before;
  private boolean restored;

  private ConfigBackup(Path file, byte[] before) {
    this.file = file;
    this.before = before;
  }

  static ConfigBackup take(Path file) {
    try {
      return new ConfigBackup(file, Files.isRegularFile(file) ? Files.readAllBytes(file) : null);
    } catch (IOException e) {
      return new ConfigBackup(file, null);
    }
  }

  /** Puts the old content back (or removes the file when there was none). Idempotent. */
  synchronized void restore() {
    if (restored) {
      return;
    }
    restored = true;
    try {
      if (before == null) {
        Files.deleteIfExists(file);
      } else {
        Files.write(file, before);
      }
    } catch (IOException e) {
      // best effort: the next 'trellis up' rewrites it
    }
  }
}
