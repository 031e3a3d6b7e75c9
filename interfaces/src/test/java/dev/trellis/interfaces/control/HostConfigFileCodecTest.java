package dev.trellis.interfaces.control;

import static dev.trellis.interfaces.control.JsonAssert.bytes;
import static dev.trellis.interfaces.control.JsonAssert.keys;
import static dev.trellis.interfaces.control.JsonAssert.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostConfigFileCodecTest {
  private static final String CLUSTER_SEED =
      "SCANNTAX2NLIZCXFCHLU6JVCOHCQVUJ4RCAPQ7WDL5WTHZ4UKYY3WFLOGI";

  @TempDir Path dir;

  private static HostConfigFile sample() {
    return HostConfigFile.builder()
        .withLatticePrefix("lab")
        .withCtl(new NatsEndpoint("10.0.0.1", 4223, "eyJ.ctl", Secret.of("SUCTL"), true))
        .withRpc(new NatsEndpoint("10.0.0.2", 4224, "", Secret.empty(), false))
        .withClusterSeed(Secret.of(CLUSTER_SEED))
        .withClusterKey(Keys.CLUSTER)
        .withClusterIssuers(List.of(Keys.CLUSTER, "COTHER"))
        .withJsDomain("core")
        .withAllowedInsecure(List.of("localhost:5000"))
        .build();
  }

  @Test
  void writesEveryKeyWithIssuersAsAnArrayAndReadsItBack() {
    Path file = dir.resolve("nested/.wash/host_config.json");
    HostConfigFileCodec.write(file, sample());
    JsonNode json = tree(bytes(readString(file)));

    assertThat(keys(json))
        .contains(
            "lattice_prefix",
            "ctl_host",
            "ctl_port",
            "ctl_jwt",
            "ctl_seed",
            "ctl_tls",
            "rpc_host",
            "rpc_port",
            "rpc_jwt",
            "rpc_seed",
            "rpc_tls",
            "rpc_timeout_ms",
            "prov_rpc_host",
            "prov_rpc_port",
            "prov_rpc_jwt",
            "prov_rpc_seed",
            "prov_rpc_tls",
            "cluster_seed",
            "cluster_key",
            "cluster_issuers",
            "js_domain")
        .doesNotContain("host_seed", "host_key", "labels");
    assertThat(json.get("cluster_issuers").isArray()).isTrue();
    assertThat(json.get("cluster_seed").asText()).isEqualTo(CLUSTER_SEED);
    assertThat(json.get("ctl_port").asInt()).isEqualTo(4223);
    assertThat(HostConfigFileCodec.read(file)).isEqualTo(sample());
  }

  @Test
  void theFileIsForItsOwnerOnly() throws Exception {
    Path file = dir.resolve("host_config.json");
    HostConfigFileCodec.write(file, sample());

    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void seedsNeverShowInToString() {
    assertThat(sample().toString()).doesNotContain(CLUSTER_SEED).doesNotContain("SUCTL");
  }

  @Test
  void readsOtpsFileWithDefaultsForWhatIsMissing() {
    HostConfigFile c =
        HostConfigFileCodec.decode(
            bytes(
                "{\"lattice_prefix\":\"default\",\"prov_rpc_tls\":0,\"cluster_issuers\":\"C1,C2\","
                    + "\"js_domain\":null,\"host_seed\":\"SNxx\",\"rpc_port\":4222}"));

    assertThat(c.ctl()).isEqualTo(NatsEndpoint.DEFAULT);
    assertThat(c.provRpc().tls()).isFalse();
    assertThat(c.clusterIssuers()).containsExactly("C1", "C2");
    assertThat(c.jsDomain()).isNull();
    assertThat(c.rpcTimeoutMs()).isEqualTo(2000);
    assertThat(c.ctlTopicPrefix()).isEqualTo("wasmbus.ctl");
    assertThat(HostConfigFileCodec.decode(bytes("{}"))).isEqualTo(HostConfigFile.defaults());
  }

  @Test
  void defaultPathHonoursHostConfig() {
    Path home = Path.of("home");
    assertThat(HostConfigFileCodec.defaultPath(Map.of(), home))
        .isEqualTo(home.resolve(".wash/host_config.json"));
    assertThat(HostConfigFileCodec.defaultPath(Map.of("HOST_CONFIG", "x/y.json"), home))
        .isEqualTo(Path.of("x/y.json"));
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
