//! Logger: exercises the host's builtin capabilities. On every HTTP request it writes a log line
//! at each level with `wasmcloud:builtin:logging`, draws a GUID and two random numbers with
//! `wasmcloud:builtin:numbergen`, and answers 200 with
//! `{"guid":"…","random_in_range":N,"random_32":N}` (the range is 1..=100). A failing host call
//! fails the invocation with the host's error.

use trellis_actor::http::{HttpRequest, HttpResponse, HANDLE_REQUEST};
use trellis_actor::{actor, json, logging, numbergen, typed, Error};

actor!(handle);

fn handle(operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
    match operation {
        HANDLE_REQUEST => typed(payload, |req: HttpRequest| report(&req)),
        _ => Err(Error::unknown_method(operation)),
    }
}

fn report(req: &HttpRequest) -> Result<HttpResponse, Error> {
    logging::debug(&format!("logger: {} {}", req.method, req.path))?;
    logging::info("logger: info")?;
    logging::warn("logger: warn")?;
    logging::error("logger: error")?;
    let guid = numbergen::generate_guid()?;
    let in_range = numbergen::random_in_range(1, 100)?;
    let any = numbergen::random_32()?;
    let body = json::Object::new()
        .str("guid", &guid)
        .num("random_in_range", i64::from(in_range))
        .num("random_32", i64::from(any))
        .finish();
    Ok(HttpResponse::ok(body))
}
