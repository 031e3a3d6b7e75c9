package dev.trellis.host.control;

import dev.trellis.interfaces.TrellisException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an actor or provider reference from a control command into a local file: a {@code file://}
 * URL or a plain path. OCI and bindle references are refused with a clear message: this host has no
 * registry client yet.
 */
final class Artifacts {
  private Artifacts() {}

  static Path path(String ref) {
    if (ref == null || ref.isBlank()) {
      throw new TrellisException("failed to fetch the artifact: the reference is empty");
    }
    Path path;
    if (ref.startsWith("file://")) {
      path = Path.of(URI.create(ref));
    } else if (ref.startsWith("bindle://") || looksLikeOci(ref)) {
      throw new TrellisException(
          "failed to fetch "
              + ref
              + ": OCI and bindle registries are not supported by this host; start it from a"
              + " file path or a file:// URL");
    } else {
      path = Path.of(ref);
    }
    if (!Files.isRegularFile(path)) {
      throw new TrellisException("failed to fetch " + ref + ": no such file " + path);
    }
    return path;
  }

  static byte[] bytes(String ref) {
    Path path = path(ref);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new TrellisException("failed to read " + ref + ": " + e.getMessage(), e);
    }
  }

  private static boolean looksLikeOci(String ref) {
    int slash = ref.indexOf('/');
    return slash > 0
        && !ref.startsWith("/")
        && !ref.startsWith(".")
        && (ref.substring(0, slash).contains(".") || ref.substring(0, slash).contains(":"))
        && !Files.exists(Path.of(ref));
  }
}
