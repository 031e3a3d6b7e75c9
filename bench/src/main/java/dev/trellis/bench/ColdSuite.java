package dev.trellis.bench;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.trellis.host.actor.Actor;
import dev.trellis.host.actor.ActorLimits;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.actor.ActorRuntime;
import dev.trellis.host.actor.HostCallHandler;
import dev.trellis.host.actor.Isolation;
import dev.trellis.nats.NatsServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Actor cold start on Chicory, the median of {@code coldRuns} in one JVM: parse, compile to JVM
 * bytecode, and the whole start the host performs (claims verification, digest, parse, compile,
 * first instance) in a runtime with an empty compile cache; then the restart of the same module
 * with the compile cache warm (digest and instantiation only). Modules: ponger-c (the smallest
 * corpus actor), echo-rust (a Rust actor) and a generated ~2 MB raw echo whose size is code.
 */
final class ColdSuite implements Suite {
  static final String NAME = "cold";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Result> run(NatsServer server, Settings settings) throws Exception {
    List<Result> results = new ArrayList<>();
    results.addAll(measure("ponger-c", Modules.read("ponger-c"), settings.coldRuns()));
    results.addAll(measure("echo-rust", Modules.read("echo-rust"), settings.coldRuns()));
    byte[] big =
        Modules.sign(
            WasmModules.rawEcho(settings.bigModuleFunctions(), 2048), "Generated echo", null);
    results.addAll(measure("generated echo", big, settings.coldRuns()));
    return results;
  }

  private List<Result> measure(String name, byte[] module, int runs) throws Exception {
    String label = String.format(Locale.ROOT, "%s (%s)", name, size(module.length));
    ActorModule verified = ActorModule.verify(module, Clock.systemUTC());
    String key = verified.publicKey();
    double parse = Timing.medianMillis(runs, () -> Parser.parse(module));
    WasmModule parsed = Parser.parse(module);
    double compile =
        Timing.medianMillis(
            runs,
            () ->
                MachineFactoryCompiler.builder(parsed)
                    .withInterpreterFallback(InterpreterFallback.WARN)
                    .compile());
    double cold =
        Timing.medianMillis(
            runs,
            () -> {
              try (ActorRuntime runtime = new ActorRuntime()) {
                ActorModule.verify(module, Clock.systemUTC());
                start(runtime, key, module).close();
              }
            });
    double restart;
    try (ActorRuntime runtime = new ActorRuntime()) {
      start(runtime, key, module).close();
      restart = Timing.medianMillis(Math.max(runs, 5), () -> start(runtime, key, module).close());
    }
    return List.of(
        Result.figure(NAME, label + ": parse", parse, "ms"),
        Result.figure(NAME, label + ": compile", compile, "ms"),
        Result.figure(NAME, label + ": cold start (verify+parse+compile+instantiate)", cold, "ms")
            .versus("baseline"),
        Result.figure(NAME, label + ": restart, compile cache warm", restart, "ms")
            .versus(String.format(Locale.ROOT, "%.0f× faster than cold", cold / restart)));
  }

  private static Actor start(ActorRuntime runtime, String key, byte[] module) {
    return runtime.start(
        key, module, Isolation.POOLED, ActorLimits.DEFAULT, 1, HostCallHandler.NONE);
  }

  static String size(long bytes) {
    return bytes >= Settings.MIB
        ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) Settings.MIB)
        : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}
