package dev.trellis.providers.keyvalue.nats;

import dev.trellis.provider.OperationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Maps a {@code wasmcloud:keyvalue} key (any string) to a JetStream KV key (letters, digits and
 * {@code - _ / = .}, no empty {@code .}-separated token):
 *
 * <ul>
 *   <li>a key that starts with a letter or digit and uses only letters, digits, {@code - _ /} and
 *       {@code .} between non-empty tokens is used as it is ({@code counter}, {@code
 *       users.42.name});
 *   <li>any other key ({@code counter:visits}, {@code ""}, {@code héllo}) becomes {@code =}
 *       followed by the base64url of its UTF-8 bytes without padding ({@code
 *       =Y291bnRlcjp2aXNpdHM}).
 * </ul>
 *
 * A key used as it is never starts with {@code =}, so two keys never map to the same KV key. The KV
 * key is part of a NATS subject, so its length is bounded by {@link #MAX_LENGTH}.
 */
final class NatsKeys {
  /** The longest KV key, in characters, after encoding. */
  static final int MAX_LENGTH = 1024;

  private static final Pattern VERBATIM =
      Pattern.compile("[A-Za-z0-9][-_/A-Za-z0-9]*(\\.[-_/A-Za-z0-9]+)*");
  private static final int SHOWN = 64;

  private NatsKeys() {}

  /**
   * The KV key of {@code key}.
   *
   * @param action what is being done, for the error message ("get key 'k'")
   * @throws OperationException if the encoded key is longer than {@link #MAX_LENGTH}
   */
  static String encode(String key, String action) {
    String encoded =
        VERBATIM.matcher(key).matches()
            ? key
            : "="
                + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(key.getBytes(StandardCharsets.UTF_8));
    if (encoded.length() > MAX_LENGTH) {
      throw new OperationException(
          "failed to "
              + action
              + ": the key is too long for a NATS subject ("
              + encoded.length()
              + " characters once encoded, at most "
              + MAX_LENGTH
              + ")");
    }
    return encoded;
  }

  /** The key as error messages show it: at most 64 characters. */
  static String shown(String key) {
    return key.length() <= SHOWN ? key : key.substring(0, SHOWN) + "…";
  }
}
