/// Calls out of the actor through `__host_call` (spec dataplane §1.4) and returns the host's
/// response bytes, or the host's error text.
///
/// - Provider call: `binding` = link name (usually `"default"`), `namespace` = contract id such as
///   `wasmcloud:keyvalue`, `operation` = `Trait.Method`.
/// - Builtins: namespace `wasmcloud:builtin:logging` / `wasmcloud:builtin:numbergen`.
/// - Actor call: `binding` = `""`, `namespace` = target actor key (`M…`) or call alias.
///
/// The host signals success with 1; any other return value is a failure (0 or -1 by version).
/// Outside a wasm32 actor (unit tests on the build machine) every call fails.
pub fn host_call(
    binding: &str,
    namespace: &str,
    operation: &str,
    payload: &[u8],
) -> Result<Vec<u8>, String> {
    imp::host_call(binding, namespace, operation, payload)
}

/// Calls another actor by public key (`M…`) or call alias: `host_call("", target, …)`.
pub fn call_actor(target: &str, operation: &str, payload: &[u8]) -> Result<Vec<u8>, String> {
    host_call("", target, operation, payload)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::abi;

    pub fn host_call(bd: &str, ns: &str, op: &str, payload: &[u8]) -> Result<Vec<u8>, String> {
        // SAFETY: every pointer/length pair describes a live slice; the host only reads them.
        let rc = unsafe {
            abi::__host_call(
                bd.as_ptr(),
                bd.len(),
                ns.as_ptr(),
                ns.len(),
                op.as_ptr(),
                op.len(),
                payload.as_ptr(),
                payload.len(),
            )
        };
        if rc != abi::HOST_CALL_OK {
            // SAFETY: the buffer is exactly as long as the host said the error is.
            let text = unsafe {
                let mut buf = vec![0u8; abi::__host_error_len()];
                abi::__host_error(buf.as_mut_ptr());
                buf
            };
            return Err(String::from_utf8_lossy(&text).into_owned());
        }
        // SAFETY: the buffer is exactly as long as the host said the response is.
        unsafe {
            let mut buf = vec![0u8; abi::__host_response_len()];
            abi::__host_response(buf.as_mut_ptr());
            Ok(buf)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn host_call(_bd: &str, ns: &str, op: &str, _payload: &[u8]) -> Result<Vec<u8>, String> {
        Err(format!(
            "failed to call {} {}: host calls need a wasm32 actor running in a wasmbus host",
            ns, op
        ))
    }
}
