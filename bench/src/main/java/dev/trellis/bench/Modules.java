package dev.trellis.bench;

import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.ModuleSigner;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads modules of the signed actor corpus (actors/wasm-corpus) and signs generated ones. */
final class Modules {
  /** The account that signs every module generated in a run. */
  private static final KeyPair ACCOUNT = KeyPair.generate(KeyType.ACCOUNT);

  private Modules() {}

  static byte[] read(String name) {
    Path root = Path.of(System.getProperty("trellis.root", "."));
    try {
      return Files.readAllBytes(root.resolve("actors/wasm-corpus").resolve(name + ".wasm"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "failed to read actor " + name + ": " + e.getMessage() + "; run from the repo root", e);
    }
  }

  /**
   * {@code module} signed as actor {@code moduleKey} (a new key when null) with the httpserver
   * capability, so providers may invoke it.
   */
  static byte[] sign(byte[] module, String name, KeyPair moduleKey) {
    return ModuleSigner.builder()
        .withAccount(ACCOUNT)
        .withModule(moduleKey != null ? moduleKey : KeyPair.generate(KeyType.MODULE))
        .withMetadata(
            ActorMetadata.builder()
                .withName(name)
                .withCaps(List.of("wasmcloud:httpserver"))
                .withTags(List.of("bench"))
                .build())
        .build()
        .sign(module);
  }
}
