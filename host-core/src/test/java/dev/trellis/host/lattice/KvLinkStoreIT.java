package dev.trellis.host.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.link.LinkListener;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@WithNats
class KvLinkStoreIT {
  private Connection connection;

  @org.junit.jupiter.api.BeforeEach
  void connection(Connection nc) {
    connection = nc;
  }

  private static final String ACTOR = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5";
  private static final String PROVIDER = "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB";
  private static final LinkDefinition LINK =
      new LinkDefinition(ACTOR, PROVIDER, "default", "wasmcloud:keyvalue", Map.of("URL", "x"));

  private KvLinkStore store(KeyValue bucket, List<String> events) {
    KvLinkStore store = new KvLinkStore(bucket);
    store.addListener(
        new LinkListener() {
          @Override
          public void linkPut(LinkDefinition link) {
            events.add("put " + link.actorId());
          }

          @Override
          public void linkDeleted(LinkDefinition link) {
            events.add("del " + link.actorId());
          }
        });
    new LatticeWatch(connection, bucket, List.of(store)).start(Duration.ofSeconds(10));
    return store;
  }

  @Test
  void everyHostSeesEveryChangeWhoeverMadeIt(Connection nc, Lattice lattice) throws Exception {
    KeyValue bucket = LatticeBucket.open(nc, lattice.prefix(), null, 1);
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    KvLinkStore a = store(bucket, first);
    KvLinkStore b = store(LatticeBucket.open(nc, lattice.prefix(), null, 1), second);

    a.put(LINK);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> b.find(ACTOR, "wasmcloud:keyvalue", "default").isPresent());
    assertThat(first).containsExactly("put " + ACTOR);
    assertThat(second).containsExactly("put " + ACTOR);

    b.delete(ACTOR, "wasmcloud:keyvalue", "default");
    await().atMost(Duration.ofSeconds(5)).until(() -> a.all().isEmpty());
    assertThat(first).containsExactly("put " + ACTOR, "del " + ACTOR);
  }

  @Test
  void aNewHostLoadsExistingLinksBeforeServing(Connection nc, Lattice lattice) {
    KeyValue bucket = LatticeBucket.open(nc, lattice.prefix(), null, 1);
    store(bucket, new CopyOnWriteArrayList<>()).put(LINK);
    List<String> events = new CopyOnWriteArrayList<>();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> store(bucket, events).find(ACTOR, "wasmcloud:keyvalue", "default").isPresent());
  }

  @Test
  void linksWrittenByOtherToolsWithoutAnIdAndDeletedWithDelAreHandled(
      Connection nc, Lattice lattice) throws Exception {
    KeyValue bucket = LatticeBucket.open(nc, lattice.prefix(), null, 1);
    List<String> events = new CopyOnWriteArrayList<>();
    KvLinkStore store = store(bucket, events);
    String json =
        "{\"actor_id\":\""
            + ACTOR
            + "\",\"provider_id\":\""
            + PROVIDER
            + "\",\"link_name\":\"default\",\"contract_id\":\"wasmcloud:keyvalue\",\"values\":{}}";
    bucket.put(Subjects.linkdefKey(LINK.id()), json.getBytes(StandardCharsets.UTF_8));
    await().atMost(Duration.ofSeconds(5)).until(() -> store.all().size() == 1);
    bucket.delete(Subjects.linkdefKey(LINK.id()));
    await().atMost(Duration.ofSeconds(5)).until(() -> store.all().isEmpty());
    assertThat(events).containsExactly("put " + ACTOR, "del " + ACTOR);
  }
}
