package dev.trellis.interfaces.claims;

import dev.trellis.interfaces.keys.KeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Hand-made tokens with arbitrary header and claims JSON, for negative tests. */
final class TestTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code b64(header).b64(claims).sig} signed by {@code signer}. */
  static String sign(String headerJson, String claimsJson, KeyPair signer) {
    String signed = b64(headerJson) + "." + b64(claimsJson);
    return signed
        + "."
        + B64.encodeToString(signer.sign(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  static String sign(String claimsJson, KeyPair signer) {
    return sign("{\"typ\":\"jwt\",\"alg\":\"Ed25519\"}", claimsJson, signer);
  }
}
