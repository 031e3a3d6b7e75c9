package dev.trellis.host.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActorRuntimeTest {
  private static final String KEY = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5";
  private final ActorRuntime runtime = new ActorRuntime();
  private final List<Actor> actors = new ArrayList<>();

  @AfterEach
  void stop() {
    actors.forEach(Actor::close);
    runtime.close();
  }

  private Actor start(String body, Isolation isolation, ActorLimits limits, HostCallHandler h) {
    Actor actor = runtime.start(KEY, Wat.wasm(body), isolation, limits, 2, h);
    actors.add(actor);
    return actor;
  }

  private Actor start(String body) {
    return start(body, Isolation.POOLED, ActorLimits.DEFAULT, HostCallHandler.NONE);
  }

  private static GuestOutcome call(Actor actor, String op, byte[] msg) throws Exception {
    return actor.call(op, msg).get(30, TimeUnit.SECONDS);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void echoReturnsThePayloadInBothIsolationModes() throws Exception {
    for (Isolation isolation : Isolation.values()) {
      Actor actor = start(Wat.ECHO, isolation, ActorLimits.DEFAULT, HostCallHandler.NONE);
      GuestOutcome outcome = call(actor, "HttpServer.HandleRequest", bytes("hello"));
      assertThat(outcome).isInstanceOf(GuestOutcome.Success.class);
      assertThat(((GuestOutcome.Success) outcome).response()).isEqualTo(bytes("hello"));
    }
  }

  @Test
  void pooledInstancesKeepStateAndFreshOnesDoNot() throws Exception {
    Actor pooled =
        runtime.start(
            KEY,
            Wat.wasm(Wat.COUNTER),
            Isolation.POOLED,
            ActorLimits.DEFAULT,
            1,
            HostCallHandler.NONE);
    Actor fresh =
        runtime.start(
            KEY,
            Wat.wasm(Wat.COUNTER),
            Isolation.FRESH,
            ActorLimits.DEFAULT,
            1,
            HostCallHandler.NONE);
    actors.add(pooled);
    actors.add(fresh);
    List<Integer> pooledCounts = new ArrayList<>();
    List<Integer> freshCounts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pooledCounts.add(
          (int) ((GuestOutcome.Success) call(pooled, "X.Y", new byte[0])).response()[0]);
      freshCounts.add((int) ((GuestOutcome.Success) call(fresh, "X.Y", new byte[0])).response()[0]);
    }
    assertThat(pooledCounts).containsExactly(1, 2, 3);
    assertThat(freshCounts).containsExactly(1, 1, 1);
  }

  @Test
  void compilesEachDistinctModuleOnce() {
    start(Wat.ECHO);
    start(Wat.ECHO);
    start(Wat.TRAP);
    assertThat(runtime.compiledModules()).isEqualTo(2);
  }

  @Test
  void hostCallsReachTheHandlerAndReturnItsResponseOrError() throws Exception {
    List<String> seen = new ArrayList<>();
    Actor ok =
        start(
            Wat.FORWARD,
            Isolation.POOLED,
            ActorLimits.DEFAULT,
            (binding, ns, op, payload) -> {
              seen.add(
                  binding
                      + "|"
                      + ns
                      + "|"
                      + op
                      + "|"
                      + new String(payload, StandardCharsets.UTF_8));
              return HostCallResult.ok(bytes("42"));
            });
    GuestOutcome outcome = call(ok, "KeyValue.Increment", bytes("counter"));
    assertThat(((GuestOutcome.Success) outcome).response()).isEqualTo(bytes("42"));
    assertThat(seen).containsExactly("default|wasmcloud:keyvalue|KeyValue.Increment|counter");

    Actor failing =
        start(
            Wat.FORWARD,
            Isolation.POOLED,
            ActorLimits.DEFAULT,
            (binding, ns, op, payload) -> HostCallResult.err("no link"));
    assertThat(call(failing, "KeyValue.Get", bytes("k")))
        .isEqualTo(new GuestOutcome.Failure("no link"));
  }

  @Test
  void aBuiltinTrapFailsTheCallWithItsText() throws Exception {
    Actor actor =
        start(
            Wat.FORWARD,
            Isolation.POOLED,
            ActorLimits.DEFAULT,
            (binding, ns, op, payload) ->
                new HostCallResult.Trap("unknown builtin operation Foo.Bar"));
    assertThat(call(actor, "Foo.Bar", new byte[0]))
        .isEqualTo(new GuestOutcome.Failure("unknown builtin operation Foo.Bar"));
  }

  @Test
  void guestFailuresFollowTheAbiRules() throws Exception {
    assertThat(call(start(Wat.GUEST_ERROR), "A.B", new byte[0]))
        .isEqualTo(new GuestOutcome.Failure("no such thing"));
    assertThat(call(start(Wat.RETURNS_ZERO), "A.B", new byte[0]))
        .isEqualTo(new GuestOutcome.Failure("operation failed with exit code `0`"));
    assertThat(call(start(Wat.DOUBLE_REQUEST), "A.B", new byte[0]))
        .isEqualTo(new GuestOutcome.Failure("unexpected `__guest_request`"));
  }

  @Test
  void hostileActorsAreContainedAndTheirInstancesReplaced() throws Exception {
    ActorLimits tight =
        ActorLimits.DEFAULT.withCallTimeout(Duration.ofMillis(300)).withMaxMemoryPages(16);
    Actor loop = start(Wat.LOOP, Isolation.POOLED, tight, HostCallHandler.NONE);
    Actor bomb = start(Wat.MEMORY_BOMB, Isolation.POOLED, tight, HostCallHandler.NONE);
    Actor deep = start(Wat.RECURSION, Isolation.POOLED, tight, HostCallHandler.NONE);
    Actor trap = start(Wat.TRAP, Isolation.POOLED, tight, HostCallHandler.NONE);
    Actor echo = start(Wat.ECHO);

    CompletableFuture<GuestOutcome> looping = loop.call("A.B", new byte[0]);
    assertThat(call(echo, "A.B", bytes("still here"))).isInstanceOf(GuestOutcome.Success.class);
    assertThat(((GuestOutcome.Failure) looping.get(30, TimeUnit.SECONDS)).text())
        .contains("did not finish A.B within 300 ms");
    assertThat(((GuestOutcome.Failure) call(loop, "A.B", new byte[0])).text())
        .as("the next call gets a new instance and times out again")
        .contains("within 300 ms");
    assertThat(call(bomb, "A.B", new byte[0])).isInstanceOf(GuestOutcome.Failure.class);
    assertThat(((GuestOutcome.Failure) call(deep, "A.B", new byte[0])).text())
        .containsIgnoringCase("stack");
    assertThat(call(trap, "A.B", new byte[0])).isInstanceOf(GuestOutcome.Failure.class);
    assertThat(call(trap, "A.B", new byte[0]))
        .as("a trapped instance is replaced, and the replacement traps the same way")
        .isInstanceOf(GuestOutcome.Failure.class);
    assertThat(call(echo, "A.B", bytes("ok"))).isInstanceOf(GuestOutcome.Success.class);
  }

  @Test
  void oversizedPayloadsAreRefused() throws Exception {
    Actor actor =
        start(
            Wat.ECHO,
            Isolation.POOLED,
            ActorLimits.DEFAULT.withMaxPayloadBytes(4),
            HostCallHandler.NONE);
    assertThat(((GuestOutcome.Failure) call(actor, "A.B", bytes("too long"))).text())
        .contains("payload of 8 bytes is over its limit of 4");
  }

  @Test
  void modulesThatAreNotWasmbusActorsAreRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                runtime.start(
                    KEY,
                    bytes("not wasm"),
                    Isolation.POOLED,
                    ActorLimits.DEFAULT,
                    1,
                    HostCallHandler.NONE))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("not a valid wasm module");
    byte[] noGuestCall = Wat2Wasm.parse("(module (memory (export \"memory\") 1))");
    assertThatThrownBy(
            () ->
                runtime.start(
                    KEY,
                    noGuestCall,
                    Isolation.POOLED,
                    ActorLimits.DEFAULT,
                    1,
                    HostCallHandler.NONE))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("__guest_call(i32, i32) -> i32");
    byte[] wapc =
        Wat2Wasm.parse(
            "(module (import \"wapc\" \"__guest_call\" (func (param i32 i32)))"
                + " (memory (export \"memory\") 1)"
                + " (func (export \"__guest_call\") (param i32 i32) (result i32) (i32.const 1)))");
    assertThatThrownBy(
            () ->
                runtime.start(
                    KEY, wapc, Isolation.POOLED, ActorLimits.DEFAULT, 1, HostCallHandler.NONE))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("imports wapc.__guest_call");
    assertThatThrownBy(
            () ->
                start(
                    Wat.ECHO,
                    Isolation.POOLED,
                    ActorLimits.DEFAULT.withMaxMemoryPages(1),
                    HostCallHandler.NONE))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("starts at 2 pages, over its limit of 1");
  }
}
