;; Hostile: fails politely. Reports the text below with __guest_error and returns 0, so the
;; caller must receive exactly this text as the invocation error.
(module
  (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
  (import "wasmbus" "__guest_error" (func $guest_error (param i32 i32)))
  (memory (export "memory") 17)
  (data (i32.const 1024) "hostile: guest error on purpose")
  (func $guest_call (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
    (call $guest_request (i32.const 65536) (i32.add (i32.const 65536) (local.get $op_len)))
    (call $guest_error (i32.const 1024) (i32.const 31))
    (i32.const 0)))
