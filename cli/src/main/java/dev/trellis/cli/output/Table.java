package dev.trellis.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A small borderless layout for inspect-style output, in the spirit of wash's tables: a title,
 * label/value rows with the values aligned, and titled sections of plain lines.
 *
 * <pre>
 * Echo - Module
 *   Account      ACC23…
 *   Expires      never
 * Capabilities
 *   HTTP Server
 * </pre>
 */
public final class Table {
  private final Styles styles;
  private final List<Object> parts = new ArrayList<>();

  private Table(Styles styles) {
    this.styles = styles;
  }

  public static Table with(Styles styles) {
    return new Table(styles);
  }

  /** A title line (bold). */
  public Table title(String title) {
    parts.add(new Title(title));
    return this;
  }

  /** A label/value row; values of consecutive rows line up. */
  public Table row(String label, String value) {
    parts.add(new Row(label, value));
    return this;
  }

  /** A titled list of lines; {@code empty} is shown when there are none. */
  public Table section(String title, List<String> lines, String empty) {
    parts.add(new Title(title));
    if (lines.isEmpty()) {
      parts.add(new Line(styles.faint(empty)));
    } else {
      lines.forEach(line -> parts.add(new Line(line)));
    }
    return this;
  }

  public String render() {
    int width = 0;
    for (Object part : parts) {
      if (part instanceof Row row) {
        width = Math.max(width, row.label().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (out.length() > 0) {
        out.append('\n');
      }
      if (part instanceof Title title) {
        out.append(styles.bold(title.text()));
      } else if (part instanceof Row row) {
        out.append("  ")
            .append(row.label())
            .append(" ".repeat(width - row.label().length() + 2))
            .append(row.value());
      } else if (part instanceof Line line) {
        out.append("  ").append(line.text());
      }
    }
    return out.toString();
  }

  private record Title(String text) {}

  private record Row(String label, String value) {}

  private record Line(String text) {}
}
