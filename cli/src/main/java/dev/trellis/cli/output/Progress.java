package dev.trellis.cli.output;

import java.io.PrintWriter;

/**
 * A line on stderr saying what the command is waiting for, so a slow step never looks like a hang.
 * On a terminal the line is rewritten in place and cleared when done; elsewhere each update is one
 * plain line. In JSON mode nothing is printed (stdout carries the single JSON object; stderr only
 * an error object). Not thread-safe: use it from the command's thread.
 *
 * <pre>{@code
 * try (Progress progress = ctx.output().progress("waiting for actor MB… to start")) {
 *   …
 *   progress.update("actor started; waiting for its link");
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {
  private static final String CLEAR_LINE = "\r\u001B[2K";

  private final PrintWriter err;
  private final boolean enabled;
  private final boolean inPlace;
  private final Styles styles;
  private boolean open;

  Progress(PrintWriter err, boolean enabled, boolean inPlace, Styles styles, String message) {
    this.err = err;
    this.enabled = enabled;
    this.inPlace = inPlace;
    this.styles = styles;
    update(message);
  }

  /** Replaces the message. */
  public void update(String message) {
    if (!enabled) {
      return;
    }
    if (inPlace) {
      err.print(CLEAR_LINE + styles.faint("… " + message));
      open = true;
    } else {
      err.println(message + "…");
    }
    err.flush();
  }

  /** Removes the progress line (on a terminal); the command's result follows. */
  @Override
  public void close() {
    if (enabled && inPlace && open) {
      err.print(CLEAR_LINE);
      err.flush();
      open = false;
    }
  }
}
