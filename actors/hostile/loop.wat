;; Hostile: an infinite loop. __guest_call fetches its request, then spins in a tight `br` loop
;; that makes no calls and touches no memory. Only the host's per-call deadline can end it; the
;; instance must then be discarded.
(module
  (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
  (memory (export "memory") 17)
  (func $guest_call (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
    ;; operation at 64 KiB, payload right after it (requests up to ~1 MiB fit)
    (call $guest_request (i32.const 65536) (i32.add (i32.const 65536) (local.get $op_len)))
    (loop $spin
      (br $spin))
    (i32.const 1)))
