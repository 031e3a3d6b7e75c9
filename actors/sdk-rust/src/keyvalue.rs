//! `wasmcloud:keyvalue` client (spec dataplane §9.2): the actor calls a keyvalue provider
//! through the link named `link` (usually `"default"`). The actor's claims need the
//! `wasmcloud:keyvalue` capability and the host needs a link definition.

use serde::{Deserialize, Serialize};

use crate::msgpack::{decode, encode, nil_as_default};
use crate::{host_call, Error};

/// Contract id of the keyvalue capability.
pub const CONTRACT: &str = "wasmcloud:keyvalue";

/// Input of `KeyValue.Increment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncrementRequest {
    pub key: String,
    pub value: i32,
}

/// Output of `KeyValue.Get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GetResponse {
    #[serde(default, deserialize_with = "nil_as_default")]
    pub value: String,
    #[serde(default, deserialize_with = "nil_as_default")]
    pub exists: bool,
}

/// Input of `KeyValue.Set`; `expires` in seconds, 0 = never.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetRequest {
    pub key: String,
    pub value: String,
    pub expires: u32,
}

fn call(link: &str, operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
    host_call(link, CONTRACT, operation, payload).map_err(Error::Host)
}

/// `KeyValue.Increment`: adds `value` to the integer at `key` (created as 0) and returns the sum.
pub fn increment(link: &str, key: &str, value: i32) -> Result<i32, Error> {
    let req = IncrementRequest { key: key.to_string(), value };
    decode(&call(link, "KeyValue.Increment", &encode(&req)?)?)
}

/// `KeyValue.Get`: the value at `key`, `exists == false` (and `value == ""`) when absent.
pub fn get(link: &str, key: &str) -> Result<GetResponse, Error> {
    decode(&call(link, "KeyValue.Get", &encode(key)?)?)
}

/// `KeyValue.Set`: stores `value` at `key`, expiring after `expires` seconds (0 = never).
pub fn set(link: &str, key: &str, value: &str, expires: u32) -> Result<(), Error> {
    let req = SetRequest { key: key.to_string(), value: value.to_string(), expires };
    call(link, "KeyValue.Set", &encode(&req)?).map(|_| ())
}

/// `KeyValue.Del`: deletes `key`, returns whether it existed.
pub fn del(link: &str, key: &str) -> Result<bool, Error> {
    decode(&call(link, "KeyValue.Del", &encode(key)?)?)
}

/// `KeyValue.Contains`: whether `key` exists.
pub fn contains(link: &str, key: &str) -> Result<bool, Error> {
    decode(&call(link, "KeyValue.Contains", &encode(key)?)?)
}
