;; Hostile: unbounded recursion. $recurse calls itself with no base case (not in tail
;; position), so the call stack overflows; the host must turn that into a failed call, not a
;; crashed thread.
(module
  (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
  (memory (export "memory") 17)
  (func $recurse (param $depth i32) (result i32)
    (i32.add
      (call $recurse (i32.add (local.get $depth) (i32.const 1)))
      (i32.const 1)))
  (func $guest_call (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
    (call $guest_request (i32.const 65536) (i32.add (i32.const 65536) (local.get $op_len)))
    (drop (call $recurse (i32.const 0)))
    (i32.const 1)))
