package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The anti-forgery hash (spec §4.2): uppercase hex SHA-256 of {@code origin_url ‖ target_url ‖
 * operation ‖ msg}, the strings as UTF-8, the payload in full (before chunking). The operation
 * appears twice, inside the target URL and on its own, as in wasmCloud.
 */
public final class InvocationHash {
  private InvocationHash() {}

  public static String compute(String originUrl, String targetUrl, String operation, byte[] msg) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    sha.update(originUrl.getBytes(StandardCharsets.UTF_8));
    sha.update(targetUrl.getBytes(StandardCharsets.UTF_8));
    sha.update(operation.getBytes(StandardCharsets.UTF_8));
    sha.update(msg);
    return HexFormat.of().withUpperCase().formatHex(sha.digest());
  }

  /** The hash of an invocation from {@code origin} to {@code target}. */
  public static String of(
      WasmCloudEntity origin, WasmCloudEntity target, String operation, byte[] msg) {
    return compute(EntityUrls.of(origin), EntityUrls.target(target, operation), operation, msg);
  }
}
