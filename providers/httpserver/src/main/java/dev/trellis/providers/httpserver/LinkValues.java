package dev.trellis.providers.httpserver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A link's values, looked up by name whatever the case ({@code TIMEOUT_MS} and {@code timeout_ms}
 * are the same setting), as wasmCloud's providers read them.
 */
final class LinkValues {
  private final Map<String, String> byName;

  private LinkValues(Map<String, String> byName) {
    this.byName = byName;
  }

  /**
   * @throws LinkValueException if two names differ only in case
   */
  static LinkValues of(Map<String, String> values) {
    Map<String, String> byName = new HashMap<>();
    Map<String, String> original = new HashMap<>();
    values.forEach(
        (name, value) -> {
          String key = name.toLowerCase(Locale.ROOT);
          String before = original.put(key, name);
          if (before != null) {
            throw new LinkValueException(
                "failed to read link values: '"
                    + before
                    + "' and '"
                    + name
                    + "' name the same setting (names ignore case); keep one");
          }
          byName.put(key, value);
        });
    return new LinkValues(byName);
  }

  /** The value of {@code name} (any case), if set and not blank. */
  Optional<String> get(String name) {
    String value = byName.get(name.toLowerCase(Locale.ROOT));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * The value of {@code name} as a whole number in {@code [min, max]}, or {@code fallback} when
   * unset.
   *
   * @throws LinkValueException if the value is not such a number
   */
  long number(String name, long fallback, long min, long max) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw new LinkValueException(
          "failed to read link value " + name + ": '" + text.get() + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new LinkValueException(
          "failed to read link value "
              + name
              + ": "
              + value
              + " is out of range; give a value from "
              + min
              + " to "
              + max);
    }
    return value;
  }
}
