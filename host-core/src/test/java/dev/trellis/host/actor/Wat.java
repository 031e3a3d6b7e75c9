package dev.trellis.host.actor;

import com.dylibso.chicory.wabt.Wat2Wasm;

/** Small wasmbus actors written in WAT, compiled in-process by Chicory's wabt. */
final class Wat {
  private Wat() {}

  static byte[] wasm(String body) {
    return Wat2Wasm.parse(
        """
        (module
          (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
          (import "wasmbus" "__guest_response" (func $guest_response (param i32 i32)))
          (import "wasmbus" "__guest_error" (func $guest_error (param i32 i32)))
          (import "wasmbus" "__host_call"
            (func $host_call (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
          (import "wasmbus" "__host_response_len" (func $host_response_len (result i32)))
          (import "wasmbus" "__host_response" (func $host_response (param i32)))
          (import "wasmbus" "__host_error_len" (func $host_error_len (result i32)))
          (import "wasmbus" "__host_error" (func $host_error (param i32)))
          (memory (export "memory") 2 100)
        """
            + body
            + ")");
  }

  /** Echoes the payload: op at 1024, msg at 4096. */
  static final String ECHO =
      """
      (func (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (call $guest_response (i32.const 4096) (local.get $msg_len))
        (i32.const 1))
      """;

  /** Counts calls in a global and answers the count as one byte: shows whether state survives. */
  static final String COUNTER =
      """
      (global $n (mut i32) (i32.const 0))
      (func (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (global.set $n (i32.add (global.get $n) (i32.const 1)))
        (i32.store8 (i32.const 8000) (global.get $n))
        (call $guest_response (i32.const 8000) (i32.const 1))
        (i32.const 1))
      """;

  /** Forwards the payload through __host_call("default", "wasmcloud:keyvalue", op, msg). */
  static final String FORWARD =
      """
      (data (i32.const 100) "default")
      (data (i32.const 200) "wasmcloud:keyvalue")
      (func (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
        (local $len i32)
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (if (i32.ne (i32.const 1)
              (call $host_call (i32.const 100) (i32.const 7) (i32.const 200) (i32.const 18)
                    (i32.const 1024) (local.get $op_len) (i32.const 4096) (local.get $msg_len)))
          (then
            (local.set $len (call $host_error_len))
            (call $host_error (i32.const 20000))
            (call $guest_error (i32.const 20000) (local.get $len))
            (return (i32.const 0))))
        (local.set $len (call $host_response_len))
        (call $host_response (i32.const 20000))
        (call $guest_response (i32.const 20000) (local.get $len))
        (i32.const 1))
      """;

  static final String LOOP =
      """
      (func (export "__guest_call") (param i32 i32) (result i32)
        (loop $forever (br $forever))
        (i32.const 1))
      """;

  static final String MEMORY_BOMB =
      """
      (func (export "__guest_call") (param i32 i32) (result i32)
        (loop $grow
          (br_if $grow (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
        unreachable)
      """;

  static final String RECURSION =
      """
      (func $down (param $n i32) (result i32)
        (i32.add (call $down (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))
      (func (export "__guest_call") (param i32 i32) (result i32)
        (call $down (i32.const 0)))
      """;

  static final String TRAP =
      """
      (func (export "__guest_call") (param i32 i32) (result i32)
        unreachable)
      """;

  static final String DOUBLE_REQUEST =
      """
      (func (export "__guest_call") (param i32 i32) (result i32)
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (i32.const 1))
      """;

  static final String GUEST_ERROR =
      """
      (data (i32.const 100) "no such thing")
      (func (export "__guest_call") (param i32 i32) (result i32)
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (call $guest_error (i32.const 100) (i32.const 13))
        (i32.const 0))
      """;

  static final String RETURNS_ZERO =
      """
      (func (export "__guest_call") (param i32 i32) (result i32)
        (call $guest_request (i32.const 1024) (i32.const 4096))
        (i32.const 0))
      """;
}
