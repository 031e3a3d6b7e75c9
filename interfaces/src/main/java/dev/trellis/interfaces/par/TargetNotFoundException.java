package dev.trellis.interfaces.par;

/** The archive has no binary for the requested target (e.g. the host's native target). */
public class TargetNotFoundException extends ArchiveException {
  public TargetNotFoundException(String message) {
    super(message);
  }
}
