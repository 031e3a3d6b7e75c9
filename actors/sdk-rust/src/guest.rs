use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{msgpack, Error};

/// Runs one inbound invocation (spec dataplane §1.3): fetches operation and payload with
/// `__guest_request`, calls `handler`, hands the result back with `__guest_response` (returns 1)
/// or the error text with `__guest_error` (returns 0). Called by the `__guest_call` that
/// [`actor!`](crate::actor) exports.
#[cfg(target_arch = "wasm32")]
pub fn serve(op_len: i32, msg_len: i32, handler: fn(&str, &[u8]) -> Result<Vec<u8>, Error>) -> i32 {
    use crate::abi;

    let mut op = vec![0u8; op_len as u32 as usize];
    let mut msg = vec![0u8; msg_len as u32 as usize];
    // SAFETY: both buffers are exactly as long as the lengths the host passed in.
    unsafe { abi::__guest_request(op.as_mut_ptr(), msg.as_mut_ptr()) };
    let operation = String::from_utf8_lossy(&op);
    match handler(&operation, &msg) {
        Ok(response) => {
            // SAFETY: the host copies `len` bytes out of our memory before returning.
            unsafe { abi::__guest_response(response.as_ptr(), response.len()) };
            1
        }
        Err(e) => {
            let text = format!("Guest call failed for method {}: {}", operation, e);
            // SAFETY: as above.
            unsafe { abi::__guest_error(text.as_ptr(), text.len()) };
            0
        }
    }
}

/// Decodes `payload` as `I`, runs `f`, encodes its result: the body of a typed operation.
///
/// An empty payload decodes as msgpack nil, so `I = ()` suits operations without input; a
/// zero-sized `O` such as `()` encodes as an empty response, as for operations without output
/// (spec dataplane §9.0).
pub fn typed<I, O, F>(payload: &[u8], f: F) -> Result<Vec<u8>, Error>
where
    I: DeserializeOwned,
    O: Serialize,
    F: FnOnce(I) -> Result<O, Error>,
{
    let input: I = if payload.is_empty() {
        msgpack::decode(&[0xc0])?
    } else {
        msgpack::decode(payload)?
    };
    let output = f(input)?;
    if std::mem::size_of::<O>() == 0 {
        return Ok(Vec::new());
    }
    msgpack::encode(&output)
}
