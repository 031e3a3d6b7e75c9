package dev.trellis.host.actor;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed, checked and compiled actor module: compiled once per distinct module and shared by
 * every instance of every actor built from it.
 *
 * @param digest SHA-256 of the module bytes (the compile cache key)
 * @param module the parsed module
 * @param machineFactory Chicory's compiled machine factory (or the interpreter)
 * @param compiled whether the compiler produced the factory (false: interpreter fallback)
 * @param exports the exported names
 * @param memory the declared memory limits
 */
record CompiledModule(
    String digest,
    WasmModule module,
    Function<Instance, Machine> machineFactory,
    boolean compiled,
    Set<String> exports,
    MemoryLimits memory) {

  static final FunctionType GUEST_CALL_TYPE =
      FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

  boolean exports(String name) {
    return exports.contains(name);
  }

  static Set<String> exportNames(WasmModule module) {
    Set<String> names = new HashSet<>();
    var section = module.exportSection();
    for (int i = 0; i < section.exportCount(); i++) {
      names.add(section.getExport(i).name());
    }
    return Set.copyOf(names);
  }

  static boolean exportsMemory(WasmModule module) {
    var section = module.exportSection();
    for (int i = 0; i < section.exportCount(); i++) {
      var export = section.getExport(i);
      if (export.exportType() == ExternalType.MEMORY && "memory".equals(export.name())) {
        return true;
      }
    }
    return false;
  }
}
