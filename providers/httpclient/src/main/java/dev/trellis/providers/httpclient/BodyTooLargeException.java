package dev.trellis.providers.httpclient;

import dev.trellis.interfaces.TrellisException;

/** A response body is larger than the link's {@code MAX_BODY_BYTES}. */
public class BodyTooLargeException extends TrellisException {
  private final int limit;

  public BodyTooLargeException(String size, int limit) {
    super("the response body is too large (" + size + "; MAX_BODY_BYTES is " + limit + ")");
    this.limit = limit;
  }

  /** The limit that was exceeded, in bytes. */
  public int limit() {
    return limit;
  }
}
