package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.NKey;
import io.nats.client.Options;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatsConfigTest {

  @Test
  void addsNatsSchemeOnlyWhenTheUrlHasNone() {
    assertThat(NatsConfig.withScheme("127.0.0.1:4222")).isEqualTo("nats://127.0.0.1:4222");
    assertThat(NatsConfig.withScheme(" localhost:4222 ")).isEqualTo("nats://localhost:4222");
    assertThat(NatsConfig.withScheme("tls://nats.example:4222"))
        .isEqualTo("tls://nats.example:4222");
    assertThat(NatsConfig.withScheme("ws://nats.example:80")).isEqualTo("ws://nats.example:80");
    assertThat(NatsConfig.withScheme("nats://a:1")).isEqualTo("nats://a:1");
  }

  @Test
  void defaultsToWasmCloudsDefaultUrl() {
    assertThat(NatsConfig.builder().build().urls()).containsExactly("nats://127.0.0.1:4222");
  }

  @Test
  void buildsJnatsOptionsWithEveryUrlAndTheConnectionName() {
    NatsConfig config =
        NatsConfig.builder()
            .addUrl("10.0.0.1:4222")
            .addUrl("tls://10.0.0.2:4222")
            .withConnectionName("host-N1")
            .build();

    Options options = config.toOptions();

    assertThat(options.getServers())
        .extracting(Object::toString)
        .containsExactly("nats://10.0.0.1:4222", "tls://10.0.0.2:4222");
    assertThat(options.getConnectionName()).isEqualTo("host-N1");
    assertThat(options.getReconnectWait()).isEqualTo(NatsConfig.RECONNECT_WAIT);
    assertThat(options.getMaxReconnect()).isEqualTo(-1);
    assertThat(options.getAuthHandler()).isNull();
  }

  @Test
  void seedAloneIsNkeyAuthAndJwtWithSeedIsJwtAuth() throws Exception {
    NKey user = NKey.createUser(new SecureRandom());
    String seed = new String(user.getSeed());

    Options nkeyOnly = NatsConfig.builder().withSeed(seed).build().toOptions();
    assertThat(nkeyOnly.getAuthHandler().getJWT()).isNull();
    assertThat(nkeyOnly.getAuthHandler().getID()).isEqualTo(user.getPublicKey());

    Options jwt = NatsConfig.builder().withUserJwt("eyJ.jwt.sig", seed).build().toOptions();
    assertThat(new String(jwt.getAuthHandler().getJWT())).isEqualTo("eyJ.jwt.sig");
  }

  @Test
  void jwtWithoutSeedIsRefused() {
    assertThatThrownBy(() -> NatsConfig.builder().withUserJwt("eyJ.jwt.sig", null).build())
        .isInstanceOf(NatsConfigException.class)
        .hasMessage(
            "failed to configure NATS: a user JWT needs its seed; give the seed or a .creds file");
  }

  @Test
  void credsFileAndSeedTogetherAreRefused() {
    assertThatThrownBy(
            () ->
                NatsConfig.builder().withCredsFile(Path.of("user.creds")).withSeed("SUAAA").build())
        .isInstanceOf(NatsConfigException.class)
        .hasMessageContaining("both a .creds file (user.creds) and a JWT/seed");
  }

  @Test
  void aSeedThatIsNotASeedIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> NatsConfig.builder().withSeed("UABC-not-a-seed").build())
        .isInstanceOf(NatsConfigException.class)
        .hasMessageNotContaining("UABC");
  }

  @Test
  void toStringNeverShowsTheSeedOrTheJwt() {
    NatsConfig config =
        NatsConfig.builder().withUserJwt("eyJhbGciOi.body.sig", "SUSECRETSEED").build();

    assertThat(config.toString())
        .doesNotContain("SUSECRETSEED")
        .doesNotContain("eyJhbGciOi")
        .contains("seed=<redacted>");
  }

  @Test
  void jetStreamDomainGoesIntoJetStreamAndKvOptions() {
    NatsConfig config = NatsConfig.builder().withJsDomain("leaf1").build();

    assertThat(config.jetStreamOptions().getPrefix()).isEqualTo("$JS.leaf1.API.");
    assertThat(config.keyValueOptions().getJetStreamOptions().getPrefix())
        .isEqualTo("$JS.leaf1.API.");
    assertThat(NatsConfig.builder().build().jetStreamOptions().isDefaultPrefix()).isTrue();
  }

  @Test
  void refusesAJetStreamDomainWithADot() {
    assertThatThrownBy(() -> NatsConfig.builder().withJsDomain("a.b").build())
        .isInstanceOf(NatsConfigException.class)
        .hasMessageContaining("\"a.b\"");
  }

  @Test
  void refusesACommaSeparatedListAsOneUrl() {
    assertThatThrownBy(() -> NatsConfig.of("a:4222,b:4222"))
        .isInstanceOf(NatsConfigException.class)
        .hasMessageContaining("add each url on its own");
  }

  @Test
  void urlsAreCopied() {
    List<String> urls = new java.util.ArrayList<>(List.of("a:1"));
    NatsConfig config = new NatsConfig(urls, null, null, null, false, null, null);
    urls.add("b:2");

    assertThat(config.urls()).containsExactly("nats://a:1");
  }
}
