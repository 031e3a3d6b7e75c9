package dev.trellis.interfaces;

/**
 * A NATS subject, queue group, bucket or key could not be built because one of its parts (lattice
 * prefix, public key, link name, host id…) would break the subject: it is empty, or contains a
 * {@code .}, a wildcard or whitespace. The message names the part and the offending value.
 */
public class InvalidSubjectException extends TrellisException {
  public InvalidSubjectException(String message) {
    super(message);
  }
}
