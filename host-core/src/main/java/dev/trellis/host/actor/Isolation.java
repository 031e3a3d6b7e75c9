package dev.trellis.host.actor;

import java.util.Locale;

/**
 * How an actor's instances are used across calls, chosen when the actor starts.
 *
 * <ul>
 *   <li>{@link #POOLED}: an instance serves many calls, one at a time; linear memory survives
 *       between calls (wasmCloud ≤ 0.61 behaviour). The fastest mode and the default.
 *   <li>{@link #FRESH}: every call gets a new instance, so no state survives (wasmCloud ≥ 0.62
 *       behaviour). Costs an instantiation and a zeroed memory per call.
 * </ul>
 */
public enum Isolation {
  POOLED,
  FRESH;

  /** Parses {@code pooled} or {@code fresh}, case-insensitively. */
  public static Isolation parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown isolation mode '" + text + "'; use 'pooled' or 'fresh'", e);
    }
  }
}
