//! msgpack encoding as wasmbus peers expect it (spec dataplane §2.1): structs are maps keyed by
//! field name, byte fields are `bin`, optional fields are omitted when absent.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::Error;

/// Encodes `value` with structs as named maps (`rmp_serde::to_vec_named`).
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    rmp_serde::to_vec_named(value).map_err(|e| Error::Ser(e.to_string()))
}

/// Decodes one msgpack value; maps and positional arrays both decode into structs, unknown map
/// keys are ignored.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    rmp_serde::from_slice(bytes).map_err(|e| Error::Deser(e.to_string()))
}

/// `deserialize_with` function: reads nil like an absent field (the default value). TinyGo peers
/// write nil where Rust peers omit the key; use it together with `#[serde(default)]`.
pub fn nil_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Like [`nil_as_default`] for byte fields: accepts `bin`, `str` (any bytes), an array of u8 or
/// nil, so bodies from Rust, Elixir and TinyGo peers all decode.
pub fn bytes_or_nil<'de, D>(deserializer: D) -> Result<Vec<u8>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(Option::<serde_bytes::ByteBuf>::deserialize(deserializer)?
        .map(serde_bytes::ByteBuf::into_vec)
        .unwrap_or_default())
}
