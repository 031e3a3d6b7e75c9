package dev.trellis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout: found through {@code trellis.root}, else from the working directory. */
public final class Repo {
  private Repo() {}

  /** The repository root (holds {@code trellis} and {@code actors/}). */
  public static Path root() {
    String root = System.getProperty("trellis.root");
    if (root != null && !root.isBlank() && Files.isDirectory(Path.of(root, "actors"))) {
      return Path.of(root).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("trellis")) && Files.isDirectory(p.resolve("actors"))) {
        return p;
      }
    }
    throw new IllegalStateException("the repository root was not found from trellis.root or .");
  }

  /** A signed module of the actor corpus, e.g. {@code echo-rust.wasm}. */
  public static Path corpus(String name) {
    return root().resolve("actors/wasm-corpus").resolve(name);
  }

  /** Copies an unsigned corpus module into {@code dir} and returns the copy. */
  public static Path unsignedCopy(String name, Path dir) {
    try {
      Path copy = dir.resolve(name);
      Files.copy(root().resolve("actors/wasm-corpus/unsigned").resolve(name), copy);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
