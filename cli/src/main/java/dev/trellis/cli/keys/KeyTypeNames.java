package dev.trellis.cli.keys;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.keys.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The key type names wash uses on its command line and in key file names ({@code
 * <name>_<type>.nk}): {@code account, user, module, service, server, operator, cluster}. {@code
 * actor} and {@code provider} are accepted for module and service.
 */
public final class KeyTypeNames {
  private KeyTypeNames() {}

  /** The lower-case name of {@code type}, as in {@code echo_module.nk}. */
  public static String nameOf(KeyType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type named {@code name} (any case).
   *
   * @throws CliException for an unknown name, listing the known ones
   */
  public static KeyType parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "actor":
        return KeyType.MODULE;
      case "provider":
        return KeyType.SERVICE;
      default:
        for (KeyType type : KeyType.values()) {
          if (nameOf(type).equals(n)) {
            return type;
          }
        }
        throw new CliException(
            "failed to generate key: unknown key type '"
                + name
                + "'; expected one of "
                + String.join(", ", names()));
    }
  }

  /** Every name, in wash's order. */
  public static List<String> names() {
    return List.of("account", "user", "module", "service", "server", "operator", "cluster");
  }

  /** For picocli's completion and help: the names. */
  public static final class Candidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    public Candidates() {
      super(names());
    }
  }
}
