package dev.trellis.interfaces.contract.logging;

/**
 * The input of {@code Logging.WriteLog}. Wire keys: {@code level, text}.
 *
 * @param level {@code debug}, {@code info}, {@code warn} or {@code error} (not checked here: the
 *     host decides what an unknown level means)
 * @param text the message
 */
public record LogEntry(String level, String text) {

  public LogEntry {
    level = level == null ? "" : level;
    text = text == null ? "" : text;
  }
}
