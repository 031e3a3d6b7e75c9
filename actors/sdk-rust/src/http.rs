//! `wasmcloud:httpserver` shapes (spec dataplane §9.1). The httpserver provider calls the actor
//! with operation [`HANDLE_REQUEST`], payload [`HttpRequest`], and expects an [`HttpResponse`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::msgpack::{bytes_or_nil, nil_as_default};

/// Operation the httpserver provider invokes on actors.
pub const HANDLE_REQUEST: &str = "HttpServer.HandleRequest";

/// Multi-valued HTTP headers. Sorted, so encoding is deterministic.
pub type HeaderMap = BTreeMap<String, Vec<String>>;

/// An HTTP request as the httpserver provider sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    #[serde(default, deserialize_with = "nil_as_default")]
    pub method: String,
    #[serde(default, deserialize_with = "nil_as_default")]
    pub path: String,
    #[serde(rename = "queryString", default, deserialize_with = "nil_as_default")]
    pub query_string: String,
    #[serde(default, deserialize_with = "nil_as_default")]
    pub header: HeaderMap,
    #[serde(default, serialize_with = "serde_bytes::serialize", deserialize_with = "bytes_or_nil")]
    pub body: Vec<u8>,
}

/// The actor's answer to an [`HttpRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    #[serde(rename = "statusCode", default = "status_ok")]
    pub status_code: u16,
    #[serde(default, deserialize_with = "nil_as_default")]
    pub header: HeaderMap,
    #[serde(default, serialize_with = "serde_bytes::serialize", deserialize_with = "bytes_or_nil")]
    pub body: Vec<u8>,
}

fn status_ok() -> u16 {
    200
}

impl HttpResponse {
    /// A response with the given status, no headers and `body`.
    pub fn new(status_code: u16, body: impl Into<Vec<u8>>) -> HttpResponse {
        HttpResponse { status_code, header: HeaderMap::new(), body: body.into() }
    }

    /// `200 OK` with `body`.
    pub fn ok(body: impl Into<Vec<u8>>) -> HttpResponse {
        HttpResponse::new(200, body)
    }

    /// `500 Internal Server Error` with `body`.
    pub fn internal_server_error(body: impl Into<Vec<u8>>) -> HttpResponse {
        HttpResponse::new(500, body)
    }

    /// Adds one value of header `name`.
    pub fn with_header(mut self, name: &str, value: &str) -> HttpResponse {
        self.header.entry(name.to_string()).or_default().push(value.to_string());
        self
    }
}

impl Default for HttpResponse {
    fn default() -> HttpResponse {
        HttpResponse::ok(Vec::new())
    }
}

impl HttpRequest {
    /// The value of query parameter `name` (first occurrence, `+` and `%XX` decoded), if present.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query_string
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| {
                let mut it = pair.splitn(2, '=');
                Some((it.next()?, it.next().unwrap_or("")))
            })
            .find(|(k, _)| percent_decode(k) == name)
            .map(|(_, v)| percent_decode(v))
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
