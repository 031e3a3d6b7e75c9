//! Echo: answers every HTTP request with 200 and a JSON description of the request, in the
//! format of wasmCloud's echo actor:
//! `{"body":[104,105],"method":"GET","path":"/","query_string":""}`.

use trellis_actor::http::{HttpRequest, HttpResponse, HANDLE_REQUEST};
use trellis_actor::{actor, json, typed, Error};

actor!(handle);

fn handle(operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
    match operation {
        HANDLE_REQUEST => typed(payload, |req: HttpRequest| Ok(echo(&req))),
        _ => Err(Error::unknown_method(operation)),
    }
}

fn echo(req: &HttpRequest) -> HttpResponse {
    let body = json::Object::new()
        .byte_array("body", &req.body)
        .str("method", &req.method)
        .str("path", &req.path)
        .str("query_string", &req.query_string)
        .finish();
    HttpResponse::ok(body)
}
