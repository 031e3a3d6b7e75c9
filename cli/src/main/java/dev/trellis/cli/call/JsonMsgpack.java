package dev.trellis.cli.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.Value;

/**
 * JSON to msgpack and back, generically, as {@code wash call} does: objects are maps, arrays are
 * arrays, strings are str, integers are int, other numbers float64, {@code true}/{@code false} are
 * bool, {@code null} is nil. A string starting with {@value #BASE64} carries bytes: it becomes a
 * msgpack bin of the decoded base64.
 *
 * <p>Back to JSON, bin (and str that is not UTF-8) becomes a string when it is valid UTF-8, else
 * {@value #BASE64} followed by its base64; map keys that are not strings are written as their JSON
 * text; an extension value becomes {@code {"ext": type, "data": "@base64:…"}}.
 */
public final class JsonMsgpack {
  /** The prefix marking a JSON string as base64-encoded bytes. */
  public static final String BASE64 = "@base64:";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private JsonMsgpack() {}

  /**
   * The msgpack encoding of {@code json}.
   *
   * @throws CliException for a number msgpack cannot hold or bad base64
   */
  public static byte[] encode(JsonNode json) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      write(packer, json, "$");
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code bytes} as one msgpack value turned into JSON; empty when the bytes are not exactly one
   * msgpack value.
   */
  public static Optional<JsonNode> decode(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
      Value value = unpacker.unpackValue();
      if (unpacker.hasNext()) {
        return Optional.empty();
      }
      return Optional.of(toJson(value));
    } catch (IOException | MessagePackException e) {
      return Optional.empty();
    }
  }

  /** Bytes as JSON text: the string when valid UTF-8, else {@value #BASE64} and base64. */
  public static JsonNode bytes(byte[] bytes) {
    return NODES.textNode(text(bytes).orElse(BASE64 + Base64.getEncoder().encodeToString(bytes)));
  }

  /** {@code bytes} as a string when they are valid UTF-8. */
  public static Optional<String> text(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * The bytes a JSON string stands for: {@value #BASE64} decoded, else its UTF-8.
   *
   * @throws CliException for bad base64
   */
  public static byte[] bytesOf(String text, String path) {
    if (!text.startsWith(BASE64)) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(text.substring(BASE64.length()).strip());
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "failed to read the payload: " + path + " starts with " + BASE64 + " but is not base64");
    }
  }

  private static void write(MessageBufferPacker p, JsonNode node, String path) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      p.packNil();
    } else if (node.isObject()) {
      p.packMapHeader(node.size());
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        p.packString(field.getKey());
        write(p, field.getValue(), path + "." + field.getKey());
      }
    } else if (node.isArray()) {
      p.packArrayHeader(node.size());
      for (int i = 0; i < node.size(); i++) {
        write(p, node.get(i), path + "[" + i + "]");
      }
    } else if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith(BASE64)) {
        byte[] bytes = bytesOf(text, path);
        p.packBinaryHeader(bytes.length);
        p.writePayload(bytes);
      } else {
        p.packString(text);
      }
    } else if (node.isBoolean()) {
      p.packBoolean(node.asBoolean());
    } else if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.bitLength() < 64) {
        p.packLong(value.longValue());
      } else if (value.signum() > 0 && value.compareTo(U64_MAX) <= 0) {
        p.packBigInteger(value);
      } else {
        throw new CliException(
            "failed to read the payload: " + path + " = " + value + " does not fit in 64 bits");
      }
    } else if (node.isNumber()) {
      p.packDouble(node.asDouble());
    } else {
      throw new CliException("failed to read the payload: " + path + " cannot be sent");
    }
  }

  private static JsonNode toJson(Value value) {
    switch (value.getValueType()) {
      case NIL:
        return NODES.nullNode();
      case BOOLEAN:
        return NODES.booleanNode(value.asBooleanValue().getBoolean());
      case INTEGER:
        return value.asIntegerValue().isInLongRange()
            ? NODES.numberNode(value.asIntegerValue().toLong())
            : NODES.numberNode(value.asIntegerValue().toBigInteger());
      case FLOAT:
        return NODES.numberNode(value.asFloatValue().toDouble());
      case STRING:
      case BINARY:
        return bytes(value.asRawValue().asByteArray());
      case ARRAY:
        ArrayNode array = NODES.arrayNode();
        value.asArrayValue().forEach(v -> array.add(toJson(v)));
        return array;
      case MAP:
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<Value, Value> e : value.asMapValue().entrySet()) {
          Value key = e.getKey();
          String name =
              key.isStringValue() || key.isBinaryValue()
                  ? bytes(key.asRawValue().asByteArray()).asText()
                  : key.toJson();
          object.set(name, toJson(e.getValue()));
        }
        return object;
      case EXTENSION:
        ExtensionValue ext = value.asExtensionValue();
        ObjectNode node = NODES.objectNode();
        node.put("ext", ext.getType());
        node.put("data", BASE64 + Base64.getEncoder().encodeToString(ext.getData()));
        return node;
      default:
        return NODES.textNode(value.toJson());
    }
  }
}
