package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.Locale;

/**
 * Entity URLs (spec §2.4), used only inside invocation claims and hashes, never sent as a field.
 *
 * <ul>
 *   <li>an actor (public key starting with {@code M}, case-insensitively): {@code
 *       wasmbus://{public_key}}
 *   <li>anything else: {@code wasmbus://{contract}/{link}/{public_key}} where the contract has
 *       {@code ':'→'/'} and {@code ' '→'_'} and is lower-cased, the link name has {@code ' '→'_'}
 *       and is lower-cased, and the public key is kept as is ({@code system} → {@code
 *       wasmbus:////system}).
 * </ul>
 */
public final class EntityUrls {
  public static final String SCHEME = "wasmbus";

  private EntityUrls() {}

  /** The URL of {@code entity}. */
  public static String of(WasmCloudEntity entity) {
    String key = entity.publicKey();
    if (key.toUpperCase(Locale.ROOT).startsWith("M")) {
      return SCHEME + "://" + key;
    }
    String contract =
        entity.contractId().replace(':', '/').replace(' ', '_').toLowerCase(Locale.ROOT);
    String link = entity.linkName().replace(' ', '_').toLowerCase(Locale.ROOT);
    return SCHEME + "://" + contract + "/" + link + "/" + key;
  }

  /** The target URL of an invocation: the target's URL, {@code /}, the operation verbatim. */
  public static String target(WasmCloudEntity target, String operation) {
    return of(target) + "/" + operation;
  }
}
