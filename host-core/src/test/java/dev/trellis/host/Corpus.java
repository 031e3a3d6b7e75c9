package dev.trellis.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The signed actor corpus built by {@code actors/build.sh} (see actors/README.md). */
public final class Corpus {
  private Corpus() {}

  public static byte[] module(String name) {
    try {
      return Files.readAllBytes(root().resolve("actors/wasm-corpus").resolve(name + ".wasm"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path root() {
    String configured = System.getProperty("trellis.root");
    if (configured != null && Files.isDirectory(Path.of(configured, "actors"))) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("actors/wasm-corpus"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find actors/wasm-corpus above the working directory");
    }
    return dir;
  }
}
