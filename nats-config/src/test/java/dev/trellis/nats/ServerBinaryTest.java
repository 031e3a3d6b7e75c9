package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBinaryTest {
  @TempDir Path dir;

  @Test
  void prefersNatsServerBinFromTheEnvironment() throws IOException {
    Path chosen = executable(dir.resolve("custom/nats-server"));
    executable(dir.resolve("onpath/nats-server"));

    Path found =
        ServerBinary.resolve(
            Map.of("NATS_SERVER_BIN", chosen.toString(), "PATH", dir.resolve("onpath").toString()));

    assertThat(found).isEqualTo(chosen);
  }

  @Test
  void searchesPathInOrder() throws IOException {
    Path first = executable(dir.resolve("a/nats-server"));
    executable(dir.resolve("b/nats-server"));
    String path = dir.resolve("missing") + ":" + dir.resolve("a") + ":" + dir.resolve("b");

    assertThat(ServerBinary.resolve(Map.of("PATH", path))).isEqualTo(first);
  }

  @Test
  void skipsFilesThatAreNotExecutable() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/nats-server"), "not executable");
    Path second = executable(dir.resolve("b/nats-server"));

    Path found = ServerBinary.resolve(Map.of("PATH", dir.resolve("a") + ":" + dir.resolve("b")));

    assertThat(found).isEqualTo(second);
  }

  @Test
  void aBadNatsServerBinIsAnErrorNotAFallback() throws IOException {
    executable(dir.resolve("onpath/nats-server"));
    Map<String, String> env =
        Map.of(
            "NATS_SERVER_BIN",
            dir.resolve("nope").toString(),
            "PATH",
            dir.resolve("onpath").toString());

    assertThatThrownBy(() -> ServerBinary.resolve(env))
        .isInstanceOf(NatsServerNotFoundException.class)
        .hasMessageContaining("NATS_SERVER_BIN=" + dir.resolve("nope"))
        .hasMessageContaining("apt-get install nats-server");
  }

  @Test
  void explicitBinaryMustBeExecutable() {
    assertThatThrownBy(() -> ServerBinary.check(dir.resolve("nats-server")))
        .isInstanceOf(NatsServerNotFoundException.class)
        .hasMessageStartingWith("failed to find nats-server: " + dir.resolve("nats-server"));
  }

  @Test
  void missingEverywhereNamesBothPlacesAndHowToInstall() {
    Map<String, String> env = Map.of("PATH", dir.resolve("bin").toString());

    assertThatThrownBy(() -> ServerBinary.resolve(env, List.of(dir.resolve("sbin"))))
        .isInstanceOf(NatsServerNotFoundException.class)
        .hasMessage(
            "failed to find nats-server: NATS_SERVER_BIN is not set and no nats-server is on PATH"
                + " or in ["
                + dir.resolve("sbin")
                + "]; install it with 'apt-get install nats-server' (Debian/Ubuntu) or from"
                + " https://github.com/nats-io/nats-server/releases, or set NATS_SERVER_BIN to its"
                + " path");
  }

  private static Path executable(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/bin/sh\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }
}
