package dev.trellis.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Generates wasmbus actors byte by byte (unsigned; sign them with {@link Modules#sign}).
 *
 * <p>The actor is a raw echo: {@code __guest_call(op_len, msg_len)} grows its memory to fit, asks
 * the host for the operation and message ({@code __guest_request(0, op_len)}) and answers the
 * message bytes unchanged ({@code __guest_response(op_len, msg_len)}), whatever the operation. It
 * can carry {@code filler} extra functions of about {@code fillerBytes} of code each: never called,
 * but parsed and compiled like any other, which gives a module of a chosen size whose cost is code,
 * as in a real 2 MB Rust actor (a large data or custom section would be skipped by the compiler).
 */
final class WasmModules {
  private static final byte I32 = 0x7f;
  private static final byte FUNC = 0x60;

  private WasmModules() {}

  /** A raw echo actor with no filler: ~150 bytes. */
  static byte[] rawEcho() {
    return rawEcho(0, 0);
  }

  /** A raw echo actor with {@code filler} generated functions of ~{@code fillerBytes} each. */
  static byte[] rawEcho(int filler, int fillerBytes) {
    ByteArrayOutputStream module = new ByteArrayOutputStream();
    module.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    // types: 0 = (i32, i32) -> (), 1 = (i32, i32) -> i32, 2 = (i32) -> i32
    section(
        module, 1, bytes(3, FUNC, 2, I32, I32, 0, FUNC, 2, I32, I32, 1, I32, FUNC, 1, I32, 1, I32));
    ByteArrayOutputStream imports = new ByteArrayOutputStream();
    u32(imports, 2);
    functionImport(imports, "wasmbus", "__guest_request", 0);
    functionImport(imports, "wasmbus", "__guest_response", 0);
    section(module, 2, imports.toByteArray());
    ByteArrayOutputStream functions = new ByteArrayOutputStream();
    u32(functions, 1 + filler);
    functions.write(1);
    for (int i = 0; i < filler; i++) {
      functions.write(2);
    }
    section(module, 3, functions.toByteArray());
    section(module, 5, bytes(1, 0x00, 1)); // one memory, 1 page, no maximum
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    u32(exports, 2);
    name(exports, "memory");
    exports.writeBytes(bytes(0x02, 0));
    name(exports, "__guest_call");
    exports.writeBytes(bytes(0x00, 2)); // function index 2: after the two imports
    section(module, 7, exports.toByteArray());
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    u32(code, 1 + filler);
    body(code, guestCall());
    for (int i = 0; i < filler; i++) {
      body(code, fillerFunction(i, fillerBytes));
    }
    section(module, 10, code.toByteArray());
    return module.toByteArray();
  }

  private static byte[] guestCall() {
    return bytes(
        1, 1, I32, // one local: i32 (index 2)
        0x20, 0, 0x20, 1, 0x6a, // op_len + msg_len
        0x41, 0xff, 0xff, 0x03, 0x6a, 0x41, 16, 0x76, // pages needed: (n + 65535) >> 16
        0x3f, 0, 0x6b, 0x22, 2, // minus memory.size; tee local 2
        0x41, 0, 0x4a, 0x04, 0x40, // if local 2 > 0
        0x20, 2, 0x40, 0, 0x1a, // memory.grow(local 2); drop
        0x0b, // end if
        0x41, 0, 0x20, 0, 0x10, 0, // __guest_request(0, op_len)
        0x20, 0, 0x20, 1, 0x10, 1, // __guest_response(op_len, msg_len)
        0x41, 1, // return 1
        0x0b);
  }

  /** {@code (func (param i32) (result i32))}: the parameter through a chain of adds and xors. */
  private static byte[] fillerFunction(int index, int size) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(size + 16);
    body.write(0); // no locals
    body.writeBytes(bytes(0x20, 0)); // local.get 0
    int step = 0;
    while (body.size() < size) {
      body.write(0x41); // i32.const
      s32(body, (index * 7919 + step * 31) & 0xfffff);
      body.write(step % 2 == 0 ? 0x6a : 0x73); // i32.add / i32.xor
      step++;
    }
    body.write(0x0b);
    return body.toByteArray();
  }

  private static void body(ByteArrayOutputStream code, byte[] body) {
    u32(code, body.length);
    code.writeBytes(body);
  }

  private static void functionImport(
      ByteArrayOutputStream out, String module, String field, int type) {
    name(out, module);
    name(out, field);
    out.write(0x00);
    u32(out, type);
  }

  private static void section(ByteArrayOutputStream module, int id, byte[] content) {
    module.write(id);
    u32(module, content.length);
    module.writeBytes(content);
  }

  private static void name(ByteArrayOutputStream out, String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    u32(out, utf8.length);
    out.writeBytes(utf8);
  }

  private static void u32(ByteArrayOutputStream out, long value) {
    long rest = value;
    do {
      int b = (int) (rest & 0x7f);
      rest >>>= 7;
      out.write(rest != 0 ? b | 0x80 : b);
    } while (rest != 0);
  }

  private static void s32(ByteArrayOutputStream out, int value) {
    int rest = value;
    while (true) {
      int b = rest & 0x7f;
      rest >>= 7;
      boolean done = (rest == 0 && (b & 0x40) == 0) || (rest == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
