package dev.trellis.interfaces.control;

/** The range check for instance counts, which the crate sends as a Rust {@code u16}. */
final class Counts {
  static final int MAX = 65_535;

  private Counts() {}

  static int check(int count, String what) {
    if (count < 0 || count > MAX) {
      throw new IllegalArgumentException(what + " must be within 0.." + MAX + ": " + count);
    }
    return count;
  }
}
