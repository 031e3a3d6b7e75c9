package dev.trellis.interfaces.claims;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small WebAssembly modules built byte by byte. */
final class TestModules {
  private TestModules() {}

  /** {@code (module (func))} plus a custom section "note" holding {@code note}. */
  static byte[] tiny(String note) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmSections.HEADER);
    out.writeBytes(new byte[] {0x01, 0x04, 0x01, 0x60, 0x00, 0x00}); // type: () -> ()
    out.writeBytes(new byte[] {0x03, 0x02, 0x01, 0x00}); // function: type 0
    out.writeBytes(new byte[] {0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b}); // code: empty body
    return WasmSections.appendCustom(
        out.toByteArray(), "note", note.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code module} with a custom section {@code name} inserted right after the header. */
  static byte[] withLeadingCustom(byte[] module, String name, String payload) {
    byte[] section =
        WasmSections.appendCustom(
            WasmSections.HEADER, name, payload.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(section);
    out.write(module, 8, module.length - 8);
    return out.toByteArray();
  }
}
