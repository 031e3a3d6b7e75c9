package dev.trellis.provider;

/**
 * A link's values cannot configure the provider (a malformed or out-of-range setting, two names for
 * one setting): the provider refuses the link, {@link CapabilityProvider#putLink} returning {@code
 * false}. The message names the setting and what to give instead.
 */
public class LinkValueException extends ProviderException {
  public LinkValueException(String message) {
    super(message);
  }
}
