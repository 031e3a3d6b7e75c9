package dev.trellis.provider.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.OperationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KeyValueStoresTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final KeyValueStores<RecordingStore> stores = new KeyValueStores<>("open bucket");

  @Test
  void theCallingActorsStoreServesItsCalls() {
    RecordingStore mine = new RecordingStore(calls);
    stores.put("MA", mine);
    stores.put("MB", new RecordingStore(calls));

    assertThat(stores.of(context("MA", KeyValue.GET))).isSameAs(mine);
    assertThat(stores.size()).isEqualTo(2);
    assertThat(stores.byActor()).containsKeys("MA", "MB");
  }

  @Test
  void anActorWithoutAStoreGetsAnErrorNamingIt() {
    assertThatThrownBy(() -> stores.of(context("MA", KeyValue.SET)))
        .isInstanceOf(OperationException.class)
        .hasMessage(
            "failed to serve KeyValue.Set: actor MA has no open bucket (its link was just"
                + " deleted?)");
  }

  @Test
  void replacedRemovedAndRemainingStoresAreClosed() {
    RecordingStore first = new RecordingStore(calls);
    RecordingStore second = new RecordingStore(calls);
    RecordingStore other = new RecordingStore(calls);
    stores.put("MA", first);
    stores.put("MA", second);
    stores.put("MB", other);

    assertThat(first.isClosed()).isTrue();
    assertThat(second.isClosed()).isFalse();

    assertThat(stores.remove("MA")).isTrue();
    assertThat(stores.remove("MA")).isFalse();
    assertThat(second.isClosed()).isTrue();

    stores.closeAll();
    assertThat(other.isClosed()).isTrue();
    assertThat(stores.size()).isZero();
  }

  private static InvocationContext context(String actor, String operation) {
    return new InvocationContext(
        "inv-1",
        operation,
        WasmCloudEntity.actor(actor),
        new LinkDefinition(actor, "VPROVIDER", "default", KeyValue.CONTRACT_ID, Map.of()));
  }
}
