//! `wasmcloud:builtin:numbergen` (spec dataplane §9.5): random numbers and UUIDs served by the
//! host itself, no provider and no link.

use serde::{Deserialize, Serialize};

use crate::msgpack::{decode, encode};
use crate::{host_call, Error};

/// Namespace of the builtin numbergen capability.
pub const CONTRACT: &str = "wasmcloud:builtin:numbergen";

/// Input of `NumberGen.RandomInRange`; both bounds inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeLimit {
    pub min: u32,
    pub max: u32,
}

fn call(operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
    host_call("default", CONTRACT, operation, payload).map_err(Error::Host)
}

/// `NumberGen.GenerateGuid`: a hyphenated UUID v4.
pub fn generate_guid() -> Result<String, Error> {
    decode(&call("NumberGen.GenerateGuid", &[])?)
}

/// `NumberGen.RandomInRange`: a number in `[min, max]`.
pub fn random_in_range(min: u32, max: u32) -> Result<u32, Error> {
    decode(&call("NumberGen.RandomInRange", &encode(&RangeLimit { min, max })?)?)
}

/// `NumberGen.Random32`: any u32.
pub fn random_32() -> Result<u32, Error> {
    decode(&call("NumberGen.Random32", &[])?)
}
