//! Guest glue for wasmCloud 0.x ("wasmbus") actors.
//!
//! An actor is a core `wasm32` module that imports the `wasmbus` host functions and exports
//! `__guest_call(op_len, msg_len) -> i32`. This crate provides:
//!
//! - [`actor!`]: exports `__guest_call` (and `__wasmbus_rpc_version`) and routes every inbound
//!   invocation to one handler `fn(&str, &[u8]) -> Result<Vec<u8>, Error>`;
//! - [`host_call`] / [`call_actor`]: outbound calls through `__host_call`, reading
//!   `__host_response` or `__host_error`;
//! - [`msgpack`]: encoding with named maps (the only struct layout wasmbus peers accept);
//! - typed shapes and calls for [`http`] (httpserver), [`keyvalue`], [`logging`] and
//!   [`numbergen`], with the field names of the wasmCloud interface models;
//! - [`json`]: a tiny JSON writer, so sample actors need no JSON crate.
//!
//! ```ignore
//! use trellis_actor::{actor, http::HttpResponse, Error};
//!
//! actor!(handle);
//!
//! fn handle(operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
//!     match operation {
//!         "HttpServer.HandleRequest" => trellis_actor::typed(payload, |_req: trellis_actor::http::HttpRequest| {
//!             Ok(HttpResponse::ok("hello"))
//!         }),
//!         _ => Err(Error::unknown_method(operation)),
//!     }
//! }
//! ```
//!
//! Memory: buffers are ordinary `Vec`s from the Rust allocator; nothing survives between calls
//! unless the actor keeps it in a static (hosts may use a fresh instance per call).

mod abi;
mod error;
mod guest;
mod host;

pub mod http;
pub mod json;
pub mod keyvalue;
pub mod logging;
pub mod msgpack;
pub mod numbergen;

pub use error::Error;
#[cfg(target_arch = "wasm32")]
pub use guest::serve;
pub use guest::typed;
pub use host::{call_actor, host_call};

/// Value returned by the exported `__wasmbus_rpc_version` (wasmbus-rpc's `HOST_API_VERSION`).
pub const WASMBUS_RPC_VERSION: i32 = 1;

/// Exports the actor entry points and routes every invocation to `$handler`.
///
/// `$handler` is a `fn(&str, &[u8]) -> Result<Vec<u8>, Error>` receiving the operation string
/// (e.g. `HttpServer.HandleRequest`) and the raw payload; its `Ok` bytes become the guest
/// response, its `Err` the guest error text `Guest call failed for method <op>: <error>`.
#[macro_export]
macro_rules! actor {
    ($handler:path) => {
        /// Entry point called by the host once per invocation.
        #[no_mangle]
        pub extern "C" fn __guest_call(op_len: i32, msg_len: i32) -> i32 {
            $crate::serve(op_len, msg_len, $handler)
        }

        /// ABI version, as exported by actors built with wasmbus-rpc.
        #[no_mangle]
        pub extern "C" fn __wasmbus_rpc_version() -> i32 {
            $crate::WASMBUS_RPC_VERSION
        }
    };
}
