package dev.trellis.interfaces.claims;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level section structure of a WebAssembly core module: just enough to find, strip and
 * append custom sections (spec §8.4). Section contents other than custom-section names are not
 * interpreted. Every read is bounds-checked and LEB128 reads stop after 5 bytes, so garbage input
 * fails fast with {@link MalformedModuleException}.
 */
final class WasmSections {
  static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  static final int CUSTOM = 0;

  private WasmSections() {}

  /**
   * One top-level section.
   *
   * @param id the section id
   * @param start offset of the id byte
   * @param contentStart offset of the first content byte (after the size)
   * @param end offset one past the last content byte
   * @param customName the name of a custom section, or {@code null} for other sections
   */
  record Section(int id, int start, int contentStart, int end, String customName) {
    boolean isJwt() {
      return "jwt".equals(customName) || "wasmcloud_jwt".equals(customName);
    }

    /** The custom section's payload after its name. */
    int payloadStart(byte[] module) {
      int[] cursor = {contentStart};
      int nameLength = (int) readU32(module, cursor, end);
      return cursor[0] + nameLength;
    }
  }

  static List<Section> parse(byte[] module) {
    if (module == null || module.length < HEADER.length) {
      throw new MalformedModuleException(
          "failed to read wasm module: "
              + (module == null ? "no bytes" : module.length + " bytes")
              + " is shorter than the 8-byte header");
    }
    for (int i = 0; i < 4; i++) {
      if (module[i] != HEADER[i]) {
        throw new MalformedModuleException("failed to read wasm module: no \\0asm magic number");
      }
    }
    for (int i = 4; i < HEADER.length; i++) {
      if (module[i] != HEADER[i]) {
        throw new MalformedModuleException(
            String.format(
                "failed to read wasm module: version %02x %02x %02x %02x is not a core module"
                    + " (version 1); components are not supported",
                module[4], module[5], module[6], module[7]));
      }
    }
    List<Section> sections = new ArrayList<>();
    int[] cursor = {HEADER.length};
    while (cursor[0] < module.length) {
      int start = cursor[0];
      int id = module[cursor[0]++] & 0xFF;
      long size = readU32(module, cursor, module.length);
      int contentStart = cursor[0];
      if (size > module.length - contentStart) {
        throw new MalformedModuleException(
            "failed to read wasm module: section "
                + id
                + " at offset "
                + start
                + " declares "
                + size
                + " bytes but only "
                + (module.length - contentStart)
                + " remain");
      }
      int end = contentStart + (int) size;
      String name = id == CUSTOM ? customName(module, contentStart, end, start) : null;
      sections.add(new Section(id, start, contentStart, end, name));
      cursor[0] = end;
    }
    return sections;
  }

  /** The module with every {@code jwt}/{@code wasmcloud_jwt} section removed. */
  static byte[] stripJwt(byte[] module, List<Section> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(module.length);
    out.write(module, 0, HEADER.length);
    for (Section section : sections) {
      if (!section.isJwt()) {
        out.write(module, section.start(), section.end() - section.start());
      }
    }
    return out.toByteArray();
  }

  /** {@code module} with a custom section {@code name} holding {@code payload} appended. */
  static byte[] appendCustom(byte[] module, String name, byte[] payload) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream content =
        new ByteArrayOutputStream(payload.length + nameBytes.length + 5);
    writeU32(content, nameBytes.length);
    content.writeBytes(nameBytes);
    content.writeBytes(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream(module.length + content.size() + 6);
    out.writeBytes(module);
    out.write(CUSTOM);
    writeU32(out, content.size());
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  private static String customName(byte[] module, int contentStart, int end, int start) {
    int[] cursor = {contentStart};
    long length = readU32(module, cursor, end);
    if (length > end - cursor[0]) {
      throw new MalformedModuleException(
          "failed to read wasm module: custom section at offset "
              + start
              + " has a name longer than the section");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(module, cursor[0], (int) length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedModuleException(
          "failed to read wasm module: custom section at offset "
              + start
              + " has a name that is not UTF-8");
    }
  }

  /** Reads an unsigned LEB128 u32 at {@code cursor[0]}, not reading at or past {@code limit}. */
  static long readU32(byte[] bytes, int[] cursor, int limit) {
    long result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (cursor[0] >= limit) {
        throw new MalformedModuleException(
            "failed to read wasm module: truncated LEB128 integer at offset " + cursor[0]);
      }
      int b = bytes[cursor[0]++] & 0xFF;
      if (shift == 28 && (b & 0x70) != 0) {
        throw new MalformedModuleException(
            "failed to read wasm module: LEB128 integer too large at offset " + (cursor[0] - 1));
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new MalformedModuleException(
        "failed to read wasm module: LEB128 integer longer than 5 bytes at offset " + cursor[0]);
  }

  static void writeU32(ByteArrayOutputStream out, long value) {
    long rest = value;
    do {
      int b = (int) (rest & 0x7F);
      rest >>>= 7;
      out.write(rest != 0 ? b | 0x80 : b);
    } while (rest != 0);
  }
}
