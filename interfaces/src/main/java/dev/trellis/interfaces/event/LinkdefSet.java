package dev.trellis.interfaces.event;

import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.Objects;

/**
 * {@code linkdef_set}: a link was put (every host repeats it when it sees the KV change). The data
 * is the link's JSON with its {@code id}; the envelope's source is {@code "n/a"} (OTP 0.60+).
 *
 * @param link the link
 */
public record LinkdefSet(LinkDefinition link) implements LatticeEvent {
  public static final String TYPE = "linkdef_set";

  /** The envelope source of link events. */
  public static final String SOURCE = "n/a";

  public LinkdefSet {
    Objects.requireNonNull(link, "link");
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public String source(String hostId) {
    return SOURCE;
  }
}
