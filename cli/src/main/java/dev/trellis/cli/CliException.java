package dev.trellis.cli;

import dev.trellis.interfaces.TrellisException;

/**
 * A command failed for a reason the user can act on; the message is what they read, in the form
 * "failed to &lt;verb&gt; &lt;object&gt;: &lt;cause&gt;[; &lt;how to fix&gt;]". It never contains a
 * seed.
 */
public class CliException extends TrellisException {
  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
