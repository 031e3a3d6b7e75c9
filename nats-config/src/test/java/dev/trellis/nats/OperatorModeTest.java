package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The chain operator → account → user, each JWT signed by the key above it. */
class OperatorModeTest {
  private final OperatorMode trust = OperatorMode.create();

  @Test
  void eachJwtIsSignedByTheKeyAboveIt() throws Exception {
    String operator = claim(trust.operatorJwt(), "sub");

    assertThat(claim(trust.operatorJwt(), "iss")).isEqualTo(operator).startsWith("O");
    assertThat(claim(trust.accountJwt(), "iss")).isEqualTo(operator);
    assertThat(claim(trust.accountJwt(), "sub")).isEqualTo(trust.accountKey()).startsWith("A");
    assertThat(claim(trust.userJwt(), "iss")).isEqualTo(trust.accountKey());
    assertThat(verifies(trust.accountJwt(), operator)).isTrue();
    assertThat(verifies(trust.userJwt(), trust.accountKey())).isTrue();
    assertThat(verifies(trust.userJwt(), operator)).isFalse();
  }

  @Test
  void theUserSeedMatchesTheUserJwtAndStaysSecret() throws Exception {
    NKey user = NKey.fromSeed(trust.userSeed().reveal().toCharArray());

    assertThat(new String(user.getPublicKey())).isEqualTo(claim(trust.userJwt(), "sub"));
    assertThat(trust.userSeed().toString()).doesNotContain(trust.userSeed().reveal());
    assertThat(trust.toString()).doesNotContain(trust.userSeed().reveal());
  }

  @Test
  void theServerConfigTrustsTheOperatorAndPreloadsTheAccount() {
    assertThat(trust.serverConfig())
        .contains("operator: \"" + trust.operatorJwt() + "\"")
        .contains("resolver: MEMORY")
        .contains(trust.accountKey() + ": \"" + trust.accountJwt() + "\"");
  }

  private static String claim(String jwt, String name) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }

  private static boolean verifies(String jwt, String publicKey) throws Exception {
    int dot = jwt.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
    return NKey.fromPublicKey(publicKey.toCharArray())
        .verify(jwt.substring(0, dot).getBytes(StandardCharsets.UTF_8), signature);
  }
}
