package dev.trellis.providers.keyvalue.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.provider.OperationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NatsKeysTest {

  @Test
  void keysThatAreValidKvKeysAreUsedAsTheyAre() {
    for (String key : List.of("counter", "users.42.name", "a-b_c/d", "0")) {
      assertThat(NatsKeys.encode(key, "get key")).isEqualTo(key);
    }
  }

  @Test
  void otherKeysAreBase64UrlBehindAnEqualsSign() {
    assertThat(NatsKeys.encode("counter:visits", "get key")).isEqualTo("=Y291bnRlcjp2aXNpdHM");
    assertThat(NatsKeys.encode("", "get key")).isEqualTo("=");
    assertThat(NatsKeys.encode(".hidden", "get key")).startsWith("=");
    assertThat(NatsKeys.encode("a..b", "get key")).startsWith("=");
    assertThat(NatsKeys.encode("trailing.", "get key")).startsWith("=");
    assertThat(NatsKeys.encode("_kv", "get key")).startsWith("=");
    assertThat(NatsKeys.encode("with space", "get key")).startsWith("=");
  }

  @Test
  void distinctKeysNeverShareAKvKey() {
    List<String> keys =
        List.of("a", "=YQ", "YQ", "a:b", "a.b", "a/b", "", " ", "é", "=", "==", "a=b");
    Set<String> encoded = new HashSet<>();
    for (String key : keys) {
      encoded.add(NatsKeys.encode(key, "get key"));
    }
    assertThat(encoded).hasSize(keys.size());
  }

  @Test
  void aKeyTooLongForASubjectIsRefusedWithItsLength() {
    String key = "x".repeat(NatsKeys.MAX_LENGTH + 1);

    assertThatThrownBy(() -> NatsKeys.encode(key, "get key 'x…'"))
        .isInstanceOf(OperationException.class)
        .hasMessage(
            "failed to get key 'x…': the key is too long for a NATS subject (1025 characters once"
                + " encoded, at most 1024)");
  }

  @Test
  void messagesShowAtMost64Characters() {
    assertThat(NatsKeys.shown("k")).isEqualTo("k");
    assertThat(NatsKeys.shown("y".repeat(100))).isEqualTo("y".repeat(64) + "…");
  }
}
