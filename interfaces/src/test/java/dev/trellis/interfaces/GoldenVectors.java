package dev.trellis.interfaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared golden vectors in {@code conformance/vectors}: found through the {@code trellis.root}
 * system property (set by surefire), else by walking up from the working directory.
 */
public final class GoldenVectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoldenVectors() {}

  public static Path dir() {
    String root = System.getProperty("trellis.root");
    if (root != null && !root.isBlank()) {
      Path candidate = Path.of(root).resolve("conformance/vectors");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        p != null;
        p = p.getParent()) {
      Path candidate = p.resolve("conformance/vectors");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "conformance/vectors not found from trellis.root or the working directory");
  }

  /** One vector file, parsed. */
  public static JsonNode load(String fileName) {
    try {
      return MAPPER.readTree(dir().resolve(fileName).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of every vector file that has a {@code hex} field (the msgpack vectors). */
  public static List<String> msgpackVectorFiles() {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .map(p -> p.getFileName().toString())
          .filter(name -> load(name).has("hex"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
