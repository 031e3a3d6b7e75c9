package dev.trellis.cli.lattice;

import dev.trellis.cli.CliException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code KEY=VALUE} arguments: link values, auction constraints, labels, annotations. */
public final class Pairs {
  private Pairs() {}

  /**
   * Parses {@code items}; the value may contain {@code =}, the key must not be empty.
   *
   * @param what what the pairs are, for the message ("link value", "constraint")
   * @throws CliException for an item without {@code =} or with an empty key
   */
  public static Map<String, String> parse(List<String> items, String what) {
    Map<String, String> map = new LinkedHashMap<>();
    if (items == null) {
      return map;
    }
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new CliException(
            "failed to read the "
                + what
                + " '"
                + item
                + "': write it as KEY=VALUE (e.g. ADDRESS=127.0.0.1:8080)");
      }
      map.put(item.substring(0, eq), item.substring(eq + 1));
    }
    return map;
  }
}
