package dev.trellis.interfaces.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ed25519SelectionTest {
  @Test
  void autoPrefersLibsodiumWhichLoadsAndPassesItsSelfTest() {
    Ed25519Engine libsodium = Engines.LIBSODIUM.get();
    assertThat(libsodium.name()).startsWith("libsodium 1.");
    assertThat(Ed25519.select("auto")).isSameAs(libsodium);
    assertThat(Ed25519.select("")).isSameAs(libsodium);
    assertThat(Ed25519.select(" LibSodium ")).isSameAs(libsodium);
  }

  @Test
  void bouncyCastleCanBeForced() {
    assertThat(Ed25519.select("bouncycastle")).isSameAs(BouncyCastleEngine.INSTANCE);
    assertThat(BouncyCastleEngine.INSTANCE).hasToString("BouncyCastle");
  }

  @Test
  void anUnknownValueSaysWhatIsAllowed() {
    assertThatThrownBy(() -> Ed25519.select("sodium"))
        .isInstanceOf(Ed25519EngineException.class)
        .hasMessage(
            "failed to select the Ed25519 engine: unknown trellis.ed25519 value \"sodium\"; use"
                + " auto, libsodium or bouncycastle");
  }

  @Test
  void aMissingLibrarySaysHowToInstallIt() {
    assertThatThrownBy(() -> LibsodiumEngine.create(List.of("trellis-no-such-library")))
        .isInstanceOf(Ed25519EngineException.class)
        .hasMessage(
            "failed to load libsodium: no library named trellis-no-such-library could be loaded;"
                + " install libsodium (Debian/Ubuntu: apt-get install libsodium23; Alpine, Fedora,"
                + " Homebrew: the libsodium package)");
  }

  @Test
  void theCurrentEngineIsTheSelectedOne() {
    String property = System.getProperty(Ed25519Engine.PROPERTY, "auto");
    assertThat(Ed25519Engine.current()).isSameAs(Ed25519.select(property));
    assertThat(Ed25519Engine.current().name()).isIn(Engines.LIBSODIUM.get().name(), "BouncyCastle");
  }
}
