package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every operation of {@code wasmcloud:keyvalue} (spec dataplane §9.2), with exact results. The
 * semantics beyond §9.2 are Redis's, the store the contract was modelled on: one keyspace for
 * strings, lists and sets; {@code ListRange} is {@code LRANGE}; an emptied list or set is gone; a
 * value larger than one NATS message travels through chunking (spec §5) and is stored whole.
 */
interface KeyValueOperationsSuite {

  /** The calls of the actor linked for the current test. */
  KeyValueCalls kv();

  @Test
  default void getOfAMissingKeyIsAnEmptyValueThatDoesNotExist() throws Exception {
    assertThat(kv().get("missing")).isEqualTo(new GetResponse("", false));
  }

  @Test
  default void setThenGetReturnsTheValueAndSetReplacesIt() throws Exception {
    kv().set("k", "first", 0);
    assertThat(kv().get("k")).isEqualTo(new GetResponse("first", true));

    kv().set("k", "second", 0);
    assertThat(kv().get("k")).isEqualTo(new GetResponse("second", true));

    kv().set("k", "", 0);
    assertThat(kv().get("k")).as("an empty string exists").isEqualTo(new GetResponse("", true));
  }

  @Test
  default void anyStringIsAKeyOrAValue() throws Exception {
    for (String name : List.of("counter:visits", "with space", "héllo wörld ✓", "a.b/c=d", ".")) {
      String value = "value of " + name + " — ünïcödé 🎉";
      kv().set(name, value, 0);
      assertThat(kv().get(name)).as(name).isEqualTo(new GetResponse(value, true));
    }
  }

  @Test
  default void delSaysWhetherSomethingWasDeleted() throws Exception {
    kv().set("k", "v", 0);

    assertThat(kv().del("k")).isTrue();
    assertThat(kv().del("k")).isFalse();
    assertThat(kv().get("k")).isEqualTo(new GetResponse("", false));
    assertThat(kv().del("never-set")).isFalse();
  }

  @Test
  default void containsFollowsSetAndDel() throws Exception {
    assertThat(kv().contains("k")).isFalse();
    kv().set("k", "v", 0);
    assertThat(kv().contains("k")).isTrue();
    kv().del("k");
    assertThat(kv().contains("k")).isFalse();
  }

  @Test
  default void incrementStartsAtZeroAndReturnsTheNewValue() throws Exception {
    assertThat(kv().increment("n", 1)).isEqualTo(1);
    assertThat(kv().increment("n", 41)).isEqualTo(42);
    assertThat(kv().increment("n", -50)).isEqualTo(-8);
    assertThat(kv().get("n")).isEqualTo(new GetResponse("-8", true));

    kv().set("m", "10", 0);
    assertThat(kv().increment("m", 5)).isEqualTo(15);
  }

  @Test
  default void fiftyConcurrentIncrementsOfOneKeyGiveFifty() throws Exception {
    byte[] payload =
        KeyValueCodec.encodeIncrementRequest(new IncrementRequest(kv().key("hits"), 1));
    List<CompletableFuture<InvocationResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(
          kv().host.invokeAsync(kv().actor, KeyValue.INCREMENT, payload, KeyValueCalls.REPLY));
    }
    List<Integer> results = new ArrayList<>();
    for (CompletableFuture<InvocationResponse> call : calls) {
      InvocationResponse response = call.get();
      assertThat(response.error()).isNull();
      results.add(BarePayload.decodeI32(response.msg(), "KeyValue.Increment result"));
    }

    assertThat(results)
        .as("each caller sees its own increment")
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
    assertThat(kv().get("hits")).isEqualTo(new GetResponse("50", true));
  }

  @Test
  default void listAddAppendsAndReturnsTheNewLength() throws Exception {
    assertThat(kv().listAdd("l", "a")).isEqualTo(1);
    assertThat(kv().listAdd("l", "b")).isEqualTo(2);
    assertThat(kv().listAdd("l", "a")).as("lists keep duplicates").isEqualTo(3);

    assertThat(kv().listRange("l", 0, -1)).containsExactly("a", "b", "a");
    assertThat(kv().contains("l")).isTrue();
  }

  @Test
  default void listRangeIsInclusiveCountsFromTheEndAndClamps() throws Exception {
    for (String item : List.of("a", "b", "c", "d", "e")) {
      kv().listAdd("l", item);
    }

    assertThat(kv().listRange("l", 0, 0)).containsExactly("a");
    assertThat(kv().listRange("l", 1, 3)).containsExactly("b", "c", "d");
    assertThat(kv().listRange("l", -2, -1)).containsExactly("d", "e");
    assertThat(kv().listRange("l", 3, 100)).containsExactly("d", "e");
    assertThat(kv().listRange("l", -100, 1)).containsExactly("a", "b");
    assertThat(kv().listRange("l", 3, 1)).isEmpty();
    assertThat(kv().listRange("l", 5, 10)).isEmpty();
    assertThat(kv().listRange("missing", 0, -1)).isEmpty();
  }

  @Test
  default void listDelRemovesTheFirstOccurrenceOnly() throws Exception {
    for (String item : List.of("a", "b", "a", "c")) {
      kv().listAdd("l", item);
    }

    assertThat(kv().listDel("l", "a")).isTrue();
    assertThat(kv().listRange("l", 0, -1)).containsExactly("b", "a", "c");
    assertThat(kv().listDel("l", "z")).isFalse();
    assertThat(kv().listDel("missing", "a")).isFalse();
  }

  @Test
  default void anEmptiedListIsGone() throws Exception {
    kv().listAdd("l", "only");

    assertThat(kv().listDel("l", "only")).isTrue();
    assertThat(kv().contains("l")).isFalse();
    assertThat(kv().listRange("l", 0, -1)).isEmpty();
  }

  @Test
  default void listClearSaysWhetherTheListExisted() throws Exception {
    kv().listAdd("l", "a");
    kv().listAdd("l", "b");

    assertThat(kv().listClear("l")).isTrue();
    assertThat(kv().listRange("l", 0, -1)).isEmpty();
    assertThat(kv().contains("l")).isFalse();
    assertThat(kv().listClear("l")).isFalse();
  }

  @Test
  default void setAddAndSetDelCountWhatChanged() throws Exception {
    assertThat(kv().setAdd("s", "x")).isEqualTo(1);
    assertThat(kv().setAdd("s", "x")).as("already a member").isEqualTo(0);
    assertThat(kv().setAdd("s", "y")).isEqualTo(1);

    assertThat(kv().setDel("s", "x")).isEqualTo(1);
    assertThat(kv().setDel("s", "x")).isEqualTo(0);
    assertThat(kv().setDel("missing", "x")).isEqualTo(0);
    assertThat(kv().setQuery("s")).containsExactly("y");
  }

  @Test
  default void setQueryReturnsEachMemberOnce() throws Exception {
    for (String member : List.of("b", "a", "c", "a")) {
      kv().setAdd("s", member);
    }

    assertThat(kv().setQuery("s")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(kv().setQuery("missing")).isEmpty();
  }

  @Test
  default void setUnionAndIntersectionTreatAMissingSetAsEmpty() throws Exception {
    for (String member : List.of("a", "b", "c")) {
      kv().setAdd("s1", member);
    }
    for (String member : List.of("b", "c", "d")) {
      kv().setAdd("s2", member);
    }

    assertThat(kv().setUnion("s1", "s2")).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(kv().setIntersection("s1", "s2")).containsExactlyInAnyOrder("b", "c");
    assertThat(kv().setUnion("s1", "missing")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(kv().setIntersection("s1", "missing")).isEmpty();
    assertThat(kv().setUnion("s2")).containsExactlyInAnyOrder("b", "c", "d");
  }

  @Test
  default void anEmptiedSetIsGoneAndSetClearSaysWhetherItExisted() throws Exception {
    kv().setAdd("s", "x");
    assertThat(kv().setDel("s", "x")).isEqualTo(1);
    assertThat(kv().contains("s")).isFalse();

    kv().setAdd("s", "x");
    kv().setAdd("s", "y");
    assertThat(kv().setClear("s")).isTrue();
    assertThat(kv().setQuery("s")).isEmpty();
    assertThat(kv().setClear("s")).isFalse();
  }

  @Test
  default void aKeySetWithExpiresDisappearsAfterThatManySeconds() throws Exception {
    kv().set("short", "lived", 2);
    kv().set("forever", "stays", 0);
    assertThat(kv().get("short")).isEqualTo(new GetResponse("lived", true));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> !kv().get("short").exists());
    assertThat(kv().get("short")).isEqualTo(new GetResponse("", false));
    assertThat(kv().contains("short")).isFalse();
    assertThat(kv().get("forever")).isEqualTo(new GetResponse("stays", true));
  }

  @Test
  default void stringsListsAndSetsShareOneKeyspace() throws Exception {
    kv().listAdd("l", "a");
    kv().setAdd("s", "x");

    assertThat(kv().contains("l")).isTrue();
    assertThat(kv().contains("s")).isTrue();
    kv().set("l", "now a string", 0);
    assertThat(kv().get("l")).isEqualTo(new GetResponse("now a string", true));
    assertThat(kv().del("s")).isTrue();
    assertThat(kv().setQuery("s")).isEmpty();
  }

  @Test
  default void aValueLargerThanOneNatsMessageTravelsThroughChunkingAndIsStoredWhole()
      throws Exception {
    StringBuilder big = new StringBuilder(2 * 1024 * 1024 + 100);
    for (int i = 0; big.length() < 2 * 1024 * 1024; i++) {
      big.append("chunk ").append(i).append(' ');
    }
    String value = big.toString();

    kv().set("big", value, 0);

    assertThat(kv().get("big")).isEqualTo(new GetResponse(value, true));
    assertThat(kv().del("big")).isTrue();
    assertThat(kv().get("big")).isEqualTo(new GetResponse("", false));
  }
}
