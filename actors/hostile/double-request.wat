;; Hostile: calls __guest_request twice in one call (wasmCloud 0.62+ hosts trap on the second
;; call: "unexpected `__guest_request`"). If the host lets it through, it answers with the
;; payload it read, so a lenient host is visible in the result.
(module
  (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
  (import "wasmbus" "__guest_response" (func $guest_response (param i32 i32)))
  (memory (export "memory") 17)
  (func $guest_call (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
    (local $msg i32)
    (local.set $msg (i32.add (i32.const 65536) (local.get $op_len)))
    (call $guest_request (i32.const 65536) (local.get $msg))
    (call $guest_request (i32.const 65536) (local.get $msg))
    (call $guest_response (local.get $msg) (local.get $msg_len))
    (i32.const 1)))
