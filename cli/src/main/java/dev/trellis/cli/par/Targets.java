package dev.trellis.cli.par;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.par.ProviderTarget;
import java.util.regex.Pattern;

/**
 * Provider archive target names (dataplane §7.1): {@code ARCH-OS} in Rust's {@code
 * std::env::consts} spelling, e.g. {@code x86_64-linux}, {@code aarch64-macos}. wash does not check
 * them; a misspelt target is a binary no host will ever pick, so Trellis refuses anything that is
 * not lower-case {@code arch-os}.
 */
final class Targets {
  private static final Pattern TARGET = Pattern.compile("[a-z0-9_]+-[a-z0-9_]+");

  private Targets() {}

  /**
   * {@code arch} itself when well-formed.
   *
   * @throws CliException naming the expected form and this machine's target
   */
  static String check(String arch, String action) {
    if (arch == null || !TARGET.matcher(arch).matches()) {
      throw new CliException(
          "failed to "
              + action
              + ": '"
              + arch
              + "' is not a target in ARCH-OS form; use e.g. x86_64-linux, aarch64-linux,"
              + " aarch64-macos (this machine is "
              + ProviderTarget.current()
              + ")");
    }
    return arch;
  }
}
