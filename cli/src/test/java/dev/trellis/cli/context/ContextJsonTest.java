package dev.trellis.cli.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.Secret;
import org.junit.jupiter.api.Test;

class ContextJsonTest {

  @Test
  void roundTrips() {
    Context context =
        new Context(
            "prod",
            Secret.of("SCseed"),
            "h1",
            4001,
            "jwt1",
            Secret.of("SUseed"),
            "/c/ctl.creds",
            1500,
            "blue",
            "hub",
            "h2",
            4002,
            null,
            Secret.empty(),
            null,
            2500);

    Context back = ContextJson.parse(ContextJson.write(context), "prod");

    assertThat(back).isEqualTo(context);
  }

  @Test
  void toStringNeverShowsSeeds() {
    Context context = Context.defaults("x");
    Context withSeeds =
        new Context(
            "x",
            Secret.of("SCsecret"),
            "h",
            1,
            null,
            Secret.of("SUsecret"),
            null,
            1,
            "p",
            null,
            "h",
            1,
            null,
            Secret.of("SUsecret2"),
            null,
            1);

    assertThat(withSeeds.toString()).doesNotContain("secret").contains("redacted");
    assertThat(context.clusterSeed().isEmpty()).isTrue();
  }

  @Test
  void readsOlderFilesAndDefaults() {
    Context old =
        ContextJson.parse(
            "{\"cluster_seed\":\"\",\"ctl_lattice_prefix\":\"old\",\"rpc_lattice_prefix\":\"x\","
                + "\"unknown\":{\"a\":1}}",
            "legacy");

    assertThat(old.name()).isEqualTo("legacy");
    assertThat(old.latticePrefix()).isEqualTo("old");
    assertThat(old.ctlHost()).isEqualTo("127.0.0.1");
    assertThat(old.rpcPort()).isEqualTo(4222);
    assertThat(old.clusterSeed().isEmpty()).isTrue();
  }

  @Test
  void indexAcceptsBothShapes() {
    assertThat(ContextJson.parseIndex("{\"name\":\"a\"}")).isEqualTo("a");
    assertThat(ContextJson.parseIndex("{\"default\":\"b\"}")).isEqualTo("b");
    assertThat(ContextJson.parseIndex("nonsense")).isNull();
    assertThat(ContextJson.writeIndex("c").strip()).isEqualTo("{\"name\":\"c\"}");
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> ContextJson.parse("{\"ctl_port\":\"many\"}", "x"))
        .hasMessage("ctl_port must be a number, got \"many\"");
    assertThatThrownBy(() -> ContextJson.parse("{\"ctl_port\":70000}", "x"))
        .hasMessage("ctl_port must be 1–65535, got 70000");
    assertThatThrownBy(() -> ContextJson.parse("[1]", "x")).hasMessage("expected a JSON object");
    assertThatThrownBy(() -> ContextJson.parse("{", "x")).hasMessageStartingWith("not valid JSON");
  }
}
