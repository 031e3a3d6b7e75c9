package dev.trellis.interfaces.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The link id hash of controlplane §4.2, computed identically by hosts and clients. */
public final class LinkId {
  private LinkId() {}

  /** Uppercase hex SHA-256 of the plain concatenation actorId ‖ contractId ‖ linkName. */
  public static String of(String actorId, String contractId, String linkName) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(actorId.getBytes(StandardCharsets.UTF_8));
      sha.update(contractId.getBytes(StandardCharsets.UTF_8));
      sha.update(linkName.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
