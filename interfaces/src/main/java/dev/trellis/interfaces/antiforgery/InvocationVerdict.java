package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.InvocationMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating an inbound invocation: accepted with its verified claims, or rejected
 * with the exact text wasmCloud puts into {@code InvocationResponse.error}.
 */
public sealed interface InvocationVerdict {

  /** The error text for {@code InvocationResponse.error}, empty when accepted. */
  Optional<String> error();

  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /** The invocation passed every check. */
  record Accepted(Claims<InvocationMetadata> claims) implements InvocationVerdict {
    public Accepted {
      Objects.requireNonNull(claims, "claims");
    }

    @Override
    public Optional<String> error() {
      return Optional.empty();
    }
  }

  /**
   * The invocation was refused.
   *
   * @param text the full error text, as it goes on the wire
   */
  record Rejected(String text) implements InvocationVerdict {
    public Rejected {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public Optional<String> error() {
      return Optional.of(text);
    }
  }
}
