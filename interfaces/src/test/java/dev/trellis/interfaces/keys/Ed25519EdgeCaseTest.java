package dev.trellis.interfaces.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the engines may disagree: the edge cases of the ed25519-speccheck vectors (Chalkias,
 * Garillot, Nikolaenko, "Taming the many EdDSAs", SSR 2020), plus one made for this test. A and R
 * are classified as small order (in the 8-torsion), mixed order (a torsion component plus a
 * prime-order one) or prime order.
 *
 * <p>Both engines reject small-order and non-canonical keys, non-canonical R and S &gt;= L. They
 * differ only when A or R has a torsion component: libsodium verifies the cofactorless equation and
 * rejects small-order R, BouncyCastle verifies the cofactored one. No honest signer produces such a
 * signature, but a key holder can craft one (the last case, under the A.1 key). This pins each
 * engine's answer so a library upgrade that changes one is noticed (see
 * docs/adr/0010-ed25519-through-libsodium.md).
 */
class Ed25519EdgeCaseTest {
  record Case(
      String name,
      String message,
      String publicKey,
      String signature,
      boolean libsodium,
      boolean bouncyCastle) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "small-order A and R, S = 0, valid only cofactored",
              "2a66241a42a9ee12994d8068dcf1bb7dfc6637b45450acd43711f637fa5080fc",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"
                  + "0000000000000000000000000000000000000000000000000000000000000000",
              false,
              false),
          new Case(
              "small-order A and R, S = 0, valid cofactorless",
              "8c93255d71dcab10e8f379c26200f3c7bd5f09d9bc3068d3ef4edeb4853022b6",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"
                  + "0000000000000000000000000000000000000000000000000000000000000000",
              false,
              false),
          new Case(
              "small-order A, mixed-order R, valid only cofactored",
              "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
              "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43"
                  + "a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
              false,
              false),
          new Case(
              "small-order A, mixed-order R, valid cofactorless",
              "9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
              "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43"
                  + "a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
              false,
              false),
          new Case(
              "mixed-order A, small-order R, valid only cofactored",
              "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41",
              "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"
                  + "182ef1a5b928da07fec769cc8a12db6bcf70dab3f3227fa315e9d5e3e01a3405",
              false,
              true),
          new Case(
              "mixed-order A, small-order R, valid cofactorless",
              "aebf3f2601a0c8c5d39cc7d8911642f740b78168218da8471772b35f9d35b9ab",
              "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"
                  + "8c4bd45aecaca5b24fb97bc10ac27ac8751a7dfe1baff8b953ec9f5833ca260e",
              false,
              true),
          new Case(
              "mixed-order A and R, valid cofactorless",
              "9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79",
              "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
              "9046a64750444938de19f227bb80485e92b83fdb4b6506c160484c016cc1852f"
                  + "87909e14428a7a1d62e9f22f3d3ad7802db02eb2e688b6c52fcd6648a98bd009",
              true,
              true),
          new Case(
              "mixed-order A and R, valid only cofactored",
              "e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c",
              "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
              "160a1cb0dc9c0258cd0a7d23e94d8fa878bcb1925f2c64246b2dee1796bed512"
                  + "5ec6bc982a269b723e0668e540911a9a6a58921d6925e434ab10aa7940551a09",
              false,
              true),
          new Case(
              "mixed-order A, prime-order R, valid only cofactored",
              "e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c",
              "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
              "21122a84e0b5fca4052f5b1235c80a537878b38f3142356b2c2384ebad4668b7"
                  + "e40bc836dac0f71076f9abe3a53f9c03c1ceeeddb658d0030494ace586687405",
              false,
              true),
          new Case(
              "S >= L, else valid (a)",
              "85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40",
              "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623",
              "e96f66be976d82e60150baecff9906684aebb1ef181f67a7189ac78ea23b6c0e"
                  + "547f7690a0e2ddcd04d87dbc3490dc19b3b3052f7ff0538cb68afb369ba3a514",
              false,
              false),
          new Case(
              "S >= L, else valid (b)",
              "85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40",
              "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623",
              "8ce5b96c8f26d0ab6c47958c9e68b937104cd36e13c33566acd2fe8d38aa1942"
                  + "7e71f98a473474f2f13f06f97c20d58cc3f54b8bd0d272f42b695dd7e89a8c22",
              false,
              false),
          new Case(
              "non-canonical R (x = 0 with the sign bit set) (a)",
              "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41",
              "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
              "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                  + "03be9678ac102edcd92b0210bb34d7428d12ffc5df5f37e359941266a4e35f0f",
              false,
              false),
          new Case(
              "non-canonical R (x = 0 with the sign bit set) (b)",
              "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41",
              "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
              "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                  + "ca8c5b64cd208982aa38d4936621a4775aa233aa0505711d8fdcfdaa943d4908",
              false,
              false),
          new Case(
              "non-canonical A (x = 0 with the sign bit set) (a)",
              "e96b7021eb39c1a163b6da4e3093dcd3f21387da4cc4572be588fafae23c155b",
              "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
              "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dc"
                  + "a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
              false,
              false),
          new Case(
              "non-canonical A (x = 0 with the sign bit set) (b)",
              "39a591f5321bbe07fd5a23dc2f39d025d74526615746727ceefd6e82ae65c06f",
              "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
              "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dc"
                  + "a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04",
              false,
              false),
          // Made for this test: A from the A.1 seed 00..1f (prime order), R = [r]B + T with T a
          // point of order 8, S = r + k·a, so only the cofactored equation holds.
          new Case(
              "prime-order A (the A.1 key), mixed-order R, valid only cofactored",
              "7072696d652d6f72646572206b65792c206d697865642d6f726465722052",
              "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8",
              "520657017fddfb8a7407f334ff0f15e6485ad2207c8ea865454b2a76f0e0a9a4"
                  + "660660206d646eae989ca55e0cc8e52d30705bf022c9c8c8075563d604b9fd04",
              false,
              true));

  static Stream<Arguments> cases() {
    return CASES.stream()
        .flatMap(
            c ->
                Stream.of(
                    Arguments.of(Engines.LIBSODIUM, c), Arguments.of(Engines.BOUNCYCASTLE, c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void eachEngineGivesItsKnownAnswer(Engines engines, Case c) {
    HexFormat hex = HexFormat.of();
    boolean expected = engines == Engines.LIBSODIUM ? c.libsodium() : c.bouncyCastle();
    assertThat(
            engines
                .get()
                .verify(
                    hex.parseHex(c.publicKey()),
                    hex.parseHex(c.message()),
                    hex.parseHex(c.signature())))
        .isEqualTo(expected);
  }
}
