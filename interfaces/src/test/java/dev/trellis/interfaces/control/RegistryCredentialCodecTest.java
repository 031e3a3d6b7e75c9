package dev.trellis.interfaces.control;

import static dev.trellis.interfaces.control.JsonAssert.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryCredentialCodecTest {

  @Test
  void dropsIncompleteEntriesAndKeepsSecretsOutOfToString() {
    RegistryCredentialMap map =
        RegistryCredentialCodec.decode(
            bytes(
                """
                {"https://ghcr.io/org": {"registryType":"oci","username":"u","password":"hunter2"},
                 "bindle://user@bindle.example.com": {"registryType":"bindle","token":"tok3n"},
                 "no-type.example.com": {"username":"u"},
                 "no-creds.example.com": {"registryType":"oci"},
                 "gone.example.com": null}
                """));

    assertThat(map.credentials())
        .containsOnlyKeys("https://ghcr.io/org", "bindle://user@bindle.example.com");
    assertThat(map.byServer()).containsOnlyKeys("ghcr.io", "bindle.example.com");
    assertThat(map.byServer().get("ghcr.io").password().reveal()).isEqualTo("hunter2");
    assertThat(map.toString()).doesNotContain("hunter2").doesNotContain("tok3n");
    assertThat(RegistryCredentialCodec.decode(RegistryCredentialCodec.encode(map))).isEqualTo(map);
  }

  @Test
  void anUnknownRegistryTypeFailsWithOtpsText() {
    assertThatThrownBy(
            () ->
                RegistryCredentialCodec.decode(
                    bytes("{\"r.example\":{\"registryType\":\"docker\",\"password\":\"pw\"}}")))
        .isInstanceOfSatisfying(
            InvalidCommandException.class,
            e -> assertThat(e.ackError()).isEqualTo("Failed to update registry credential map"))
        .hasMessageContaining("r.example.registryType")
        .hasMessageNotContaining("pw");
  }

  @Test
  void serverNamesFollowOtp() {
    assertThat(RegistryCredential.serverName("oci://localhost:5000/x/y", RegistryType.OCI))
        .isEqualTo("localhost:5000");
    assertThat(RegistryCredential.serverName("wasmcloud.azurecr.io", RegistryType.OCI))
        .isEqualTo("wasmcloud.azurecr.io");
    assertThat(RegistryCredential.serverName("bindle://me@host:8080", RegistryType.BINDLE))
        .isEqualTo("host:8080");
    assertThat(
            new RegistryCredential(RegistryType.OCI, null, Secret.empty(), null).hasCredentials())
        .isFalse();
    assertThat(RegistryCredentialCodec.decode(bytes("{}")))
        .isEqualTo(new RegistryCredentialMap(Map.of()));
  }
}
