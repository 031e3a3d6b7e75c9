package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON of {@link RegistryCredentialMap}: {@code {"<server>": {"registryType":"oci"|"bindle",
 * "username"?, "password"?, "token"?}}} (controlplane §2.7).
 *
 * <p>Decoding drops entries without {@code registryType} or without any of username, password and
 * token, as OTP does; an unknown {@code registryType} (which crashes OTP) fails the whole request
 * with OTP's ack text. Errors name the entry's key, never a credential.
 */
public final class RegistryCredentialCodec {
  private static final String TYPE = "RegistryCredentialMap";

  private RegistryCredentialCodec() {}

  /** The map as JSON; absent username, password and token are left out. */
  public static byte[] encode(RegistryCredentialMap map) {
    ObjectNode n = JsonText.object();
    for (Map.Entry<String, RegistryCredential> e : new TreeMap<>(map.credentials()).entrySet()) {
      RegistryCredential c = e.getValue();
      ObjectNode entry = n.putObject(e.getKey());
      entry.put("registryType", c.registryType().wireName());
      if (!c.username().isEmpty()) {
        entry.put("username", c.username());
      }
      putSecret(entry, "password", c.password());
      putSecret(entry, "token", c.token());
    }
    return JsonText.bytes(n);
  }

  /**
   * Decodes a {@code registries.put} body.
   *
   * @throws InvalidCommandException when it is not a credential map
   */
  public static RegistryCredentialMap decode(byte[] json) {
    CtlFailures errors = CtlFailures.command(TYPE, CtlErrors.INVALID_REGISTRIES_PUT);
    JsonFields top = JsonText.parseObject(json, errors);
    JsonNode root = top.root();
    Map<String, RegistryCredential> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getValue().isNull()) {
        continue;
      }
      JsonFields f = top.object(e.getKey());
      String typeName = f.string("registryType");
      if (typeName == null) {
        continue;
      }
      RegistryType type =
          RegistryType.fromWireName(typeName)
              .orElseThrow(() -> f.invalid("registryType", "must be \"oci\" or \"bindle\""));
      RegistryCredential credential =
          new RegistryCredential(
              type,
              f.string("username"),
              Secret.of(f.string("password")),
              Secret.of(f.string("token")));
      if (credential.hasCredentials()) {
        out.put(e.getKey(), credential);
      }
    }
    return new RegistryCredentialMap(out);
  }

  private static void putSecret(ObjectNode entry, String field, Secret secret) {
    if (!secret.isEmpty()) {
      entry.put(field, secret.reveal());
    }
  }
}
