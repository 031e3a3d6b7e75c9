package dev.trellis.interfaces.contract.numbergen;

/**
 * The built-in {@code wasmcloud:builtin:numbergen} contract (spec §9.5), served by the host itself:
 * no provider and no link. Outputs are bare values ({@link
 * dev.trellis.interfaces.contract.BarePayload}).
 */
public final class NumberGen {
  public static final String CONTRACT_ID = "wasmcloud:builtin:numbergen";

  /** Input: none (empty payload). Output: str, a hyphenated UUID v4. */
  public static final String GENERATE_GUID = "NumberGen.GenerateGuid";

  /** Input: {@link RangeLimit}. Output: U32 in {@code [min, max]}. */
  public static final String RANDOM_IN_RANGE = "NumberGen.RandomInRange";

  /** Input: none. Output: U32. */
  public static final String RANDOM_32 = "NumberGen.Random32";

  private NumberGen() {}
}
