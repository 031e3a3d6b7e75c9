package dev.trellis.providers.keyvalue.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

  @Test
  void aStringThatNeverExpiresIsStoredAsItsUtf8Bytes() {
    byte[] bytes = EntryCodec.encode(StoredValue.string("héllo", 0));

    assertThat(bytes).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    assertThat(EntryCodec.decode(bytes))
        .isEqualTo(new StoredEntry.Inline(StoredValue.string("héllo", 0)));
  }

  @Test
  void theEmptyStringIsEmptyBytes() {
    assertThat(EntryCodec.encode(StoredValue.string("", 0))).isEmpty();
    assertThat(EntryCodec.decode(new byte[0]))
        .isEqualTo(new StoredEntry.Inline(StoredValue.string("", 0)));
  }

  @Test
  void expiringStringsListsAndSetsRoundTripThroughTheEnvelope() {
    for (StoredValue value :
        List.of(
            StoredValue.string("v", 1_700_000_000_123L),
            StoredValue.list(List.of("a", "b", "a")),
            StoredValue.set(List.of("x", "y")),
            StoredValue.list(List.of()))) {
      byte[] bytes = EntryCodec.encode(value);
      assertThat(bytes[0] & 0xf0).as("a msgpack fixmap").isEqualTo(0x80);
      assertThat(EntryCodec.decode(bytes)).isEqualTo(new StoredEntry.Inline(value));
    }
  }

  @Test
  void aPointerNamesItsObjectAndKeepsTheExpiry() {
    byte[] bytes = EntryCodec.encodePointer(StoredValue.string("big", 42), "OBJ1", 1234);

    assertThat(EntryCodec.decode(bytes)).isEqualTo(new StoredEntry.Spilled("OBJ1", 42));
  }

  @Test
  void aSpilledObjectHoldsTheValueInEitherForm() {
    assertThat(EntryCodec.decodeObject("plain".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(StoredValue.string("plain", 0));
    StoredValue list = StoredValue.list(List.of("a"));
    assertThat(EntryCodec.decodeObject(EntryCodec.encode(list))).isEqualTo(list);
  }

  @Test
  void bytesThatAreNotUtf8ReadAsAStringWithReplacementCharacters() {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};

    assertThat(EntryCodec.decode(latin1))
        .isEqualTo(new StoredEntry.Inline(StoredValue.string("caf\uFFFD", 0)));
  }

  @Test
  void anEnvelopeWithAnUnknownKindIsRefused() {
    byte[] bytes = {(byte) 0x81, (byte) 0xa4, 'k', 'i', 'n', 'd', (byte) 0xa3, 'm', 'a', 'p'};

    assertThatThrownBy(() -> EntryCodec.decode(bytes))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unknown kind 'map'");
  }
}
