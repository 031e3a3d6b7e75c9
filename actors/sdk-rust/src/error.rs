use std::fmt;

/// Why an actor operation failed. The `Display` texts follow wasmbus-rpc's `RpcError`, so a
/// caller sees the same strings as from an actor built with wasmCloud's own SDK.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The actor does not implement the operation: `method not handled <op>`.
    MethodNotHandled(String),
    /// The payload could not be decoded: `deserialization: <cause>`.
    Deser(String),
    /// A value could not be encoded: `serialization: <cause>`.
    Ser(String),
    /// An outbound `__host_call` failed; holds the host's error text verbatim.
    Host(String),
    /// Any other failure, displayed as is.
    Other(String),
}

impl Error {
    /// The error wasmbus-rpc actors return for an operation they do not handle.
    pub fn unknown_method(operation: &str) -> Error {
        Error::MethodNotHandled(format!("{} - unknown method", operation))
    }

    /// The text without the category prefix (for `Host`, exactly what the host reported).
    pub fn message(&self) -> &str {
        match self {
            Error::MethodNotHandled(m)
            | Error::Deser(m)
            | Error::Ser(m)
            | Error::Host(m)
            | Error::Other(m) => m,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::MethodNotHandled(m) => write!(f, "method not handled {}", m),
            Error::Deser(m) => write!(f, "deserialization: {}", m),
            Error::Ser(m) => write!(f, "serialization: {}", m),
            Error::Host(m) => write!(f, "Host send error {}", m),
            Error::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}
