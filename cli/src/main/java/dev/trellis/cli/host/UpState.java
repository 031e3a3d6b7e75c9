package dev.trellis.cli.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trellis.cli.CliException;
import dev.trellis.cli.TrellisHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code trellis up -d} leaves for {@code trellis down}, in {@code $TRELLIS_HOME/downloads}
 * (wash keeps its pid files and logs there): {@code host.pid} and {@code nats.pid} (the process
 * ids, one line each; {@code nats.pid} only when up started the server), {@code up.json} (host id,
 * lattice, addresses) and the logs {@code trellis-host.log} and {@code nats-server.log}.
 */
final class UpState {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  private UpState(Path dir) {
    this.dir = dir;
  }

  static UpState in(TrellisHome home) {
    return new UpState(home.root().resolve("downloads"));
  }

  Path dir() {
    return dir;
  }

  Path hostPidFile() {
    return dir.resolve("host.pid");
  }

  Path natsPidFile() {
    return dir.resolve("nats.pid");
  }

  Path infoFile() {
    return dir.resolve("up.json");
  }

  Path hostLog() {
    return dir.resolve("trellis-host.log");
  }

  Path natsLog() {
    return dir.resolve("nats-server.log");
  }

  /** The host process recorded by {@code up -d}, if it is still alive and still a JVM. */
  Optional<ProcessHandle> liveHost() {
    return pid(hostPidFile()).flatMap(pid -> alive(pid, "java"));
  }

  /** The nats-server recorded by {@code up -d}, if it is still alive and still nats-server. */
  Optional<ProcessHandle> liveNats() {
    return pid(natsPidFile()).flatMap(pid -> alive(pid, "nats-server"));
  }

  Optional<Long> hostPid() {
    return pid(hostPidFile());
  }

  Optional<Long> natsPid() {
    return pid(natsPidFile());
  }

  /** The facts {@code up -d} recorded, if any. */
  Optional<JsonNode> info() {
    try {
      return Files.isRegularFile(infoFile())
          ? Optional.ofNullable(JSON.readTree(infoFile().toFile()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Records a started host (and the nats-server it started, if any). */
  void write(long hostPid, Long natsPid, Map<String, Object> info) {
    try {
      Files.createDirectories(dir);
      Files.writeString(infoFile(), JSON.writeValueAsString(info) + "\n");
      if (natsPid != null) {
        Files.writeString(natsPidFile(), natsPid + "\n");
      } else {
        Files.deleteIfExists(natsPidFile());
      }
      // written last: its presence means the host is up
      Files.writeString(hostPidFile(), hostPid + "\n");
    } catch (IOException e) {
      throw new CliException("failed to record the host in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the pid files and {@code up.json} (the logs stay). */
  void clear() {
    try {
      Files.deleteIfExists(hostPidFile());
      Files.deleteIfExists(natsPidFile());
      Files.deleteIfExists(infoFile());
    } catch (IOException e) {
      throw new CliException("failed to remove the pid files in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the files only when {@code host.pid} still names {@code pid}. */
  void clearIfOwner(long pid) {
    if (hostPid().filter(p -> p == pid).isPresent()) {
      clear();
    }
  }

  /** The last {@code lines} lines of {@code file}, for error messages. */
  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static Optional<Long> pid(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The process {@code pid} if it lives and its command mentions {@code command}. */
  private static Optional<ProcessHandle> alive(long pid, String command) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().command().map(c -> c.contains(command)).orElse(true)
                    || p.info().commandLine().map(c -> c.contains(command)).orElse(false));
  }
}
