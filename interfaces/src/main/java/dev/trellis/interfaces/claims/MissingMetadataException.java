package dev.trellis.interfaces.claims;

/** A token has no {@code wascap} metadata object. */
public class MissingMetadataException extends ClaimsException {
  public MissingMetadataException(String message) {
    super(message, "No wascap metadata found on claims");
  }
}
