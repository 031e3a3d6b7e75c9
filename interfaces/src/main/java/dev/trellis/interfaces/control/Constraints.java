package dev.trellis.interfaces.control;

import java.util.Map;

/** Auction label matching: a host qualifies when its labels contain every constraint pair. */
final class Constraints {
  private Constraints() {}

  static boolean satisfiedBy(Map<String, String> constraints, Map<String, String> labels) {
    for (Map.Entry<String, String> c : constraints.entrySet()) {
      if (!c.getValue().equals(labels.get(c.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
