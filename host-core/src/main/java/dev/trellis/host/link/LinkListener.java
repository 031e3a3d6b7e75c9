package dev.trellis.host.link;

import dev.trellis.interfaces.wire.LinkDefinition;

/** Observes link changes, e.g. to notify providers. Both methods default to doing nothing. */
public interface LinkListener {
  default void linkPut(LinkDefinition link) {}

  default void linkDeleted(LinkDefinition link) {}
}
