package dev.trellis.interfaces.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing (Jazzer) of every decoder in {@link FuzzTargets}: the first byte of an
 * input picks the decoder, the rest is its input.
 *
 * <p>{@code ./mvnw verify} runs this twice. The ordinary test run replays the committed inputs in
 * {@code src/test/resources/dev/trellis/interfaces/fuzz/EveryDecoderFuzzTestInputs/everyDecoder}
 * (the seed corpus from {@link Samples} and every past finding) as a regression test. The {@code
 * fuzz} execution of surefire (interfaces/pom.xml) then fuzzes for a bounded time with {@code
 * JAZZER_FUZZ=1}: {@code -Dfuzz.seconds=N} (default 30), {@code -Dfuzz.skip} to leave it out. A
 * finding fails the build and is written under {@code target/jazzer}; fix the decoder and move the
 * file into the inputs directory above, where it stays as a regression test.
 */
class EveryDecoderFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void everyDecoder(byte[] input) {
    if (input.length == 0) {
      return;
    }
    FuzzTargets.run(FuzzTargets.select(input[0]), Arrays.copyOfRange(input, 1, input.length));
  }
}
