package dev.trellis.host.actor;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nine {@code wasmbus} imports of spec §1.2, bound to one instance's {@link CallState}. All are
 * linked for every actor and none is required. {@code __host_call} returns 1 on success and -1
 * (0xFFFFFFFF, the 0.62+ value) on failure; guests test {@code != 1}.
 */
final class WasmbusImports {
  static final String MODULE = "wasmbus";
  private static final Logger LOG = LoggerFactory.getLogger(WasmbusImports.class);
  private static final long[] NONE = new long[0];

  private final CallState state;
  private final HostCallHandler handler;
  private final String actorKey;
  private final int maxPayloadBytes;

  WasmbusImports(CallState state, HostCallHandler handler, String actorKey, int maxPayloadBytes) {
    this.state = state;
    this.handler = handler;
    this.actorKey = actorKey;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  List<HostFunction> functions() {
    return List.of(
        fn("__guest_request", params(2), false, this::guestRequest),
        fn("__guest_response", params(2), false, this::guestResponse),
        fn("__guest_error", params(2), false, this::guestError),
        fn("__host_call", params(8), true, this::hostCall),
        fn("__host_response_len", params(0), true, (i, a) -> hostResponseLen()),
        fn("__host_response", params(1), false, this::hostResponse),
        fn("__host_error_len", params(0), true, (i, a) -> hostErrorLen()),
        fn("__host_error", params(1), false, this::hostError),
        fn("__console_log", params(2), false, this::consoleLog));
  }

  private long[] guestRequest(Instance instance, long... args) {
    if (!state.takeRequest()) {
      throw new GuestTrap("unexpected `__guest_request`");
    }
    Memory memory = instance.memory();
    memory.write(address(args[0]), state.operation());
    memory.write(address(args[1]), state.message());
    return NONE;
  }

  private long[] guestResponse(Instance instance, long... args) {
    int len = length(args[1]);
    if (len > maxPayloadBytes) {
      state.limitViolation(
          "actor "
              + actorKey
              + " produced a response of "
              + len
              + " bytes, over its limit of "
              + maxPayloadBytes);
      return NONE;
    }
    state.guestResponse(instance.memory().readBytes(address(args[0]), len));
    return NONE;
  }

  private long[] guestError(Instance instance, long... args) {
    int len = Math.min(length(args[1]), maxPayloadBytes);
    state.guestError(readString(instance, args[0], len));
    return NONE;
  }

  private long[] hostCall(Instance instance, long... args) {
    if (!state.inCall()) {
      throw new GuestTrap("unexpected `__host_call` outside of a guest call");
    }
    String binding = readString(instance, args[0], length(args[1]));
    String namespace = readString(instance, args[2], length(args[3]));
    String operation = readString(instance, args[4], length(args[5]));
    int len = length(args[7]);
    HostCallResult result;
    if (len > maxPayloadBytes) {
      result =
          HostCallResult.err(
              "failed to call "
                  + namespace
                  + " for actor "
                  + actorKey
                  + ": payload of "
                  + len
                  + " bytes is over the limit of "
                  + maxPayloadBytes);
    } else {
      byte[] payload = instance.memory().readBytes(address(args[6]), len);
      try {
        result = handler.call(binding, namespace, operation, payload);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CallInterrupted();
      }
    }
    if (result instanceof HostCallResult.Trap trap) {
      throw new GuestTrap(trap.text());
    }
    state.hostResult(result);
    return new long[] {result instanceof HostCallResult.Ok ? 1 : 0xFFFFFFFFL};
  }

  private long[] hostResponseLen() {
    byte[] bytes = state.peekHostResponse();
    return new long[] {bytes == null ? 0 : bytes.length};
  }

  private long[] hostResponse(Instance instance, long... args) {
    byte[] bytes = state.takeHostResponse();
    if (bytes != null) {
      instance.memory().write(address(args[0]), bytes);
    }
    return NONE;
  }

  private long[] hostErrorLen() {
    String text = state.peekHostError();
    return new long[] {text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length};
  }

  private long[] hostError(Instance instance, long... args) {
    String text = state.takeHostError();
    if (text != null) {
      instance.memory().write(address(args[0]), text.getBytes(StandardCharsets.UTF_8));
    }
    return NONE;
  }

  private long[] consoleLog(Instance instance, long... args) {
    String text = readString(instance, args[0], Math.min(length(args[1]), 64 * 1024));
    if (!text.isEmpty()) {
      LOG.debug("console log actor={} text={}", actorKey, text);
    }
    return NONE;
  }

  private static String readString(Instance instance, long ptr, int len) {
    return new String(instance.memory().readBytes(address(ptr), len), StandardCharsets.UTF_8);
  }

  /** Pointers are unsigned 32-bit offsets; anything past 2 GiB cannot be in a 32-bit memory. */
  private static int address(long value) {
    long unsigned = value & 0xFFFFFFFFL;
    if (unsigned > Integer.MAX_VALUE) {
      throw new GuestTrap("out of bounds memory access at " + unsigned);
    }
    return (int) unsigned;
  }

  private static int length(long value) {
    return address(value);
  }

  private static FunctionType params(int count) {
    return FunctionType.of(Collections.nCopies(count, ValType.I32), List.of());
  }

  private static HostFunction fn(
      String name, FunctionType params, boolean returnsI32, WasmFunctionHandle handle) {
    FunctionType type =
        returnsI32 ? FunctionType.of(params.params(), List.of(ValType.I32)) : params;
    return new HostFunction(MODULE, name, type, handle);
  }
}
