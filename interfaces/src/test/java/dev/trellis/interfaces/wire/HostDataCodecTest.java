package dev.trellis.interfaces.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostDataCodecTest {
  private static final String HOST = "NAB2CB576PHBBPQ5ODORRZ2LYCMWPZGWGCN2KDK7DXOIMZASKUY3RSWB";
  private static final String PROVIDER = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M";
  private static final String ACTOR = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5";
  private static final String ISSUER = "CAB2CB576PHBBPQ5ODORRZ2LYCMWPZGWGCN2KDK7DXOIMZASKUY3R53J";
  private static final String SEED = "SCAAAAICAMCAKBQHBAEQUCYMBUHA6EARCIJRIFIWC4MBSGQ3DQOR4HYO7Q";
  private static final String LINK_ID = LinkId.of(ACTOR, "wasmcloud:httpserver", "default");

  /** The OTP 0.63 example of spec §6.2, compact, with full-length keys. */
  private static final String OTP_063 =
      "{\"host_id\":\""
          + HOST
          + "\",\"lattice_rpc_prefix\":\"default\",\"link_name\":\"default\","
          + "\"lattice_rpc_user_jwt\":\"\",\"lattice_rpc_user_seed\":\"\","
          + "\"lattice_rpc_url\":\"127.0.0.1:4222\",\"lattice_rpc_tls\":0,\"env_values\":{},"
          + "\"instance_id\":\"6f0c2b52-8c6e-4f1b-9b2e-0c1d2e3f4a5b\",\"provider_key\":\""
          + PROVIDER
          + "\",\"link_definitions\":[{\"id\":\""
          + LINK_ID
          + "\",\"actor_id\":\""
          + ACTOR
          + "\",\"provider_id\":\""
          + PROVIDER
          + "\",\"link_name\":\"default\",\"contract_id\":\"wasmcloud:httpserver\","
          + "\"values\":{\"ADDRESS\":\"0.0.0.0:8080\"}}],"
          + "\"config_json\":\"\",\"default_rpc_timeout_ms\":2000,\"cluster_issuers\":[\""
          + ISSUER
          + "\"],\"invocation_seed\":\""
          + SEED
          + "\",\"js_domain\":null,\"structured_logging\":false,\"log_level\":null}";

  @Test
  void decodesTheOtp063Example() {
    HostData d = HostDataCodec.fromJson(OTP_063);
    assertThat(d.hostId()).isEqualTo(HOST);
    assertThat(d.latticeRpcPrefix()).isEqualTo("default");
    assertThat(d.linkName()).isEqualTo("default");
    assertThat(d.latticeRpcUserSeed().isEmpty()).isTrue();
    assertThat(d.natsUrl()).isEqualTo("nats://127.0.0.1:4222");
    assertThat(d.latticeRpcTls()).isFalse();
    assertThat(d.providerKey()).isEqualTo(PROVIDER);
    assertThat(d.invocationSeed().reveal()).isEqualTo(SEED);
    assertThat(d.envValues()).isEmpty();
    assertThat(d.linkDefinitions())
        .containsExactly(
            new LinkDefinition(
                ACTOR,
                PROVIDER,
                "default",
                "wasmcloud:httpserver",
                Map.of("ADDRESS", "0.0.0.0:8080")));
    assertThat(d.clusterIssuers()).containsExactly(ISSUER);
    assertThat(d.configJson()).isEmpty();
    assertThat(d.rpcTimeout()).isEqualTo(Duration.ofMillis(2000));
    assertThat(d.jsDomain()).isNull();
    assertThat(d.logLevel()).isNull();
  }

  @Test
  void encodesExactlyAsOtpDoes() {
    assertThat(HostDataCodec.toJson(HostDataCodec.fromJson(OTP_063))).isEqualTo(OTP_063);
  }

  @Test
  void stdinLineIsPaddedBase64AndANewline() {
    HostData d = HostDataCodec.fromJson(OTP_063);
    String line = HostDataCodec.toStdinLine(d);
    assertThat(line).endsWith("\n").doesNotContain("\r");
    String b64 = line.substring(0, line.length() - 1);
    assertThat(b64.length() % 4).isZero();
    assertThat(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8))
        .isEqualTo(OTP_063);
    assertThat(HostDataCodec.fromStdinLine("  " + b64 + "\r\n")).isEqualTo(d);
  }

  @Test
  void acceptsTheOtp050FieldSet() {
    String json =
        "{\"host_id\":\"N1\",\"lattice_rpc_prefix\":\"default\",\"link_name\":\"default\","
            + "\"lattice_rpc_user_jwt\":\"\",\"lattice_rpc_user_seed\":\"\","
            + "\"lattice_rpc_url\":\"\",\"instance_id\":\"i\",\"provider_key\":\"V1\","
            + "\"link_definitions\":[],\"env_values\":{},\"cluster_issuers\":[\"C1\"],"
            + "\"invocation_seed\":\"SC1\",\"enable_structured_logging\":true}";
    HostData d = HostDataCodec.fromJson(json);
    assertThat(d.configJson()).isNull();
    assertThat(d.defaultRpcTimeoutMs()).isNull();
    assertThat(d.rpcTimeout()).isEqualTo(HostData.DEFAULT_RPC_TIMEOUT);
    assertThat(d.natsUrl()).isEqualTo(HostData.DEFAULT_NATS_URL);
    assertThat(d.structuredLogging()).isTrue();
  }

  @Test
  void toleratesUnknownKeysAndLenientOtpExtras() {
    String json =
        "{\"link_definitions\":[],\"env_values\":{},\"cluster_issuers\":[],"
            + "\"lattice_rpc_tls\":true,\"js_domain\":42,\"new_in_2030\":{\"x\":[1,2]}}";
    HostData d = HostDataCodec.fromJson(json);
    assertThat(d.latticeRpcTls()).isTrue();
    assertThat(d.jsDomain()).isNull();
    assertThat(d.hostId()).isEmpty();
    assertThat(HostDataCodec.fromJson(json.replace("true", "1")).latticeRpcTls()).isTrue();
  }

  @Test
  void requiresTheThreeCollections() {
    assertThatThrownBy(() -> HostDataCodec.fromJson("{\"env_values\":{},\"cluster_issuers\":[]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode HostData: field 'link_definitions' is missing");
    assertThatThrownBy(
            () ->
                HostDataCodec.fromJson(
                    "{\"env_values\":{},\"link_definitions\":[],\"cluster_issuers\":null}"))
        .hasMessage("failed to decode HostData: field 'cluster_issuers' is missing");
    assertThatThrownBy(() -> HostDataCodec.fromJson("{\"link_definitions\":[]}"))
        .hasMessage("failed to decode HostData: field 'env_values' is missing");
  }

  @Test
  void namesBadFieldsWithoutQuotingValues() {
    String base = "\"env_values\":{},\"cluster_issuers\":[],";
    assertThatThrownBy(
            () ->
                HostDataCodec.fromJson("{" + base + "\"link_definitions\":[{\"actor_id\":\"M\"}]}"))
        .hasMessage(
            "failed to decode HostData: field 'link_definitions[0].provider_id' is missing");
    assertThatThrownBy(
            () -> HostDataCodec.fromJson("{" + base + "\"link_definitions\":[],\"host_id\":7}"))
        .hasMessage("failed to decode HostData: field 'host_id' must be a string, found number");
    assertThatThrownBy(
            () ->
                HostDataCodec.fromJson(
                    "{" + base + "\"link_definitions\":[],\"default_rpc_timeout_ms\":-5}"))
        .hasMessage(
            "failed to decode HostData: field 'default_rpc_timeout_ms' must be a non-negative"
                + " integer, found number");
  }

  @Test
  void garbageBecomesAClearDecodeException() {
    assertThatThrownBy(() -> HostDataCodec.fromStdinLine(" \n"))
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "failed to decode HostData: the stdin line is empty; expected base64 of HostData JSON");
    assertThatThrownBy(() -> HostDataCodec.fromStdinLine("not base64!"))
        .hasMessage("failed to decode HostData: the stdin line is not standard base64");
    assertThatThrownBy(() -> HostDataCodec.fromStdinLine(b64("[1,2]")))
        .hasMessage("failed to decode HostData: expected a JSON object, found array");
    assertThatThrownBy(() -> HostDataCodec.fromStdinLine(b64("{\"a\":")))
        .hasMessageStartingWith("failed to decode HostData: not valid JSON at line 1");
    assertThatThrownBy(() -> HostDataCodec.fromJson("{} trailing"))
        .hasMessageStartingWith("failed to decode HostData: not valid JSON");
  }

  @Test
  void seedsNeverAppearInMessagesOrToString() {
    String broken = "{\"invocation_seed\":\"" + SEED + "\", " + SEED + "}";
    assertThatThrownBy(() -> HostDataCodec.fromJson(broken))
        .isInstanceOf(DecodeException.class)
        .hasNoCause()
        .message()
        .doesNotContain(SEED)
        .doesNotContain("SCAAA");
    HostData d =
        HostData.builder()
            .withHostId(HOST)
            .withInvocationSeed(Secret.of(SEED))
            .withLatticeRpcUserSeed(Secret.of("SUAAAAAAAA"))
            .withConfigJson("{\"password\":\"hunter2\"}")
            .addLinkDefinition(
                new LinkDefinition(ACTOR, PROVIDER, "default", "c", Map.of("PASS", "hunter2")))
            .build();
    assertThat(d.toString())
        .contains(HOST)
        .doesNotContain(SEED)
        .doesNotContain("SUAAAA")
        .doesNotContain("hunter2");
    assertThat(d.invocationSeed().toString()).isEqualTo("Secret[redacted]");
  }

  @Test
  void builderAndRecordAgree() {
    HostData built =
        HostData.builder()
            .withHostId(HOST)
            .withLatticeRpcPrefix("default")
            .withLinkName("default")
            .withLatticeRpcUrl("nats://example:4222")
            .withProviderKey(PROVIDER)
            .withInvocationSeed(Secret.of(SEED))
            .addClusterIssuer(ISSUER)
            .addEnvValue("K", "V")
            .withDefaultRpcTimeoutMs(500L)
            .withLogLevel("debug")
            .withJsDomain("hub")
            .withStructuredLogging(true)
            .withLatticeRpcTls(true)
            .build();
    HostData back = HostDataCodec.fromStdinLine(HostDataCodec.toStdinLine(built));
    assertThat(back).isEqualTo(built);
    assertThat(back.natsUrl()).isEqualTo("nats://example:4222");
    assertThat(back.clusterIssuers()).isEqualTo(List.of(ISSUER));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
