package dev.trellis.interfaces.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleClaimsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  private static final KeyPair ACCOUNT = KeyPair.generate(KeyType.ACCOUNT);
  private static final KeyPair MODULE = KeyPair.generate(KeyType.MODULE);

  private static ModuleSigner signer(ActorMetadata metadata) {
    return ModuleSigner.builder()
        .withAccount(ACCOUNT)
        .withModule(MODULE)
        .withMetadata(metadata)
        .withClock(CLOCK)
        .build();
  }

  private static final ActorMetadata ECHO =
      ActorMetadata.builder()
          .withName("Echo")
          .addCap("wasmcloud:httpserver")
          .withTags(List.of())
          .withRevision(4)
          .withVersion("0.3.4")
          .withCallAlias("Wasmcloud Echo-Actor.v1")
          .build();

  @Test
  void signReadHashValidateRoundTrip() {
    byte[] module = TestModules.tiny("hello");
    byte[] signed = signer(ECHO).sign(module);

    assertThat(Arrays.copyOf(signed, module.length)).isEqualTo(module);
    List<WasmSections.Section> sections = WasmSections.parse(signed);
    assertThat(sections.get(sections.size() - 1).customName()).isEqualTo("wasmcloud_jwt");
    assertThat(ModuleClaims.computeHash(signed))
        .isEqualTo(ModuleClaims.computeHash(module))
        .isEqualTo(ModuleClaims.sha256Hex(module));
    assertThat(ModuleClaims.strip(signed)).isEqualTo(module);

    String jwt = ModuleClaims.extractJwt(signed).orElseThrow();
    VerifiedModule verified = ModuleClaims.verify(signed, CLOCK);
    assertThat(verified.jwt()).isEqualTo(jwt);
    assertThat(verified.actorKey()).isEqualTo(MODULE.publicKey());
    assertThat(verified.claims().issuer()).isEqualTo(ACCOUNT.publicKey());
    assertThat(verified.claims().wascapRevision()).isEqualTo(3);
    assertThat(verified.metadata().hash()).isEqualTo(ModuleClaims.computeHash(module));
    assertThat(verified.metadata().caps()).containsExactly("wasmcloud:httpserver");
    assertThat(verified.metadata().callAlias()).isEqualTo("wasmcloud_echo_actor_v1");
    assertThat(verified.hashMatches()).isTrue();
    assertThat(verified.hashEnforced()).isTrue();
    assertThat(verified.hashWarning()).isEmpty();
  }

  @Test
  void resigningReplacesTheOldSection() {
    byte[] once = signer(ECHO).sign(TestModules.tiny("x"));
    KeyPair otherModule = KeyPair.generate(KeyType.MODULE);
    byte[] twice =
        ModuleSigner.builder()
            .withAccount(ACCOUNT)
            .withModule(otherModule)
            .withClock(CLOCK)
            .build()
            .sign(once);
    assertThat(WasmSections.parse(twice).stream().filter(WasmSections.Section::isJwt)).hasSize(1);
    VerifiedModule verified = ModuleClaims.verify(twice, CLOCK);
    assertThat(verified.actorKey()).isEqualTo(otherModule.publicKey());
    assertThat(verified.metadata().caps()).isEmpty();
  }

  @Test
  void legacyJwtSectionAnywhereIsFoundAndExcludedFromTheHash() {
    byte[] module = TestModules.tiny("legacy");
    byte[] signed = signer(ECHO).sign(module);
    String jwt = ModuleClaims.extractJwt(signed).orElseThrow();
    // Move the token into a leading "jwt" section, as wascap 0.8 could have written it.
    byte[] legacy = TestModules.withLeadingCustom(module, "jwt", jwt);
    assertThat(ModuleClaims.extractJwt(legacy)).contains(jwt);
    assertThat(ModuleClaims.computeHash(legacy)).isEqualTo(ModuleClaims.computeHash(module));
    assertThat(ModuleClaims.verify(legacy, CLOCK).hashMatches()).isTrue();

    // The first of two sections wins.
    byte[] two = TestModules.withLeadingCustom(signed, "jwt", "first");
    assertThat(ModuleClaims.extractJwt(two)).contains("first");
  }

  @Test
  void alteredModuleIsRejectedAtRevision3() {
    byte[] signed = signer(ECHO).sign(TestModules.tiny("hello"));
    byte[] altered = signed.clone();
    int at = indexOf(altered, "hello".getBytes());
    altered[at] = 'j';
    assertThatThrownBy(() -> ModuleClaims.verify(altered, CLOCK))
        .isInstanceOf(HashMismatchException.class)
        .hasMessageContaining("the module was altered after signing")
        .extracting(e -> ((ClaimsException) e).wascapText())
        .isEqualTo("Invalid module hash");
  }

  @Test
  void alteredModuleIsOnlyReportedBeforeRevision3() {
    byte[] module = TestModules.tiny("hello");
    Claims<ActorMetadata> claims =
        Claims.builder(ECHO)
            .withIssuer(ACCOUNT.publicKey())
            .withSubject(MODULE.publicKey())
            .withWascapRevision(null)
            .withClock(CLOCK)
            .build();
    byte[] signed = ModuleClaims.embed(module, claims, ACCOUNT);
    byte[] altered = signed.clone();
    altered[indexOf(altered, "hello".getBytes())] = 'j';
    VerifiedModule verified = ModuleClaims.verify(altered, CLOCK);
    assertThat(verified.hashMatches()).isFalse();
    assertThat(verified.hashEnforced()).isFalse();
    assertThat(verified.hashWarning())
        .get()
        .asString()
        .contains("module hash mismatch for actor " + MODULE.publicKey())
        .contains("wascap_revision is absent");
  }

  @Test
  void tokenFailuresSurfaceAsTypedExceptions() {
    byte[] module = TestModules.tiny("hello");
    byte[] expired =
        ModuleSigner.builder()
            .withAccount(ACCOUNT)
            .withModule(MODULE)
            .withClock(CLOCK)
            .withExpires(CLOCK.instant().minusSeconds(1))
            .build()
            .sign(module);
    assertThatThrownBy(() -> ModuleClaims.verify(expired, CLOCK))
        .isInstanceOf(TokenExpiredException.class);

    byte[] early =
        ModuleSigner.builder()
            .withAccount(ACCOUNT)
            .withModule(MODULE)
            .withClock(CLOCK)
            .withNotBefore(CLOCK.instant().plusSeconds(60))
            .build()
            .sign(module);
    assertThatThrownBy(() -> ModuleClaims.verify(early, CLOCK))
        .isInstanceOf(TokenNotYetValidException.class);

    // Re-embed a token signed by someone else under the account's name.
    byte[] signed = signer(ECHO).sign(module);
    String jwt = ModuleClaims.extractJwt(signed).orElseThrow();
    String[] parts = jwt.split("\\.");
    KeyPair mallory = KeyPair.generate(KeyType.ACCOUNT);
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mallory.sign((parts[0] + "." + parts[1]).getBytes()));
    byte[] forgedModule = WasmSections.appendCustom(module, "wasmcloud_jwt", forged.getBytes());
    assertThatThrownBy(() -> ModuleClaims.verify(forgedModule, CLOCK))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void unsignedAndMalformedModulesAreRejected() {
    byte[] module = TestModules.tiny("x");
    assertThat(ModuleClaims.extractJwt(module)).isEmpty();
    assertThatThrownBy(() -> ModuleClaims.verify(module, CLOCK))
        .isInstanceOf(UnsignedModuleException.class)
        .hasMessageContaining("no jwt or wasmcloud_jwt custom section");

    assertMalformed(new byte[] {0, 'a', 's'}, "shorter than the 8-byte header");
    assertMalformed(new byte[] {1, 2, 3, 4, 1, 0, 0, 0}, "no \\0asm magic number");
    assertMalformed(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0}, "components are not supported");
    byte[] truncated = Arrays.copyOf(module, module.length - 1);
    assertMalformed(truncated, "declares");
    byte[] longLeb = Arrays.copyOf(WasmSections.HEADER, 14);
    Arrays.fill(longLeb, 9, 14, (byte) 0xff);
    assertMalformed(longLeb, "LEB128");
    byte[] badName = Arrays.copyOf(WasmSections.HEADER, 12);
    badName[8] = 0;
    badName[9] = 2;
    badName[10] = 5;
    badName[11] = 'a';
    assertMalformed(badName, "name longer than the section");
  }

  @Test
  void signerRequiresTheRightKeys() {
    assertThatThrownBy(() -> ModuleSigner.builder().withAccount(MODULE).withModule(MODULE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("account key pair");
    assertThatThrownBy(
            () -> ModuleSigner.builder().withAccount(ACCOUNT).withModule(ACCOUNT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("module key");
  }

  private static void assertMalformed(byte[] module, String message) {
    assertThatThrownBy(() -> ModuleClaims.extractJwt(module))
        .isInstanceOf(MalformedModuleException.class)
        .hasMessageContaining(message);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
