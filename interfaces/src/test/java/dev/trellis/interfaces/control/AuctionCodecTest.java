package dev.trellis.interfaces.control;

import static dev.trellis.interfaces.control.JsonAssert.bytes;
import static dev.trellis.interfaces.control.JsonAssert.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuctionCodecTest {
  private static final Map<String, String> LABELS = Map.of("hostcore.os", "linux", "zone", "east");

  @Test
  void actorAuctionMatchesLabelSupersets() {
    ActorAuctionRequest r =
        AuctionCodec.decodeActorRequest(
            bytes("{\"actor_ref\":\"echo:1\",\"constraints\":{\"zone\":\"east\"}}"));

    assertThat(r.matches(LABELS)).isTrue();
    assertThat(r.matches(Map.of("zone", "west"))).isFalse();
    assertThat(AuctionCodec.decodeActorRequest(bytes("{\"actor_ref\":\"x\"}")).matches(Map.of()))
        .isTrue();

    ActorAuctionAck ack = ActorAuctionAck.of(r, Keys.HOST);
    assertThat(tree(AuctionCodec.encode(ack)))
        .isEqualTo(
            tree(
                "{\"actor_ref\":\"echo:1\",\"host_id\":\""
                    + Keys.HOST
                    + "\",\"constraints\":{\"zone\":\"east\"}}"));
    assertThat(AuctionCodec.decodeActorAck(AuctionCodec.encode(ack))).isEqualTo(ack);
  }

  @Test
  void providerAuctionDefaultsTheLinkName() {
    ProviderAuctionRequest r =
        AuctionCodec.decodeProviderRequest(
            bytes("{\"provider_ref\":\"http:1\",\"constraints\":null}"));

    assertThat(r.linkName()).isEqualTo("default");
    assertThat(r.constraints()).isEmpty();
    ProviderAuctionAck ack = ProviderAuctionAck.of(r, Keys.HOST);
    assertThat(tree(AuctionCodec.encode(ack)).get("constraints").isObject()).isTrue();
    assertThat(AuctionCodec.decodeProviderAck(AuctionCodec.encode(ack))).isEqualTo(ack);
    assertThat(AuctionCodec.decodeProviderRequest(AuctionCodec.encode(r))).isEqualTo(r);
  }
}
