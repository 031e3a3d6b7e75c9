package dev.trellis.interfaces.event;

import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.Objects;

/**
 * {@code linkdef_deleted}: a link was deleted. The data is the link's JSON with its {@code id}; the
 * envelope's source is {@code "n/a"} (OTP 0.60+).
 *
 * @param link the link
 */
public record LinkdefDeleted(LinkDefinition link) implements LatticeEvent {
  public static final String TYPE = "linkdef_deleted";

  /** The envelope source of link events. */
  public static final String SOURCE = "n/a";

  public LinkdefDeleted {
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
