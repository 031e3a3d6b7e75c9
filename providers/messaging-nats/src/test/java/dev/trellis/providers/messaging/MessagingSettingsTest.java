package dev.trellis.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.provider.LinkValueException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingSettingsTest {
  static final String SEED = "SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4";

  private final HostData lattice =
      HostData.builder()
          .withHostId("N")
          .withLatticeRpcPrefix("default")
          .withLinkName("default")
          .withProviderKey("V")
          .withLatticeRpcUrl("10.0.0.1:4222")
          .withLatticeRpcUserJwt("lattice.jwt")
          .withLatticeRpcUserSeed(Secret.of(SEED))
          .build();

  @Test
  void withoutUriTheActorConnectsToTheLatticeServerWithItsCredentials() {
    MessagingSettings settings = MessagingSettings.fromLinkValues(Map.of(), lattice);

    assertThat(settings.urls()).containsExactly("nats://10.0.0.1:4222");
    assertThat(settings.jwt()).isEqualTo("lattice.jwt");
    assertThat(settings.seed().reveal()).isEqualTo(SEED);
    assertThat(settings.subscriptions()).isEmpty();
  }

  @Test
  void uriAndCredentialsFromTheLinkReplaceTheLattices() {
    MessagingSettings settings =
        MessagingSettings.fromLinkValues(
            Map.of("URI", "nats://a:4222, b:4223", "client_seed", SEED), lattice);

    assertThat(settings.urls()).containsExactly("nats://a:4222", "b:4223");
    assertThat(settings.jwt()).isNull();
    assertThat(settings.seed().reveal()).isEqualTo(SEED);
    assertThat(MessagingSettings.fromLinkValues(Map.of("URI", "c:1"), lattice).seed().isEmpty())
        .isTrue();
  }

  @Test
  void subscriptionsAreCommaSeparatedWithOptionalQueueGroups() {
    assertThat(
            MessagingSettings.fromLinkValues(
                    Map.of("SUBSCRIPTION", "a.b, c.*|workers,,d.>"), lattice)
                .subscriptions())
        .containsExactly(
            new SubscriptionSpec("a.b", null),
            new SubscriptionSpec("c.*", "workers"),
            new SubscriptionSpec("d.>", null));
    assertThatThrownBy(() -> SubscriptionSpec.parseList("a|"))
        .isInstanceOf(LinkValueException.class)
        .hasMessageContaining("queue group '' of subject a");
    assertThatThrownBy(() -> SubscriptionSpec.parseList("a b"))
        .hasMessageContaining("is not a NATS subject");
  }

  @Test
  void aJwtNeedsItsSeedAndSecretsStayOutOfToString() {
    assertThatThrownBy(() -> MessagingSettings.fromLinkValues(Map.of("CLIENT_JWT", "j"), lattice))
        .isInstanceOf(LinkValueException.class)
        .hasMessageContaining("if you specify jwt, you must also specify a seed");
    assertThatThrownBy(
            () -> MessagingSettings.fromLinkValues(Map.of("CLIENT_SEED", "nope"), lattice))
        .hasMessageContaining("it is not an nkey seed");

    MessagingSettings settings =
        MessagingSettings.fromLinkValues(Map.of("CLIENT_JWT", "j", "CLIENT_SEED", SEED), lattice);
    assertThat(settings.toString()).doesNotContain(SEED).doesNotContain("j,");
    assertThat(settings.natsConfig("name").toString()).doesNotContain(SEED);
    assertThat(List.of(settings.jwt())).containsExactly("j");
  }
}
