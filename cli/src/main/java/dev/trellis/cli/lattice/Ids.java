package dev.trellis.cli.lattice;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.NKeys;

/** Checks the ids a user types before anything is sent, so a typo fails with a useful message. */
public final class Ids {
  private Ids() {}

  /** {@code value} if it is an actor id ({@code M…}). */
  public static String actor(String value, String action) {
    return check(value, KeyType.MODULE, "an actor id", "M", action);
  }

  /** {@code value} if it is a host id ({@code N…}). */
  public static String host(String value, String action) {
    return check(value, KeyType.SERVER, "a host id", "N", action);
  }

  /** {@code value} if it is a provider id ({@code V…}). */
  public static String provider(String value, String action) {
    return check(value, KeyType.SERVICE, "a provider id", "V", action);
  }

  /** Whether {@code value} is an actor id. */
  public static boolean isActor(String value) {
    return NKeys.isValidPublicKey(value, KeyType.MODULE);
  }

  /** The first characters of an id, for short displays ({@code MBCFOPM6…}). */
  public static String brief(String id) {
    return id.length() > 12 ? id.substring(0, 10) + "…" : id;
  }

  private static String check(
      String value, KeyType type, String what, String letter, String action) {
    if (!NKeys.isValidPublicKey(value, type)) {
      throw new CliException(
          "failed to "
              + action
              + ": '"
              + value
              + "' is not "
              + what
              + " (a 56-character public key starting with "
              + letter
              + "); 'trellis get inventory' shows the ids");
    }
    return value;
  }
}
