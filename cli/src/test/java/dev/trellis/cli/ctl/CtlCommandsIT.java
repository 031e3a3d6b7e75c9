package dev.trellis.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.cli.Repo;
import dev.trellis.cli.TestHost;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control-plane commands, run in-process as a user types them, against a real host on a real
 * nats-server: every command in text and JSON, and what the user sees when something is wrong.
 */
@WithNats
class CtlCommandsIT {
  static final String ECHO = "MBEG4YU6K27CJE2E5FVR77L6JWF6IIF5OOKDUFOYMDTMNS74JHAQFU6O";
  static final String TEST_PROVIDER = "VDFFQ3RZNTOJ2FPOWZFZXC2KLFQZEZ5FRK4HX62DIXU4FACBNVAG4BWR";

  @TempDir Path tmp;
  private TestHost host;
  private CliRun cli;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) throws Exception {
    host = TestHost.start(nats, lattice, tmp.resolve("cache"));
    cli = host.cli(tmp);
    Files.copy(Repo.corpus("echo-rust.wasm"), cli.work().resolve("echo-rust.wasm"));
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void getHostsShowsTheHostInTextAndJson() {
    CliRun.Result text = cli.run("get", "hosts", "-t", "500");
    CliRun.Result json = cli.run("get", "hosts", "-t", "500", "-o", "json");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .startsWith("Host ID")
        .contains(host.hostId())
        .contains(host.lattice().host().config().friendlyName())
        .contains("zone=east");
    JsonNode hosts = json.json().get("hosts");
    assertThat(hosts).hasSize(1);
    assertThat(hosts.get(0).get("id").asText()).isEqualTo(host.hostId());
    assertThat(hosts.get(0).get("labels").get("zone").asText()).isEqualTo("east");
    assertThat(json.json().get("success").asBoolean()).isTrue();
  }

  @Test
  void startsAnActorByAuctionFromARelativePathAndWaitsForIt() {
    CliRun.Result text = cli.run("start", "actor", "echo-rust.wasm");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out().strip())
        .isEqualTo("Actor " + ECHO + " (Echo (Rust)) started on host " + host.hostId());
    assertThat(host.lattice().host().actorImageRef(ECHO))
        .contains(cli.work().resolve("echo-rust.wasm").toString());
  }

  @Test
  void startActorInJsonWithHostIdCountAndSkipWait() {
    CliRun.Result json =
        cli.run(
            "start",
            "actor",
            "echo-rust.wasm",
            "--host-id",
            host.hostId(),
            "--count",
            "2",
            "-o",
            "json");
    CliRun.Result skip =
        cli.run(
            "start", "actor", Repo.corpus("ponger-c.wasm").toString(), "--skip-wait", "-o", "json");

    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.json().get("actor_id").asText()).isEqualTo(ECHO);
    assertThat(json.json().get("host_id").asText()).isEqualTo(host.hostId());
    assertThat(json.json().get("count").asInt()).isEqualTo(2);
    assertThat(json.json().get("actor_ref").asText())
        .isEqualTo(cli.work().resolve("echo-rust.wasm").toString());
    assertThat(skip.exitCode()).as(skip.toString()).isZero();
    assertThat(skip.json().get("result").asText()).startsWith("Start actor request received");
    assertThat(instances(cli, host.hostId(), ECHO)).isEqualTo(2);
  }

  @Test
  void inventoryAndClaimsInTextAndJson() {
    cli.run("start", "actor", "echo-rust.wasm");

    CliRun.Result all = cli.run("get", "inventory", "-t", "500");
    CliRun.Result one = cli.run("get", "inventory", host.hostId(), "-o", "json");
    CliRun.Result every = cli.run("get", "inventory", "-t", "500", "-o", "json");
    CliRun.Result claims = cli.run("get", "claims");
    CliRun.Result claimsJson = cli.run("get", "claims", "-o", "json");

    assertThat(all.exitCode()).as(all.toString()).isZero();
    assertThat(all.out())
        .contains("Host " + host.hostId())
        .contains(ECHO)
        .contains("Echo (Rust)")
        .contains("No providers running on this host");
    JsonNode inventory = one.json().get("inventory");
    assertThat(inventory.get("host_id").asText()).isEqualTo(host.hostId());
    assertThat(inventory.get("actors").get(0).get("id").asText()).isEqualTo(ECHO);
    assertThat(every.json().get("inventories")).hasSize(1);
    assertThat(claims.out())
        .contains("Echo (Rust)")
        .contains(ECHO)
        .contains("wasmcloud:httpserver");
    JsonNode record = claimsJson.json().get("claims").get(0);
    assertThat(record.get("sub").asText()).isEqualTo(ECHO);
    assertThat(record.get("caps").asText()).isEqualTo("wasmcloud:httpserver");
    assertThat(record.get("rev").isTextual()).isTrue();
  }

  @Test
  void scalesStopsAndLiveUpdatesAnActor() {
    cli.run("start", "actor", "echo-rust.wasm");
    Path v2 = signedRevision(cli, 2);

    CliRun.Result scale =
        cli.run("scale", "actor", host.hostId(), ECHO, "echo-rust.wasm", "-c", "3", "-o", "json");
    CliRun.Result stop = cli.run("stop", "actor", host.hostId(), ECHO, "--count", "2");
    int afterStop = instances(cli, host.hostId(), ECHO);
    CliRun.Result update =
        cli.run("update", "actor", host.hostId(), ECHO, v2.toString(), "-o", "json");
    CliRun.Result older =
        cli.run("update", "actor", host.hostId(), ECHO, Repo.corpus("echo-rust.wasm").toString());
    CliRun.Result last = cli.run("stop", "actor", host.hostId(), ECHO, "-o", "json");

    assertThat(scale.exitCode()).as(scale.toString()).isZero();
    assertThat(scale.json().get("count").asInt()).isEqualTo(3);
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(stop.out().strip())
        .isEqualTo("Stopped 2 instances of actor " + ECHO + " on host " + host.hostId());
    assertThat(afterStop).isEqualTo(1);
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(update.json().get("revision").asText()).isEqualTo("2");
    assertThat(older.exitCode()).isEqualTo(1);
    assertThat(older.err())
        .contains("failed to update actor " + ECHO)
        .contains("Unable to perform live update")
        .contains("not greater than the running revision 2");
    assertThat(last.exitCode()).as(last.toString()).isZero();
    assertThat(last.json().get("count").asInt()).isEqualTo(1);
    assertThat(last.json().get("actor_id").asText()).isEqualTo(ECHO);
    assertThat(instances(cli, host.hostId(), ECHO)).isZero();
  }

  @Test
  void startsAndStopsAProviderFromAnArchive() {
    String par =
        Repo.root().resolve("providers/test-provider/target/test-provider.par.gz").toString();

    CliRun.Result start = cli.run("start", "provider", par);
    CliRun.Result again = cli.run("start", "provider", par, "--host-id", host.hostId());
    CliRun.Result auction = cli.run("start", "provider", par, "-o", "json");
    CliRun.Result inventory = cli.run("get", "inventory", host.hostId());
    CliRun.Result stop =
        cli.run(
            "stop",
            "provider",
            host.hostId(),
            TEST_PROVIDER,
            "default",
            "trellis:test",
            "-o",
            "json");
    CliRun.Result gone =
        cli.run("stop", "provider", host.hostId(), TEST_PROVIDER, "default", "trellis:test");

    assertThat(start.exitCode()).as(start.toString()).isZero();
    assertThat(start.out())
        .contains("Provider " + TEST_PROVIDER)
        .contains("trellis:test, link name 'default'");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .contains("Provider with that link name is already running on this host");
    assertThat(auction.exitCode()).isEqualTo(1);
    assertThat(auction.errorJson().get("error").asText())
        .contains("no host answered the auction")
        .contains("hosts already running it with link name 'default' do not bid");
    assertThat(inventory.out()).contains(TEST_PROVIDER).contains("Trellis test provider");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(stop.json().get("provider_id").asText()).isEqualTo(TEST_PROVIDER);
    assertThat(host.lattice().host().providers().all()).isEmpty();
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).contains("it is not running there");
  }

  @Test
  void stopHostWaitsForHostStopped() throws Exception {
    CliRun.Result stop = cli.run("stop", "host", host.hostId(), "-o", "json");

    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(stop.json().get("host_id").asText()).isEqualTo(host.hostId());
    assertThat(host.lattice().awaitStopped(Duration.ofSeconds(1))).isTrue();
    assertThat(cli.run("get", "hosts", "-t", "300").out()).contains("No hosts in lattice");
  }

  @Test
  void failuresSayWhatIsWrong() {
    Path unsigned = Repo.unsignedCopy("echo-c.wasm", cli.work());

    CliRun.Result notSigned = cli.run("start", "actor", unsigned.toString());
    CliRun.Result noBid = cli.run("start", "actor", "echo-rust.wasm", "-c", "zone=west");
    CliRun.Result noFile = cli.run("start", "actor", "./missing.wasm");
    CliRun.Result notRunning = cli.run("stop", "actor", host.hostId(), ECHO);
    CliRun.Result badHost = cli.run("get", "inventory", "NOPE", "-o", "json");

    assertThat(notSigned.exitCode()).isEqualTo(1);
    assertThat(notSigned.err()).contains("failed to start actor " + unsigned + " on host");
    assertThat(noBid.exitCode()).isEqualTo(1);
    assertThat(noBid.err())
        .contains("no host answered the auction with constraints zone=west")
        .contains("lattice '" + host.prefix() + "'");
    assertThat(noFile.err()).contains("failed to find ./missing.wasm: no such file");
    assertThat(notRunning.err())
        .contains("actor " + ECHO + " is not running on host " + host.hostId());
    assertThat(badHost.errorJson().get("error").asText()).contains("'NOPE' is not a host id");
  }

  /** How many instances of {@code actor} the host's inventory lists. */
  static int instances(CliRun cli, String hostId, String actor) {
    for (JsonNode a :
        cli.run("get", "inventory", hostId, "-o", "json").json().at("/inventory/actors")) {
      if (a.get("id").asText().equals(actor)) {
        return a.get("instances").size();
      }
    }
    return 0;
  }

  /** echo-rust signed again with its own module key and revision {@code rev}. */
  static Path signedRevision(CliRun cli, int rev) {
    Path unsigned = Repo.unsignedCopy("echo-rust.wasm", cli.work().resolve("..").normalize());
    Path out = cli.work().resolve("echo-rust-v" + rev + ".wasm");
    CliRun.Result sign =
        cli.run(
            "claims",
            "sign",
            unsigned.toString(),
            "-n",
            "Echo (Rust)",
            "-q",
            "-r",
            Integer.toString(rev),
            "-s",
            Repo.root().resolve("actors/keys/echo-rust.nk").toString(),
            "-i",
            Repo.root().resolve("actors/keys/account.nk").toString(),
            "-d",
            out.toString());
    assertThat(sign.exitCode()).as(sign.toString()).isZero();
    return out;
  }
}
