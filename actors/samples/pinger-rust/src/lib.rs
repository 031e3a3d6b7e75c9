//! Pinger: on every HTTP request calls the actor with call alias `trellis/pong` (operation
//! `Pingpong.Ping`, empty payload) and answers 200 with the reply string (`pong` from the
//! ponger sample). When the actor call fails the answer is 500 with the host's error text.

use trellis_actor::http::{HttpRequest, HttpResponse, HANDLE_REQUEST};
use trellis_actor::{actor, call_actor, msgpack, typed, Error};

/// Call alias of the ponger sample (its claims carry `call_alias: trellis/pong`).
const PONGER: &str = "trellis/pong";

actor!(handle);

fn handle(operation: &str, payload: &[u8]) -> Result<Vec<u8>, Error> {
    match operation {
        HANDLE_REQUEST => typed(payload, |_req: HttpRequest| Ok(ping())),
        _ => Err(Error::unknown_method(operation)),
    }
}

fn ping() -> HttpResponse {
    let reply = call_actor(PONGER, "Pingpong.Ping", &[])
        .and_then(|bytes| msgpack::decode::<String>(&bytes).map_err(|e| e.to_string()));
    match reply {
        Ok(text) => HttpResponse::ok(text),
        Err(text) => HttpResponse::internal_server_error(text),
    }
}
