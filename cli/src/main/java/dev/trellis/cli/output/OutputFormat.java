package dev.trellis.cli.output;

import java.util.Locale;

/** What {@code -o/--output} selects: human-readable text (the default) or one JSON object. */
public enum OutputFormat {
  TEXT,
  JSON;

  /**
   * The format named {@code text} or {@code json} (any case), as picocli converts the option.
   *
   * @throws IllegalArgumentException for any other name, with a message that lists both
   */
  public static OutputFormat parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "unknown output format '" + name + "'; expected text or json");
    };
  }
}
