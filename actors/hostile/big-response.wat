;; Hostile (size): answers every call with a 1 MiB response (1,048,576 bytes: "big!" repeated),
;; larger than the 900 KiB chunking threshold and than a default NATS max_payload of 1 MiB once
;; wrapped in an InvocationResponse. Tests the host's response size limit / chunking.
(module
  (import "wasmbus" "__guest_request" (func $guest_request (param i32 i32)))
  (import "wasmbus" "__guest_response" (func $guest_response (param i32 i32)))
  (memory (export "memory") 17)
  (func $guest_call (export "__guest_call") (param $op_len i32) (param $msg_len i32) (result i32)
    (local $i i32)
    ;; the request goes at offset 0 and is overwritten by the response (requests up to 64 KiB)
    (call $guest_request (i32.const 0) (local.get $op_len))
    ;; fill [65536, 65536 + 1 MiB) with "big!"
    (local.set $i (i32.const 65536))
    (loop $fill
      (i32.store (local.get $i) (i32.const 0x21676962))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $fill (i32.lt_u (local.get $i) (i32.const 1114112))))
    (call $guest_response (i32.const 65536) (i32.const 1048576))
    (i32.const 1)))
