package dev.trellis.interfaces.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Loads the shared golden vectors from {@code conformance/vectors}: the directory under the {@code
 * trellis.root} system property (set by surefire), else the first ancestor of {@code user.dir} that
 * has one.
 */
public final class GoldenVectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoldenVectors() {}

  public static JsonNode load(String fileName) {
    Path file = directory().resolve(fileName);
    try {
      return MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read golden vector " + file, e);
    }
  }

  static Path directory() {
    String root = System.getProperty("trellis.root");
    if (root != null && !root.isBlank()) {
      Path candidate = Paths.get(root, "conformance", "vectors");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve("conformance").resolve("vectors");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "failed to find conformance/vectors: set -Dtrellis.root=<repository root>");
  }
}
