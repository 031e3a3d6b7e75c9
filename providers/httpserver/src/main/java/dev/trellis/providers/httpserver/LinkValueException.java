package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.TrellisException;

/** A link's values cannot configure the provider: the link is refused. */
public class LinkValueException extends TrellisException {
  public LinkValueException(String message) {
    super(message);
  }
}
