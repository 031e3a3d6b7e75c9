package dev.trellis.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.cli.TestHost;
import dev.trellis.interfaces.wire.LinkId;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code link put | del | query} and {@code get links} against a real host's lattice bucket. */
@WithNats
class LinkCommandsIT {
  private static final String ACTOR = CtlCommandsIT.ECHO;
  private static final String PROVIDER = CtlCommandsIT.TEST_PROVIDER;

  @TempDir Path tmp;
  private TestHost host;
  private CliRun cli;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    host = TestHost.start(nats, lattice, tmp.resolve("cache"));
    cli = host.cli(tmp);
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void putQueryAndDeleteALink() {
    CliRun.Result put =
        cli.run(
            "link",
            "put",
            ACTOR,
            PROVIDER,
            "wasmcloud:keyvalue",
            "URL=redis://x:6379",
            "A=b=c",
            "-l",
            "cache");
    CliRun.Result query = cli.run("link", "query");
    CliRun.Result links = cli.run("get", "links", "-o", "json");

    assertThat(put.exitCode()).as(put.toString()).isZero();
    assertThat(put.out())
        .contains("Published link (" + ACTOR + ") <-> (" + PROVIDER + ")")
        .contains("link name 'cache'");
    assertThat(query.out())
        .startsWith("Actor ID")
        .contains("wasmcloud:keyvalue")
        .contains("cache")
        .contains("A=b=c, URL=redis://x:6379");
    JsonNode link = links.json().get("links").get(0);
    assertThat(link.get("id").asText()).isEqualTo(LinkId.of(ACTOR, "wasmcloud:keyvalue", "cache"));
    assertThat(link.get("values").get("URL").asText()).isEqualTo("redis://x:6379");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> host.lattice().host().links().all().size() == 1);

    CliRun.Result del =
        cli.run("link", "del", ACTOR, "wasmcloud:keyvalue", "-l", "cache", "-o", "json");
    CliRun.Result again = cli.run("link", "del", ACTOR, "wasmcloud:keyvalue", "-l", "cache");

    assertThat(del.exitCode()).as(del.toString()).isZero();
    assertThat(del.json().get("deleted").asBoolean()).isTrue();
    assertThat(del.json().get("link_name").asText()).isEqualTo("cache");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("nothing to delete");
    assertThat(cli.run("link", "query").out()).contains("No links in lattice");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> host.lattice().host().links().all().isEmpty());
  }

  @Test
  void putJsonHasWashKeys() {
    CliRun.Result put =
        cli.run("link", "put", ACTOR, PROVIDER, "wasmcloud:httpserver", "-o", "json");

    assertThat(put.json().get("actor_id").asText()).isEqualTo(ACTOR);
    assertThat(put.json().get("provider_id").asText()).isEqualTo(PROVIDER);
    assertThat(put.json().get("link_name").asText()).isEqualTo("default");
    assertThat(put.json().get("success").asBoolean()).isTrue();
  }

  @Test
  void refusesSwappedOrMalformedArguments() {
    CliRun.Result swapped = cli.run("link", "put", ACTOR, "wasmcloud:keyvalue", PROVIDER);
    CliRun.Result badValue = cli.run("link", "put", ACTOR, PROVIDER, "wasmcloud:keyvalue", "NOEQ");
    CliRun.Result badActor = cli.run("link", "del", PROVIDER, "wasmcloud:keyvalue");

    assertThat(swapped.exitCode()).isEqualTo(1);
    assertThat(swapped.err()).contains("is not a provider id");
    assertThat(badValue.err()).contains("failed to read the link value 'NOEQ'");
    assertThat(badActor.err()).contains("is not an actor id");
  }
}
