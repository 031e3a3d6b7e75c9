package dev.trellis.interfaces.msgpack;

/**
 * The encoding of an interface payload, detected as every wasmbus-rpc receiver does (spec §9.8,
 * rpc-rs {@code message_format}).
 *
 * <ul>
 *   <li>length 0: {@link #EMPTY};
 *   <li>length 1: {@link #MSGPACK} (a one-byte value);
 *   <li>first byte {@code 0x7f}: {@link #CBOR} from offset 1 (interface crates of 2022–Aug 2023 for
 *       protocol-"2" services such as blobstore);
 *   <li>first byte {@code 0xc1}: {@link #MSGPACK} from offset 1;
 *   <li>first byte {@code 0x00–0x7e} or {@code 0xc0}: {@link #INVALID} (reserved);
 *   <li>anything else: {@link #MSGPACK} from offset 0 (the legacy, unprefixed form).
 * </ul>
 *
 * No valid msgpack value longer than one byte starts with a reserved byte, so the rule never
 * rejects a plain msgpack payload.
 */
public enum PayloadFormat {
  EMPTY,
  MSGPACK,
  CBOR,
  INVALID;

  /** The marker byte a protocol-"2" sender may put before a msgpack body. */
  public static final int MSGPACK_PREFIX = 0xc1;

  /** The marker byte before a CBOR body. */
  public static final int CBOR_PREFIX = 0x7f;

  /** The format of {@code payload}. */
  public static PayloadFormat detect(byte[] payload) {
    if (payload.length == 0) {
      return EMPTY;
    }
    if (payload.length == 1) {
      return MSGPACK;
    }
    int first = payload[0] & 0xff;
    if (first == CBOR_PREFIX) {
      return CBOR;
    }
    if (first == MSGPACK_PREFIX) {
      return MSGPACK;
    }
    if (first < CBOR_PREFIX || first == 0xc0) {
      return INVALID;
    }
    return MSGPACK;
  }

  /** Where the body starts: 1 after a {@code 0x7f} or {@code 0xc1} marker, else 0. */
  public static int bodyOffset(byte[] payload) {
    if (payload.length < 2) {
      return 0;
    }
    int first = payload[0] & 0xff;
    return first == CBOR_PREFIX || first == MSGPACK_PREFIX ? 1 : 0;
  }
}
