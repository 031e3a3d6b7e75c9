//! The `wasmbus` host functions (spec dataplane §1.2). Pointers and lengths are wasm `i32`s that
//! the host reads as unsigned offsets into this module's exported `memory`.
//!
//! Only the functions an actor actually uses end up as imports (the linker drops the rest), so
//! an actor that never calls out imports just the three `__guest_*` functions.

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "wasmbus")]
extern "C" {
    pub fn __guest_request(op_ptr: *mut u8, msg_ptr: *mut u8);
    pub fn __guest_response(ptr: *const u8, len: usize);
    pub fn __guest_error(ptr: *const u8, len: usize);
    pub fn __host_call(
        bd_ptr: *const u8,
        bd_len: usize,
        ns_ptr: *const u8,
        ns_len: usize,
        op_ptr: *const u8,
        op_len: usize,
        ptr: *const u8,
        len: usize,
    ) -> i32;
    pub fn __host_response(ptr: *mut u8);
    pub fn __host_response_len() -> usize;
    pub fn __host_error(ptr: *mut u8);
    pub fn __host_error_len() -> usize;
}

/// `__host_call` returns 1 on success; hosts signal failure with 0 (OTP ≤ 0.61) or -1 (0.62+),
/// so anything else than 1 is a failure.
#[allow(dead_code)]
pub const HOST_CALL_OK: i32 = 1;
