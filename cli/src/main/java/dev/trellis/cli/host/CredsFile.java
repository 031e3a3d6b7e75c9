package dev.trellis.cli.host;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A NATS {@code .creds} file split into its user JWT and seed, as {@code wash up} does for the
 * {@code *_CREDSFILE} settings (controlplane §5.4), so they can be handed to providers and written
 * to {@code host_config.json}.
 *
 * @param jwt the user JWT
 * @param seed the user seed ({@code SU…})
 */
record CredsFile(String jwt, Secret seed) {

  static CredsFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new CliException("failed to read the .creds file " + file + ": " + e.getMessage(), e);
    }
    String jwt = block(lines, "JWT");
    String seed = block(lines, "SEED");
    if (jwt == null || seed == null) {
      throw new CliException(
          "failed to read the .creds file "
              + file
              + ": it needs a '-----BEGIN NATS USER JWT-----' and a '-----BEGIN USER NKEY"
              + " SEED-----' block");
    }
    return new CredsFile(jwt, Secret.of(seed));
  }

  /** The first non-blank line after the {@code -----BEGIN … <kind>-----} line. */
  private static String block(List<String> lines, String kind) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("-----BEGIN") && line.contains(kind)) {
        for (int j = i + 1; j < lines.size(); j++) {
          String value = lines.get(j).strip();
          if (value.startsWith("--")) {
            return null;
          }
          if (!value.isEmpty()) {
            return value;
          }
        }
      }
    }
    return null;
  }
}
