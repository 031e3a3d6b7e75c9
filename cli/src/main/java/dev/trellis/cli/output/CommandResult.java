package dev.trellis.cli.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a command prints when it succeeds: the text for {@code -o text} and the keys of the JSON
 * object for {@code -o json} ({@code "success": true} is added by {@link Output}). JSON values are
 * strings, numbers, booleans, {@code null}, lists and maps of those.
 *
 * <pre>{@code
 * return CommandResult.builder("Public Key: " + pk)
 *     .put("public_key", pk)
 *     .put("seed", seed)
 *     .build();
 * }</pre>
 *
 * <p>wash's convention, kept here: a command whose output is only a message uses {@link
 * #message(String)}, which puts the message under the key {@code result}.
 */
public final class CommandResult {
  private final String text;
  private final Map<String, Object> json;

  private CommandResult(String text, Map<String, Object> json) {
    this.text = Objects.requireNonNull(text, "text");
    this.json = Collections.unmodifiableMap(new LinkedHashMap<>(json));
  }

  /** A message: printed as is in text mode, {@code {"result": message}} in JSON mode. */
  public static CommandResult message(String message) {
    return builder(message).put("result", message).build();
  }

  /** A result whose text is {@code text}; add its JSON keys with {@link Builder#put}. */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** The text printed in text mode (may hold ANSI styles from {@link Styles}). */
  public String text() {
    return text;
  }

  /** The JSON keys in insertion order, without {@code success}. */
  public Map<String, Object> json() {
    return json;
  }

  /** Collects the JSON keys of a result. */
  public static final class Builder {
    private final String text;
    private final Map<String, Object> json = new LinkedHashMap<>();

    private Builder(String text) {
      this.text = text;
    }

    /**
     * Adds a JSON key.
     *
     * @throws IllegalArgumentException for the reserved key {@code success}
     */
    public Builder put(String key, Object value) {
      if ("success".equals(key)) {
        throw new IllegalArgumentException("the key 'success' is added by the output layer");
      }
      json.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    public CommandResult build() {
      return new CommandResult(text, json);
    }
  }
}
