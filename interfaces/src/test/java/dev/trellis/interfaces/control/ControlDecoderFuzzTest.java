package dev.trellis.interfaces.control;

import static org.assertj.core.api.Assertions.fail;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.keys.Mutator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every control-interface decoder 12,000 inputs (fixed seed): byte and character mutations of
 * valid samples of every shape, and random JSON documents made of the shapes' field names with
 * values of every type. Each call must return a value or throw {@link DecodeException} (an {@link
 * InvalidCommandException} carrying an ack text, for requests), never anything else.
 */
class ControlDecoderFuzzTest {
  private static final int CASES = 12_000;

  private record Decoder(String name, Function<byte[], Object> decode, boolean request) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> decoders() {
    return Stream.of(
            new Decoder("ack", CommandCodec::decodeAck, false),
            new Decoder("la", CommandCodec::decodeStartActor, true),
            new Decoder("sa", CommandCodec::decodeStopActor, true),
            new Decoder("scale", CommandCodec::decodeScaleActor, true),
            new Decoder("upd", CommandCodec::decodeUpdateActor, true),
            new Decoder("lp", CommandCodec::decodeStartProvider, true),
            new Decoder("sp", CommandCodec::decodeStopProvider, true),
            new Decoder("stop", CommandCodec::decodeStopHost, true),
            new Decoder("linkdefs.put", CommandCodec::decodeLinkPut, true),
            new Decoder("linkdefs.del", CommandCodec::decodeLinkDelete, true),
            new Decoder("auction.actor", AuctionCodec::decodeActorRequest, true),
            new Decoder("auction.provider", AuctionCodec::decodeProviderRequest, true),
            new Decoder("actor bid", AuctionCodec::decodeActorAck, false),
            new Decoder("provider bid", AuctionCodec::decodeProviderAck, false),
            new Decoder("registries.put", RegistryCredentialCodec::decode, true),
            new Decoder("host", HostCodec::decodeHost, false),
            new Decoder("inventory", HostCodec::decodeInventory, false),
            new Decoder("claims", LatticeDataCodec::decodeClaims, false),
            new Decoder("refmap", LatticeDataCodec::decodeRefMap, false),
            new Decoder("claims reply", LatticeDataCodec::decodeClaimsReply, false),
            new Decoder("links reply", LatticeDataCodec::decodeLinksReply, false),
            new Decoder("host_config.json", HostConfigFileCodec::decode, false))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("decoders")
  @Timeout(60)
  void everyInputDecodesOrFailsWithADecodeException(Decoder decoder) {
    List<byte[]> seeds = seeds();
    Random random = new Random(0x7e11 ^ decoder.name().hashCode());
    Mutator mutator = new Mutator(random.nextLong());
    JsonNoise noise = new JsonNoise(random);
    for (int i = 0; i < CASES; i++) {
      byte[] input =
          switch (i % 3) {
            case 0 -> mutator.mutate(seeds.get(random.nextInt(seeds.size())));
            case 1 ->
                mutator
                    .mutate(
                        new String(seeds.get(random.nextInt(seeds.size())), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            default -> noise.document().getBytes(StandardCharsets.UTF_8);
          };
      try {
        decoder.decode().apply(input);
      } catch (InvalidCommandException e) {
        if (e.ackError() == null || e.ackError().isEmpty()) {
          fail("no ack text for " + Mutator.describe(input));
        }
      } catch (DecodeException e) {
        if (decoder.request()) {
          fail("a request decoder threw a plain DecodeException for " + Mutator.describe(input), e);
        }
      } catch (RuntimeException | StackOverflowError e) {
        fail(decoder + " threw " + e + " for " + Mutator.describe(input), e);
      }
    }
  }

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(CommandCodec.encode(CtlOperationAck.failure("x")));
    seeds.add(
        CommandCodec.encode(
            new StartActorCommand(
                "wasmcloud.azurecr.io/echo:0.3.4", 3, Keys.HOST, Map.of("a", "b"))));
    seeds.add(CommandCodec.encode(new StopActorCommand(Keys.ECHO, 1, Keys.HOST, Map.of("a", "b"))));
    seeds.add(CommandCodec.encode(new ScaleActorCommand(Keys.ECHO, "r", 2, Keys.HOST, Map.of())));
    seeds.add(CommandCodec.encode(new UpdateActorCommand(Keys.ECHO, Keys.HOST, "r:2", Map.of())));
    seeds.add(
        CommandCodec.encode(
            new StartProviderCommand("r", "default", Keys.HOST, Map.of("k", "v"), "{\"a\":1}")));
    seeds.add(
        CommandCodec.encode(
            new StopProviderCommand(Keys.HTTPSERVER, "default", "wasmcloud:httpserver", "", null)));
    seeds.add(CommandCodec.encode(new StopHostCommand(Keys.HOST, 500L)));
    seeds.add(
        CommandCodec.encode(new LinkDeleteRequest(Keys.ECHO, "wasmcloud:httpserver", "default")));
    seeds.add(
        AuctionCodec.encode(
            new ProviderAuctionAck("r", "default", Keys.HOST, Map.of("zone", "east"))));
    seeds.add(
        RegistryCredentialCodec.encode(
            new RegistryCredentialMap(
                Map.of(
                    "ghcr.io",
                    new RegistryCredential(RegistryType.OCI, "u", Secret.of("p"), null)))));
    seeds.add(HostCodecTest.INVENTORY_SAMPLE.getBytes(StandardCharsets.UTF_8));
    seeds.add(
        LatticeDataCodec.encode(
            new ClaimsRecord(
                Keys.ECHO, Keys.ACCOUNT, "Echo", "", "a:b", "1", "t", "1.0", "", "{}")));
    seeds.add(HostConfigFileCodec.encode(HostConfigFile.defaults()));
    return seeds;
  }
}
