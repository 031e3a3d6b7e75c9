package dev.trellis.interfaces.contract.numbergen;

/**
 * The input of {@code NumberGen.RandomInRange}: both bounds inclusive. Wire keys: {@code min, max}.
 * {@code min > max} is allowed here (the wire allows it); the host decides what it means.
 *
 * @param min a {@code U32}
 * @param max a {@code U32}
 */
public record RangeLimit(long min, long max) {

  public RangeLimit {
    if (min < 0 || min > 0xffff_ffffL || max < 0 || max > 0xffff_ffffL) {
      throw new IllegalArgumentException("min and max must be U32: " + min + ", " + max);
    }
  }
}
