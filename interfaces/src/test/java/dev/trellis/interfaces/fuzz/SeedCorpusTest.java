package dev.trellis.interfaces.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The seed corpus of {@link EveryDecoderFuzzTest}: every target has committed seeds, and every
 * sample runs through its target cleanly. With {@code -Dfuzz.writeSeeds=<dir>} it (re)writes the
 * seeds into {@code dir}.
 */
class SeedCorpusTest {
  private static final String INPUTS = "EveryDecoderFuzzTestInputs/everyDecoder";

  @Test
  void everyTargetHasCommittedSeeds() throws IOException, URISyntaxException {
    URL url = SeedCorpusTest.class.getResource(INPUTS);
    assertThat(url).as("the committed seed corpus").isNotNull();
    Set<Integer> covered;
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      covered =
          files
              .map(SeedCorpusTest::read)
              .filter(b -> b.length > 0)
              .map(b -> FuzzTargets.select(b[0]).id())
              .collect(Collectors.toSet());
    }
    assertThat(covered).containsAll(FuzzTargets.ALL.stream().map(FuzzTargets.Target::id).toList());
  }

  @Test
  void everySampleRunsThroughItsTargetCleanly() {
    for (FuzzTargets.Target target : FuzzTargets.ALL) {
      List<byte[]> samples = Samples.forTarget(target.id());
      assertThat(samples).as(target.name()).isNotEmpty();
      for (byte[] sample : samples) {
        assertThatCode(() -> target.decoder().decode(sample))
            .as(target.name())
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = ".+")
  void writeSeeds() throws IOException {
    Path dir = Path.of(System.getProperty("fuzz.writeSeeds"));
    Files.createDirectories(dir);
    List<byte[]> corpus = Samples.corpus();
    for (int i = 0; i < corpus.size(); i++) {
      byte[] seed = corpus.get(i);
      Files.write(dir.resolve(String.format("seed-%02d-%02d", seed[0], i)), seed);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
