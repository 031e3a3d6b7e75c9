package dev.trellis.host.actor;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * One Chicory instance of an actor with its per-call buffers. Thread-confined: only the worker that
 * took it from the pool touches it. After a trap or an interruption it is no longer {@link
 * #reusable()} and must be thrown away.
 */
final class ActorInstance {
  private final CompiledModule module;
  private final CallState state;
  private final ExportFunction guestCall;
  private final String actorKey;
  private boolean reusable = true;

  private ActorInstance(
      CompiledModule module, CallState state, Instance instance, String actorKey) {
    this.module = module;
    this.state = state;
    this.guestCall = instance.export("__guest_call");
    this.actorKey = actorKey;
  }

  /**
   * Instantiates {@code module} with the host's imports and runs its initialisers: {@code
   * _initialize} (WASI reactors) and {@code _start} (WASI commands, TinyGo), each once, if
   * exported. The legacy {@code start}/{@code wapc_init} hooks are not called (0.62+ behaviour).
   */
  static ActorInstance create(
      CompiledModule module, String actorKey, HostCallHandler handler, ActorLimits limits) {
    MemoryLimits declared = module.memory();
    if (declared.initialPages() > limits.maxMemoryPages()) {
      throw new ActorLoadException(
          "failed to start actor "
              + actorKey
              + ": its memory starts at "
              + declared.initialPages()
              + " pages, over its limit of "
              + limits.maxMemoryPages()
              + "; raise the actor's memory limit");
    }
    int max = Math.min(declared.maximumPages(), limits.maxMemoryPages());
    CallState state = new CallState();
    try {
      Instance instance =
          Instance.builder(module.module())
              .withImportValues(HostImports.forInstance(state, handler, actorKey, limits))
              .withMachineFactory(module.machineFactory())
              .withMemoryLimits(new MemoryLimits(declared.initialPages(), max))
              // byte[] pages: guest loads and stores cost less than on the ByteBuffer default
              .withMemoryFactory(ByteArrayMemory::new)
              .withStart(false)
              .build();
      runInitialiser(instance, module, "_initialize");
      runInitialiser(instance, module, "_start");
      return new ActorInstance(module, state, instance, actorKey);
    } catch (ChicoryException | GuestTrap | StackOverflowError e) {
      throw new ActorLoadException(
          "failed to instantiate actor " + actorKey + ": " + GuestFailure.describe(e), e);
    }
  }

  private static void runInitialiser(Instance instance, CompiledModule module, String name) {
    if (!module.exports(name)) {
      return;
    }
    try {
      instance.export(name).apply();
    } catch (WasiExitException e) {
      if (e.exitCode() != 0) {
        throw new GuestTrap(name + " exited with code " + e.exitCode());
      }
    }
  }

  CompiledModule module() {
    return module;
  }

  boolean reusable() {
    return reusable;
  }

  /**
   * Runs one inbound call (spec §1.3). Traps and interruptions become failures and make the
   * instance unusable; a {@link CallInterrupted} or Chicory interruption is rethrown as-is so the
   * caller can tell a timeout from a trap.
   */
  GuestOutcome invoke(String operation, byte[] msg) {
    state.begin(operation, msg);
    try {
      long[] result = guestCall.apply(state.operationLength(), state.messageLength());
      int rc = result == null || result.length == 0 ? 0 : (int) result[0];
      return state.outcome(rc);
    } catch (ChicoryInterruptedException | CallInterrupted e) {
      reusable = false;
      throw new CallInterrupted();
    } catch (RuntimeException | StackOverflowError e) {
      reusable = false;
      if (Thread.currentThread().isInterrupted()) {
        throw new CallInterrupted();
      }
      return GuestOutcome.failure(GuestFailure.describe(e));
    } finally {
      state.end();
    }
  }

  @Override
  public String toString() {
    return "ActorInstance[" + actorKey + "]";
  }
}
