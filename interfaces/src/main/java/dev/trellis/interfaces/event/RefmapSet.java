package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code refmap_set}: a reference → public key mapping was written.
 *
 * @param ociUrl the reference
 * @param publicKey the public key it resolved to
 */
public record RefmapSet(String ociUrl, String publicKey) implements LatticeEvent {
  public static final String TYPE = "refmap_set";

  public RefmapSet {
    Objects.requireNonNull(ociUrl, "ociUrl");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
