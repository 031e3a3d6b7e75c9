package dev.trellis.interfaces.event;

import static org.assertj.core.api.Assertions.fail;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.control.JsonNoise;
import dev.trellis.interfaces.keys.Mutator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the event decoder 20,000 inputs (fixed seed): mutations of every sample event and random
 * JSON, half of them wrapped in a valid envelope of a random known type so the typed data readers
 * see them too. Each call must return a value or throw {@link DecodeException}.
 */
class EventDecoderFuzzTest {
  private static final int CASES = 20_000;

  @Test
  @Timeout(60)
  void everyInputDecodesOrFailsWithADecodeException() {
    List<byte[]> seeds =
        SampleEvents.all().stream()
            .map(s -> EventCodec.encode(s.event(), SampleEvents.HOST, Clock.systemUTC()))
            .toList();
    List<String> types = SampleEvents.all().stream().map(s -> s.event().eventType()).toList();
    Random random = new Random(0xE7E47);
    Mutator mutator = new Mutator(random.nextLong());
    JsonNoise noise = new JsonNoise(random);
    for (int i = 0; i < CASES; i++) {
      byte[] input =
          switch (i % 4) {
            case 0 -> mutator.mutate(seeds.get(random.nextInt(seeds.size())));
            case 1 ->
                mutator
                    .mutate(
                        new String(seeds.get(random.nextInt(seeds.size())), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> noise.document().getBytes(StandardCharsets.UTF_8);
            default ->
                ("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"N\",\"type\":"
                        + "\"com.wasmcloud.lattice."
                        + types.get(random.nextInt(types.size()))
                        + "\",\"data\":"
                        + noise.document()
                        + "}")
                    .getBytes(StandardCharsets.UTF_8);
          };
      try {
        CloudEvent event = EventCodec.decode(input);
        if (EventCodec.isKnown(event.eventType())) {
          EventCodec.toEvent(event);
        }
      } catch (DecodeException e) {
        // expected for most inputs
      } catch (RuntimeException | StackOverflowError e) {
        fail("threw " + e + " for " + Mutator.describe(input), e);
      }
    }
  }
}
