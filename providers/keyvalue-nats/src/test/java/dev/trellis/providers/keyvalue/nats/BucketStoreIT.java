package dev.trellis.providers.keyvalue.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.provider.OperationException;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.MutableClock;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.ObjectStoreOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.StorageType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BucketStore} on a real JetStream bucket: encoding, expiry, spilling, concurrency. */
@WithNats
class BucketStoreIT {
  static final int INLINE_LIMIT = 1000;

  final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  Connection nc;
  String bucket;
  KeyValue kv;
  BucketStore store;
  ExecutorService pool;

  @BeforeEach
  void openBucket(Connection nc, Lattice lattice) throws Exception {
    this.nc = nc;
    bucket = "kv_" + lattice.prefix();
    nc.keyValueManagement()
        .create(
            KeyValueConfiguration.builder()
                .name(bucket)
                .maxHistoryPerKey(1)
                .storageType(StorageType.Memory)
                .build());
    kv = nc.keyValue(bucket);
    store =
        new BucketStore(
            new BucketEntries(
                kv,
                new Spill(nc, bucket, ObjectStoreOptions.builder().build()),
                clock,
                INLINE_LIMIT),
            () -> {});
    pool = Executors.newFixedThreadPool(16);
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void stringsAndCountersAreReadableByAnyNatsClientAndTheOtherWayRound() throws Exception {
    store.increment("counter:visits", 40);
    store.increment("counter:visits", 2);
    kv.put("greeting", "hello from elsewhere");

    assertThat(kv.get("=Y291bnRlcjp2aXNpdHM").getValueAsString()).isEqualTo("42");
    assertThat(store.get("greeting")).isEqualTo(new GetResponse("hello from elsewhere", true));
  }

  @Test
  void anExpiredKeyReadsAsMissingAndIsDeleted() throws Exception {
    store.set("session", "abc", 10);
    store.increment("hits", 1);
    store.set("hits", "5", 30);
    store.increment("hits", 1); // keeps the expiry of "hits"

    clock.advance(Duration.ofSeconds(9));
    assertThat(store.get("session")).isEqualTo(new GetResponse("abc", true));

    clock.advance(Duration.ofSeconds(2));
    assertThat(store.get("session")).isEqualTo(new GetResponse("", false));
    assertThat(store.contains("session")).isFalse();
    assertThat(kv.get("session")).as("deleted from the bucket").isNull();
    assertThat(store.get("hits")).isEqualTo(new GetResponse("6", true));

    clock.advance(Duration.ofSeconds(20));
    assertThat(store.del("hits")).isFalse();
    assertThat(store.increment("hits", 1)).isEqualTo(1);
  }

  @Test
  void aValueLargerThanAMessageLivesInTheObjectStoreAndIsCleanedUp() throws Exception {
    String big = "x".repeat(5000);
    store.set("big", big, 0);

    assertThat(store.get("big")).isEqualTo(new GetResponse(big, true));
    assertThat(EntryCodec.decode(kv.get("big").getValue())).isInstanceOf(StoredEntry.Spilled.class);
    assertThat(liveObjects()).hasSize(1);

    store.set("big", big + "y", 0);
    assertThat(store.get("big").value()).hasSize(5001);
    assertThat(liveObjects()).as("the replaced object is deleted").hasSize(1);

    store.set("big", "small", 0);
    assertThat(liveObjects()).isEmpty();
    assertThat(store.get("big")).isEqualTo(new GetResponse("small", true));

    store.set("big", big, 0);
    assertThat(store.del("big")).isTrue();
    assertThat(liveObjects()).isEmpty();
  }

  @Test
  void aListThatOutgrowsAMessageSpillsAndStaysUsable() throws Exception {
    String item = "i".repeat(100);
    for (int i = 0; i < 20; i++) {
      assertThat(store.listAdd("long", item + i)).isEqualTo(i + 1);
    }

    assertThat(EntryCodec.decode(kv.get("long").getValue()))
        .isInstanceOf(StoredEntry.Spilled.class);
    assertThat(store.listRange("long", -2, -1)).containsExactly(item + 18, item + 19);
    assertThat(liveObjects()).hasSize(1);
    assertThat(store.listClear("long")).isTrue();
    assertThat(liveObjects()).isEmpty();
  }

  @Test
  void concurrentChangesToOneKeyAreNeverLost() throws Exception {
    List<Future<Integer>> increments = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      increments.add(pool.submit(() -> store.increment("n", 1)));
    }
    List<Future<Long>> adds = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String member = "m" + i;
      adds.add(pool.submit(() -> store.setAdd("s", member)));
      adds.add(pool.submit(() -> store.listAdd("l", member)));
    }

    List<Integer> results = new ArrayList<>();
    for (Future<Integer> f : increments) {
      results.add(f.get());
    }
    for (Future<Long> f : adds) {
      f.get();
    }
    assertThat(results)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
    assertThat(store.get("n")).isEqualTo(new GetResponse("50", true));
    assertThat(store.setQuery("s")).hasSize(30).doesNotHaveDuplicates();
    assertThat(store.listRange("l", 0, -1)).hasSize(30);
  }

  @Test
  void kindsShareOneKeyspace() {
    store.listAdd("k", "a");

    assertThatThrownBy(() -> store.get("k"))
        .isInstanceOf(OperationException.class)
        .hasMessage("failed to get key 'k': key 'k' holds a list, not a string value");
    assertThatThrownBy(() -> store.setAdd("k", "a"))
        .hasMessage("failed to add to set 'k': key 'k' holds a list, not a set");
    assertThat(store.contains("k")).isTrue();

    store.set("k", "now a string", 0);
    assertThat(store.get("k")).isEqualTo(new GetResponse("now a string", true));
    assertThatThrownBy(() -> store.listRange("k", 0, -1))
        .hasMessage("failed to read list 'k': key 'k' holds a string value, not a list");
  }

  @Test
  void incrementRefusesWhatIsNotAnI32() {
    store.set("word", "abc", 0);
    store.set("max", Integer.toString(Integer.MAX_VALUE), 0);

    assertThatThrownBy(() -> store.increment("word", 1))
        .hasMessage("failed to increment key 'word': its value 'abc' is not an integer");
    assertThatThrownBy(() -> store.increment("max", 1))
        .hasMessage(
            "failed to increment key 'max': 2147483647 + 1 does not fit in a 32-bit integer");
    assertThat(store.get("max").value()).isEqualTo("2147483647");
  }

  private List<ObjectInfo> liveObjects() throws Exception {
    return nc.objectStore(bucket).getList().stream().filter(o -> !o.isDeleted()).toList();
  }
}
