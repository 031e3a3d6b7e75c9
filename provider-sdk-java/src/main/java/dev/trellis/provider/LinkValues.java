package dev.trellis.provider;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A link's values (its settings, {@code LinkDefinition.values()}), looked up by name whatever the
 * case: {@code TIMEOUT_MS} and {@code timeout_ms} are the same setting, as wasmCloud's providers
 * read them. Blank values count as unset; values are stripped.
 *
 * <pre>{@code
 * public boolean putLink(LinkDefinition link) {
 *   try {
 *     LinkValues values = LinkValues.of(link.values());
 *     long timeoutMs = values.number("TIMEOUT_MS", 5_000, 1, 60_000);
 *     Optional<String> url = values.get("URL");
 *     ...
 *   } catch (LinkValueException e) {
 *     LOG.error("link refused actor={} reason={}", link.actorId(), e.getMessage());
 *     return false;
 *   }
 * }
 * }</pre>
 *
 * <p>Errors are {@link LinkValueException}s whose message names the setting and says what to give
 * instead ("failed to read link value TIMEOUT_MS: 0 is out of range; give a value from 1 to
 * 60000"), ready to log when the link is refused. Immutable.
 */
public final class LinkValues {
  private final Map<String, String> byName;

  private LinkValues(Map<String, String> byName) {
    this.byName = byName;
  }

  /**
   * The values of one link.
   *
   * @throws LinkValueException if two names differ only in case
   */
  public static LinkValues of(Map<String, String> values) {
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

  /** The value of {@code name} (any case), stripped, if set and not blank. */
  public Optional<String> get(String name) {
    String value = byName.get(name.toLowerCase(Locale.ROOT));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * The value of {@code name} as a whole number in {@code [min, max]}, or {@code fallback} when
   * unset.
   *
   * @throws LinkValueException if the value is not such a number
   */
  public long number(String name, long fallback, long min, long max) {
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
