package dev.trellis.interfaces.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.contract.blobstore.BlobstoreCodec;
import dev.trellis.interfaces.contract.blobstore.ContainerObject;
import dev.trellis.interfaces.msgpack.PayloadFormat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The receive-side format detection of spec §9.8. */
class PayloadFormatTest {

  @Test
  void detectsEachFormat() {
    assertThat(PayloadFormat.detect(new byte[0])).isEqualTo(PayloadFormat.EMPTY);
    assertThat(PayloadFormat.detect(new byte[] {0x7f})).isEqualTo(PayloadFormat.MSGPACK);
    assertThat(PayloadFormat.detect(new byte[] {0x7f, 0x01})).isEqualTo(PayloadFormat.CBOR);
    assertThat(PayloadFormat.detect(new byte[] {(byte) 0xc1, (byte) 0x80}))
        .isEqualTo(PayloadFormat.MSGPACK);
    assertThat(PayloadFormat.detect(new byte[] {0x05, 0x01})).isEqualTo(PayloadFormat.INVALID);
    assertThat(PayloadFormat.detect(new byte[] {(byte) 0xc0, 0x01}))
        .isEqualTo(PayloadFormat.INVALID);
    assertThat(PayloadFormat.detect(new byte[] {(byte) 0x82, 0x01}))
        .isEqualTo(PayloadFormat.MSGPACK);
    assertThat(PayloadFormat.bodyOffset(new byte[] {(byte) 0xc1, (byte) 0x80})).isEqualTo(1);
    assertThat(PayloadFormat.bodyOffset(new byte[] {(byte) 0x82, 0x01})).isZero();
  }

  @Test
  void decodesMsgpackBehindThe0xc1Marker() {
    ContainerObject co = new ContainerObject("c", "o");
    byte[] plain = BlobstoreCodec.encodeContainerObject(co);
    byte[] marked = new byte[plain.length + 1];
    marked[0] = (byte) 0xc1;
    System.arraycopy(plain, 0, marked, 1, plain.length);
    assertThat(BlobstoreCodec.decodeContainerObject(marked)).isEqualTo(co);
    assertThat(BlobstoreCodec.decodeContainerObject(plain)).isEqualTo(co);
  }

  @Test
  void refusesCborWithAClearMessage() {
    byte[] cbor = {0x7f, (byte) 0x82, 0x61, 0x63, 0x61, 0x6f};
    assertThatThrownBy(() -> BlobstoreCodec.decodeContainerObject(cbor))
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "failed to decode ContainerObject: CBOR payloads are not supported (prefix 0x7f);"
                + " send msgpack instead");
  }

  @Test
  void refusesReservedFirstBytes() {
    byte[] reserved = Arrays.copyOf(new byte[] {0x10}, 3);
    assertThatThrownBy(() -> BlobstoreCodec.decodeContainerObject(reserved))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode ContainerObject: payload starts with the reserved byte 0x10");
  }
}
