package dev.trellis.interfaces.par;

import java.util.Locale;

/**
 * Provider archive target names (spec §7.1): {@code {arch}-{os}} with the names of Rust's {@code
 * std::env::consts}, e.g. {@code x86_64-linux}, {@code aarch64-macos}, {@code x86_64-windows}.
 */
public final class ProviderTarget {
  private ProviderTarget() {}

  /** The target of this JVM's platform. */
  public static String current() {
    return of(System.getProperty("os.arch", ""), System.getProperty("os.name", ""));
  }

  /** The target for Java's {@code os.arch} and {@code os.name} values. */
  public static String of(String osArch, String osName) {
    return arch(osArch) + "-" + os(osName);
  }

  static String arch(String osArch) {
    String a = osArch.toLowerCase(Locale.ROOT).trim();
    return switch (a) {
      case "amd64", "x86_64", "x64", "x86-64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      case "x86", "i386", "i486", "i586", "i686" -> "x86";
      case "arm", "arm32", "armv7", "armv7l" -> "arm";
      case "ppc64le", "ppc64" -> "powerpc64";
      case "ppc" -> "powerpc";
      default -> a;
    };
  }

  static String os(String osName) {
    String o = osName.toLowerCase(Locale.ROOT).trim();
    if (o.startsWith("linux")) {
      return "linux";
    }
    if (o.startsWith("mac") || o.startsWith("darwin")) {
      return "macos";
    }
    if (o.startsWith("windows")) {
      return "windows";
    }
    if (o.equals("sunos") || o.equals("solaris")) {
      return "solaris";
    }
    return o.replace(" ", "");
  }
}
