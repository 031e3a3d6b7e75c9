package dev.trellis.interfaces.claims;

import dev.trellis.interfaces.keys.KeyPair;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Claims embedded in a WebAssembly module (spec §8.4): the JWT lives in the first top-level custom
 * section named {@code jwt} (wascap ≤ 0.8) or {@code wasmcloud_jwt} (wascap ≥ 0.9); the module hash
 * is the uppercase hex SHA-256 of the module with every such section removed.
 */
public final class ModuleClaims {
  /** The section name we write, as wascap ≥ 0.9 does. */
  public static final String SECTION_NAME = "wasmcloud_jwt";

  private ModuleClaims() {}

  /**
   * The embedded JWT, or empty for an unsigned module.
   *
   * @throws MalformedModuleException if {@code module} is not a well-formed core module, or the
   *     section does not hold UTF-8 text
   */
  public static Optional<String> extractJwt(byte[] module) {
    return findJwt(module, WasmSections.parse(module));
  }

  /** The module hash: uppercase hex SHA-256 of the module without its JWT sections. */
  public static String computeHash(byte[] module) {
    return sha256Hex(strip(module));
  }

  /** The module with every {@code jwt}/{@code wasmcloud_jwt} section removed. */
  public static byte[] strip(byte[] module) {
    return WasmSections.stripJwt(module, WasmSections.parse(module));
  }

  /**
   * Signs {@code module} as wascap's {@code embed_claims} does: strips old JWT sections, sets the
   * claims' hash to the hash of the stripped module, signs with {@code issuer} and appends a
   * {@value #SECTION_NAME} section at the end.
   */
  public static byte[] embed(byte[] module, Claims<ActorMetadata> claims, KeyPair issuer) {
    byte[] stripped = strip(module);
    ActorMetadata metadata =
        claims.metadata() == null ? ActorMetadata.builder().build() : claims.metadata();
    String jwt = Jwt.encode(claims.withMetadata(metadata.withHash(sha256Hex(stripped))), issuer);
    return WasmSections.appendCustom(
        stripped, SECTION_NAME, jwt.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads and verifies the claims of a signed module, in wascap's order: module structure, JWT
   * present, claims decode, metadata present, module hash (rejected when {@code wascap_revision} ≥
   * 3, else reported in the result); then token validation: header, issuer, signature, expiry,
   * not-before.
   *
   * @throws MalformedModuleException if the module is not well formed
   * @throws UnsignedModuleException if it carries no JWT
   * @throws ClaimsException (a subclass) if the claims do not verify
   */
  public static VerifiedModule verify(byte[] module, Clock clock) {
    List<WasmSections.Section> sections = WasmSections.parse(module);
    String jwt =
        findJwt(module, sections)
            .orElseThrow(
                () ->
                    new UnsignedModuleException(
                        "failed to verify module: no jwt or wasmcloud_jwt custom section; sign it"
                            + " with 'trellis claims sign'"));
    Claims<ActorMetadata> claims = Jwt.decode(jwt, ActorMetadata.class);
    if (claims.metadata() == null) {
      throw new MissingMetadataException(
          "failed to verify module " + claims.subject() + ": its claims have no wascap metadata");
    }
    String computed = sha256Hex(WasmSections.stripJwt(module, sections));
    boolean enforced =
        claims.wascapRevision() != null
            && Integer.toUnsignedLong(claims.wascapRevision()) >= Claims.CURRENT_REVISION;
    boolean matches = computed.equals(claims.metadata().hash());
    if (!matches && enforced) {
      throw new HashMismatchException(
          "failed to verify module "
              + claims.subject()
              + ": module hash "
              + computed
              + " does not match the signed hash "
              + claims.metadata().hash()
              + "; the module was altered after signing");
    }
    Jwt.requireValid(Jwt.validate(jwt, ActorMetadata.class, clock));
    return new VerifiedModule(jwt, claims, computed, matches, enforced);
  }

  private static Optional<String> findJwt(byte[] module, List<WasmSections.Section> sections) {
    for (WasmSections.Section section : sections) {
      if (section.isJwt()) {
        int start = section.payloadStart(module);
        try {
          return Optional.of(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(module, start, section.end() - start))
                  .toString());
        } catch (CharacterCodingException e) {
          throw new MalformedModuleException(
              "failed to read module claims: the "
                  + section.customName()
                  + " section at offset "
                  + section.start()
                  + " is not UTF-8 text");
        }
      }
    }
    return Optional.empty();
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
