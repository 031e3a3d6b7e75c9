package dev.trellis.interfaces.par;

/**
 * A target binary's SHA-256 differs from the hash in the archive's signed claims, or the claims
 * have no hash for it: the archive was altered after signing.
 */
public class TargetHashMismatchException extends ArchiveException {
  public TargetHashMismatchException(String message) {
    super(message);
  }
}
