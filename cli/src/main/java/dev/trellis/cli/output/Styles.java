package dev.trellis.cli.output;

import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * Colours and emphasis for text output, using picocli's ANSI codes. When colours are off (not a
 * terminal, {@code NO_COLOR} set, {@code TERM=dumb}, or JSON output) every method returns its
 * argument unchanged, so commands style their text without checking.
 */
public final class Styles {
  private static final Styles OFF = new Styles(false);
  private static final Styles ON = new Styles(true);

  private final boolean enabled;

  private Styles(boolean enabled) {
    this.enabled = enabled;
  }

  /** Styles that colour when {@code enabled}, and are a no-op otherwise. */
  public static Styles of(boolean enabled) {
    return enabled ? ON : OFF;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Headings and labels. */
  public String bold(String text) {
    return apply(text, Style.bold);
  }

  /** Good news: a check that passed. */
  public String good(String text) {
    return apply(text, Style.fg_green);
  }

  /** Something to look at: a warning. */
  public String warn(String text) {
    return apply(text, Style.fg_yellow);
  }

  /** Bad news: an error or a failed check. */
  public String bad(String text) {
    return apply(text, Style.fg_red, Style.bold);
  }

  /** Identifiers such as public keys and file names. */
  public String id(String text) {
    return apply(text, Style.fg_cyan);
  }

  /** Secondary information. */
  public String faint(String text) {
    return apply(text, Style.faint);
  }

  private String apply(String text, IStyle... styles) {
    if (!enabled || text.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (IStyle style : styles) {
      out.append(style.on());
    }
    out.append(text);
    for (IStyle style : styles) {
      out.append(style.off());
    }
    return out.toString();
  }

  /** The number of characters {@code text} shows on a terminal (ANSI escapes removed). */
  public static int visibleLength(String text) {
    return text.replaceAll("\u001B\\[[0-9;]*m", "").length();
  }
}
