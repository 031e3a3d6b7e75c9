package dev.trellis.host.actor;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything an actor instance may import: the nine {@code wasmbus} functions, WASI preview1 (no
 * filesystem, empty environment, argv {@code ["main.wasm"]}, stdout and stderr into the host log)
 * and AssemblyScript's {@code env.abort}. Built once per instance, since WASI and the call buffers
 * are per-instance state.
 */
final class HostImports {
  static final String WASI_MODULE = "wasi_snapshot_preview1";

  private HostImports() {}

  static ImportValues forInstance(
      CallState state, HostCallHandler handler, String actorKey, ActorLimits limits) {
    List<ImportFunction> functions = new ArrayList<>();
    functions.addAll(
        new WasmbusImports(state, handler, actorKey, limits.maxPayloadBytes()).functions());
    functions.addAll(List.of(wasi(actorKey).toHostFunctions()));
    functions.add(abort());
    return ImportValues.builder().withFunctions(functions).build();
  }

  /** Whether {@code module.name} is something this host links. */
  static boolean provides(String module, String name) {
    return WasmbusImports.MODULE.equals(module)
        || WASI_MODULE.equals(module)
        || ("env".equals(module) && "abort".equals(name));
  }

  private static WasiPreview1 wasi(String actorKey) {
    WasiOptions options =
        WasiOptions.builder()
            .withArguments(List.of("main.wasm"))
            .withStdin(new ByteArrayInputStream(new byte[0]))
            .withStdout(new GuestLog(actorKey, "stdout"))
            .withStderr(new GuestLog(actorKey, "stderr"))
            .build();
    return WasiPreview1.builder().withOptions(options).build();
  }

  /**
   * AssemblyScript's {@code abort(message, file, line, column)}: traps with the decoded message.
   */
  private static HostFunction abort() {
    FunctionType type = FunctionType.of(Collections.nCopies(4, ValType.I32), List.of());
    return new HostFunction(
        "env",
        "abort",
        type,
        (Instance instance, long... args) -> {
          String message = assemblyScriptString(instance, args[0]);
          String file = assemblyScriptString(instance, args[1]);
          throw new GuestTrap("abort: " + message + " at " + file + ":" + args[2] + ":" + args[3]);
        });
  }

  /**
   * AssemblyScript strings are UTF-16LE with their byte length in the 4 bytes before the pointer.
   */
  private static String assemblyScriptString(Instance instance, long ptr) {
    try {
      int address = (int) ptr;
      if (address < 4) {
        return "";
      }
      int len = instance.memory().readInt(address - 4);
      if (len < 0 || len > 4096) {
        return "";
      }
      return new String(instance.memory().readBytes(address, len), StandardCharsets.UTF_16LE);
    } catch (RuntimeException e) {
      return "";
    }
  }
}
