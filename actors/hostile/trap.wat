;; Hostile: an explicit trap. __guest_call fetches its request and executes `unreachable`.
(module
  (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
  (memory (export "memory") 17)
  (func $guest_call (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
    (call $guest_request (i32.const 65536) (i32.add (i32.const 65536) (local.get $op_len)))
    (unreachable)))
