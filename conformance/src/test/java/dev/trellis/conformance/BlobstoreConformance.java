package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.blobstore.Blobstore;
import dev.trellis.interfaces.contract.blobstore.BlobstoreChunkCodec;
import dev.trellis.interfaces.contract.blobstore.ContainerMetadata;
import dev.trellis.interfaces.contract.blobstore.GetObjectRequest;
import dev.trellis.interfaces.contract.blobstore.GetObjectResponse;
import dev.trellis.interfaces.contract.blobstore.ObjectMetadata;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code wasmcloud:blobstore} conformance suite (spec dataplane §9.8, msgpack payloads), run
 * against one implementation: containers, objects in one chunk, listings, removal, and refusal of
 * names that lead outside the store. Set up like {@link KeyValueConformance}: one nats-server and
 * one provider process per class, a new linked actor and a new container name per test.
 */
@WithNats
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BlobstoreConformance {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicBoolean failed = new AtomicBoolean();
  private LatticeHost host;
  private ProviderProcess provider;
  private Path workDir;
  private BlobstoreCalls blob;
  private String container;

  @RegisterExtension
  final TestWatcher watcher =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          failed.set(true);
        }
      };

  /** Starts the implementation as a child process whose stdin gets {@code hostDataLine}. */
  protected abstract ProviderProcess launch(String hostDataLine, Path workDir) throws Exception;

  /** The link values of a link for {@code actor}; {@code workDir} is the class's directory. */
  protected abstract Map<String, String> linkValues(String actor, Path workDir);

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // launching may build the provider first
  final void startProvider(NatsFixture nats, Lattice lattice, @TempDir Path workDir)
      throws Exception {
    this.workDir = workDir;
    host =
        new LatticeHost(
            nats.connect(),
            nats.url(),
            lattice.prefix(),
            KeyPair.generate(KeyType.SERVICE).publicKey(),
            Blobstore.CONTRACT_ID);
    provider = launch(host.stdinLine(Map.of()), workDir);
    await()
        .atMost(KeyValueConformance.START)
        .pollInterval(Duration.ofMillis(200))
        .failFast("the provider exited:\n" + provider.outputText(), () -> !provider.isAlive())
        .until(() -> host.health(Duration.ofSeconds(1)).isPresent());
  }

  @BeforeEach
  final void linkAFreshActor() {
    String actor = LatticeHost.newActor();
    host.putLink(host.link(actor, linkValues(actor, workDir)));
    blob = new BlobstoreCalls(host, actor);
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    container = "c" + HexFormat.of().formatHex(random);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              InvocationResponse r =
                  blob.raw(Blobstore.CONTAINER_EXISTS, BarePayload.encodeString("probe"));
              return r.error() == null || !r.error().startsWith("unlinked actor");
            });
  }

  @AfterAll
  final void stopProvider() throws Exception {
    if (provider == null) {
      return;
    }
    try {
      host.shutdown(Duration.ofSeconds(5));
      provider.close();
    } finally {
      if (failed.get()) {
        System.err.println(
            "---- output of " + provider + " ----\n" + provider.outputText() + "\n----");
      }
    }
  }

  @Test
  void aCreatedContainerExistsAndIsListed() throws Exception {
    assertThat(blob.containerExists(container)).isFalse();

    blob.createContainer(container);

    assertThat(blob.containerExists(container)).isTrue();
    assertThat(blob.containerInfo(container).containerId()).isEqualTo(container);
    assertThat(blob.listContainers())
        .extracting(ContainerMetadata::containerId)
        .contains(container);
  }

  @Test
  void anObjectPutInOneChunkIsReadBackWhole() throws Exception {
    blob.createContainer(container);
    byte[] bytes = "hello, blobstore".getBytes(StandardCharsets.UTF_8);

    assertThat(blob.putObject(container, "greeting.txt", bytes).streamId())
        .as("one last chunk: no stream to continue")
        .isNull();

    GetObjectResponse got = blob.getObject(container, "greeting.txt");
    assertThat(got.success()).isTrue();
    assertThat(got.contentLength()).isEqualTo(bytes.length);
    assertThat(got.initialChunk()).isNotNull();
    assertThat(got.initialChunk().bytes()).isEqualTo(bytes);
    assertThat(blob.objectExists(container, "greeting.txt")).isTrue();
    assertThat(blob.objectInfo(container, "greeting.txt").contentLength()).isEqualTo(bytes.length);
  }

  @Test
  void listObjectsShowsEveryObjectWithItsSize() throws Exception {
    blob.createContainer(container);
    blob.putObject(container, "a.txt", new byte[3]);
    blob.putObject(container, "dir/b.txt", new byte[5]);

    var listing = blob.listObjects(container);

    assertThat(listing.isLast()).isTrue();
    assertThat(listing.objects())
        .extracting(ObjectMetadata::objectId, ObjectMetadata::contentLength)
        .containsExactlyInAnyOrder(tuple("a.txt", 3L), tuple("dir/b.txt", 5L));
  }

  @Test
  void removedObjectsAndContainersAreGone() throws Exception {
    blob.createContainer(container);
    blob.putObject(container, "a.txt", new byte[1]);
    blob.putObject(container, "b.txt", new byte[1]);

    assertThat(blob.removeObjects(container, "a.txt")).as("no failures").isEmpty();
    assertThat(blob.objectExists(container, "a.txt")).isFalse();
    assertThat(blob.objectExists(container, "b.txt")).isTrue();

    assertThat(blob.removeContainers(container)).as("no failures").isEmpty();
    assertThat(blob.containerExists(container)).isFalse();
  }

  @Test
  void aNameLeadingOutsideTheStoreIsRefused() throws Exception {
    blob.createContainer(container);

    assertThat(
            blob.error(
                Blobstore.PUT_OBJECT,
                BlobstoreCalls.putObjectRequest(container, "../escape.txt", new byte[1])))
        .contains("../escape.txt");
    assertThat(blob.error(Blobstore.CREATE_CONTAINER, BarePayload.encodeString("../outside")))
        .contains("../outside");
    InvocationResponse read =
        blob.raw(
            Blobstore.GET_OBJECT,
            BlobstoreChunkCodec.encodeGetObjectRequest(
                new GetObjectRequest("../../../../etc/passwd", container, null, null)));
    if (read.error() == null) {
      assertThat(BlobstoreChunkCodec.decodeGetObjectResponse(read.msg()).success()).isFalse();
    }
    assertThat(workDir.resolve("escape.txt")).doesNotExist();
    assertThat(workDir.getParent().resolve("escape.txt")).doesNotExist();
  }

  @Test
  void anUnknownOperationIsAnErrorNamingIt() throws Exception {
    assertThat(blob.error("Blobstore.Frobnicate", BarePayload.encodeString(container)))
        .contains("Blobstore.Frobnicate");
  }
}
