package dev.trellis.interfaces.contract.blobstore;

import java.time.Instant;

/**
 * The Smithy {@code Timestamp} of wasmbus-rpc: whole seconds since the Unix epoch plus nanoseconds.
 * Wire form: map {@code {"sec": i64, "nsec": u32}}.
 *
 * @param sec seconds since 1970-01-01T00:00:00Z
 * @param nsec a {@code U32}, nanoseconds within the second
 */
public record Timestamp(long sec, long nsec) {

  public Timestamp {
    if (nsec < 0 || nsec > 0xffff_ffffL) {
      throw new IllegalArgumentException("nsec must be a U32: " + nsec);
    }
  }

  public static Timestamp of(Instant instant) {
    return new Timestamp(instant.getEpochSecond(), instant.getNano());
  }

  public Instant toInstant() {
    return Instant.ofEpochSecond(sec, nsec);
  }
}
