package dev.trellis.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root directory, where the providers under test live. */
final class RepoRoot {
  private RepoRoot() {}

  /**
   * The root: the {@code trellis.root} system property (the build sets it), else the nearest
   * directory above the working directory that holds {@code mvnw} and {@code conformance/}.
   */
  static Path get() {
    String configured = System.getProperty("trellis.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("conformance"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "failed to find the checkout root: no trellis.root system property and no directory above "
            + Path.of("").toAbsolutePath()
            + " holds mvnw and conformance/; run the suites through Maven");
  }

  /** {@code relative} under the root. */
  static Path resolve(String relative) {
    return get().resolve(relative);
  }
}
