package dev.trellis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads modules of the signed actor corpus (actors/wasm-corpus). */
final class Modules {
  private Modules() {}

  static byte[] read(String name) {
    Path root = Path.of(System.getProperty("trellis.root", "."));
    try {
      return Files.readAllBytes(root.resolve("actors/wasm-corpus").resolve(name + ".wasm"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "failed to read actor " + name + ": " + e.getMessage() + "; run from the repo root", e);
    }
  }
}
