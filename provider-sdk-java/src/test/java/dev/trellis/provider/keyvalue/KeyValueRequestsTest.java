package dev.trellis.provider.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.ListRangeRequest;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import org.junit.jupiter.api.Test;

class KeyValueRequestsTest {

  @Test
  void decodesCompleteRequests() {
    byte[] set =
        new MsgpackWriter()
            .mapHeader(3)
            .key("key")
            .string("k")
            .key("value")
            .string("v")
            .key("expires")
            .integer(5)
            .toByteArray();

    assertThat(KeyValueRequests.set(set)).isEqualTo(new SetRequest("k", "v", 5));
  }

  @Test
  void numbersKeepTheirDefaults() {
    byte[] incr = new MsgpackWriter().mapHeader(1).key("key").string("k").toByteArray();
    byte[] range = new MsgpackWriter().mapHeader(1).key("listName").string("l").toByteArray();

    assertThat(KeyValueRequests.increment(incr)).isEqualTo(new IncrementRequest("k", 0));
    assertThat(KeyValueRequests.listRange(range)).isEqualTo(new ListRangeRequest("l", 0, 0));
  }

  @Test
  void aMissingOrNilRequiredFieldIsNamed() {
    byte[] noValue = new MsgpackWriter().mapHeader(1).key("key").string("k").toByteArray();
    byte[] nilKey =
        new MsgpackWriter()
            .mapHeader(2)
            .key("setName")
            .nil()
            .key("value")
            .string("v")
            .toByteArray();

    assertThatThrownBy(() -> KeyValueRequests.set(noValue))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode SetRequest: field 'value' is missing");
    assertThatThrownBy(() -> KeyValueRequests.setAdd(nilKey))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode SetAddRequest: field 'setName' is missing");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamed() {
    byte[] intKey =
        new MsgpackWriter()
            .mapHeader(2)
            .key("key")
            .integer(7)
            .key("value")
            .integer(1)
            .toByteArray();

    assertThatThrownBy(() -> KeyValueRequests.increment(intKey))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("IncrementRequest")
        .hasMessageContaining("'key'");
  }

  @Test
  void aBareNameMustBeAString() {
    assertThat(KeyValueRequests.name(new MsgpackWriter().string("k").toByteArray())).isEqualTo("k");
    assertThatThrownBy(() -> KeyValueRequests.name(new MsgpackWriter().integer(1).toByteArray()))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> KeyValueRequests.names(new MsgpackWriter().string("s").toByteArray()))
        .isInstanceOf(DecodeException.class);
  }
}
