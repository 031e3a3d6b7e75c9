//! `wasmcloud:builtin:logging` (spec dataplane §9.6): served by the host itself, no provider and
//! no link. The host logs `[<actor key>] <text>` at the given level.

use serde::{Deserialize, Serialize};

use crate::msgpack::encode;
use crate::{host_call, Error};

/// Namespace of the builtin logging capability.
pub const CONTRACT: &str = "wasmcloud:builtin:logging";

/// Input of `Logging.WriteLog`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// One of `debug`, `info`, `warn`, `error` (other values make 0.62+ hosts trap).
    pub level: String,
    pub text: String,
}

/// `Logging.WriteLog` with `level` and `text`.
pub fn write_log(level: &str, text: &str) -> Result<(), Error> {
    let entry = LogEntry { level: level.to_string(), text: text.to_string() };
    host_call("default", CONTRACT, "Logging.WriteLog", &encode(&entry)?)
        .map(|_| ())
        .map_err(Error::Host)
}

/// Logs `text` at `debug`.
pub fn debug(text: &str) -> Result<(), Error> {
    write_log("debug", text)
}

/// Logs `text` at `info`.
pub fn info(text: &str) -> Result<(), Error> {
    write_log("info", text)
}

/// Logs `text` at `warn`.
pub fn warn(text: &str) -> Result<(), Error> {
    write_log("warn", text)
}

/// Logs `text` at `error`.
pub fn error(text: &str) -> Result<(), Error> {
    write_log("error", text)
}
