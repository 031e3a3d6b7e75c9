package dev.trellis.interfaces.par;

import static org.assertj.core.api.Assertions.fail;

import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.Mutator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated and random archives: reading returns an archive or throws {@link ArchiveException}; using
 * a read archive throws only {@link ArchiveException} or {@link ClaimsException}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProviderArchiveFuzzTest {
  private static final int RUNS = 12_000;
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @Test
  void readerOnlyThrowsArchiveExceptions() {
    Mutator mutator = new Mutator(0x5eed_0004L);
    ProviderArchive archive =
        ProviderArchive.builder()
            .withCapabilityId("wasmcloud:keyvalue")
            .withVendor("fuzz")
            .addTarget("x86_64-linux", "linux binary".getBytes(StandardCharsets.UTF_8))
            .addTarget("aarch64-macos", "mac binary".getBytes(StandardCharsets.UTF_8))
            .withIssuer(KeyPair.fromRawSeed(KeyType.ACCOUNT, new byte[32]))
            .withSubject(KeyPair.fromRawSeed(KeyType.SERVICE, new byte[32]))
            .withClock(CLOCK)
            .build();
    byte[][] seeds = {archive.toBytes(false), archive.toBytes(true)};
    for (int i = 0; i < RUNS; i++) {
      // Mostly plain tars: a mutated gzip stream rarely gets past its CRC.
      byte[] input = mutator.mutate(seeds[i % 5 == 0 ? 1 : 0]);
      try {
        ProviderArchive read = ProviderArchive.read(input, 1 << 20);
        read.targets();
        if (!read.jwt().equals(archive.jwt())) {
          // An unchanged token is known to verify; checking it again only costs time.
          read.verifyClaims(CLOCK);
        }
        for (String target : read.targets()) {
          read.binary(target);
        }
      } catch (ArchiveException | ClaimsException expected) {
        // the documented outcomes for a bad archive
      } catch (RuntimeException e) {
        fail("archive " + Mutator.describe(input) + " threw " + e, e);
      }
    }
  }
}
