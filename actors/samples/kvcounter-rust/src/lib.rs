//! KV counter: every HTTP request increments a counter in the `wasmcloud:keyvalue` provider
//! linked as `default` and answers 200 `{"counter":N}`.
//!
//! The key is `counter` for the path `/`, otherwise `counter` plus the path with `/` turned into
//! `:` (`/a/b` → `counter:a:b`). The query parameter `amount` (an i32) changes the increment,
//! default 1. When the host call fails (no link, missing capability claim, provider error) the
//! answer is 500 with the host's error text as the body.

use trellis_actor::http::{HttpRequest, HttpResponse, HANDLE_REQUEST};
use trellis_actor::{actor, json, keyvalue, typed, Error};

actor!(handle);

fn handle(operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
    match operation {
        HANDLE_REQUEST => typed(payload, |req: HttpRequest| Ok(count(&req))),
        _ => Err(Error::unknown_method(operation)),
    }
}

fn count(req: &HttpRequest) -> HttpResponse {
    let amount = req.query_param("amount").and_then(|a| a.parse::<i32>().ok()).unwrap_or(1);
    match keyvalue::increment("default", &key_for(&req.path), amount) {
        Ok(n) => HttpResponse::ok(json::Object::new().num("counter", i64::from(n)).finish()),
        Err(e) => HttpResponse::internal_server_error(e.message()),
    }
}

fn key_for(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "counter".to_string()
    } else {
        format!("counter{}", trimmed.replace('/', ":"))
    }
}
