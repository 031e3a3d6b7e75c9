package dev.trellis.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A borderless table with a header row and aligned columns, like wash's listings:
 *
 * <pre>
 * Host ID                                                   Name              Uptime
 * NCE7YHGI42RWEKBRDJZWXBEJJCFNE5QMRO7E4DUVXQ3WSGT7UC3ZTQKS  misty-river-4231  2 minutes
 * </pre>
 *
 * The last column is not padded. Cells may carry styles; widths count visible characters.
 */
public final class Columns {
  private final Styles styles;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Columns(Styles styles, List<String> headers) {
    this.styles = styles;
    this.headers = headers;
  }

  public static Columns with(Styles styles, String... headers) {
    return new Columns(styles, List.of(headers));
  }

  /** Adds a row; missing cells are empty, extra cells are an error. */
  public Columns row(String... cells) {
    if (cells.length > headers.size()) {
      throw new IllegalArgumentException(
          "a row has " + cells.length + " cells for " + headers.size() + " columns");
    }
    List<String> row = new ArrayList<>(Arrays.asList(cells));
    while (row.size() < headers.size()) {
      row.add("");
    }
    rows.add(row.stream().map(c -> c == null ? "" : c).toList());
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, or {@code empty} (faint) when it has no rows. */
  public String render(String empty) {
    if (rows.isEmpty()) {
      return styles.faint(empty);
    }
    int[] widths = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], Styles.visibleLength(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers.stream().map(styles::bold).toList(), widths);
    for (List<String> row : rows) {
      out.append('\n');
      line(out, row, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - Styles.visibleLength(cell) + 2));
      }
    }
    out.append(line.toString().stripTrailing());
  }
}
