package dev.trellis.interfaces.control;

import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.List;

/**
 * The reply to {@code get.links}: {@code {"links":[…]}}, each link with its {@code id}
 * (controlplane §2.3).
 *
 * @param links every link the host knows
 */
public record GetLinksReply(List<LinkDefinition> links) {
  public GetLinksReply {
    links = links == null ? List.of() : List.copyOf(links);
  }
}
