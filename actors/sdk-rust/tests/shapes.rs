//! Byte-exact checks of the msgpack shapes against the vectors in the data-plane spec
//! (Appendix A and §9), plus the JSON writer.

use trellis_actor::http::{HttpRequest, HttpResponse};
use trellis_actor::keyvalue::IncrementRequest;
use trellis_actor::logging::LogEntry;
use trellis_actor::numbergen::RangeLimit;
use trellis_actor::{json, msgpack, Error};

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

// Spec Appendix A.2.
const REQUEST: &str = "85 a6 6d6574686f64 a3 474554 a4 70617468 a1 2f ab 7175657279537472696e67 a0 \
                       a6 686561646572 80 a4 626f6479 c4 05 68656c6c6f";

#[test]
fn http_request_matches_a2() {
    let req = HttpRequest {
        method: "GET".into(),
        path: "/".into(),
        query_string: String::new(),
        header: Default::default(),
        body: b"hello".to_vec(),
    };
    assert_eq!(msgpack::encode(&req).unwrap(), hex(REQUEST));
    assert_eq!(msgpack::decode::<HttpRequest>(&hex(REQUEST)).unwrap(), req);
}

#[test]
fn http_request_accepts_str_body_nil_fields_and_unknown_keys() {
    // {"method":"GET","path":nil,"body":"hi" (str),"extra":1}
    let bytes = hex("84 a6 6d6574686f64 a3 474554 a4 70617468 c0 a4 626f6479 a2 6869 a5 6578747261 01");
    let req: HttpRequest = msgpack::decode(&bytes).unwrap();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "");
    assert_eq!(req.body, b"hi");
}

#[test]
fn http_response_matches_a7() {
    let bytes = hex("83 aa 737461747573436f6465 cc c8 a6 686561646572 80 a4 626f6479 c4 02 6f6b");
    assert_eq!(msgpack::encode(&HttpResponse::ok("ok")).unwrap(), bytes);
}

#[test]
fn increment_request_matches_9_2() {
    let req = IncrementRequest { key: "counter".into(), value: 1 };
    let bytes = hex("82 a3 6b6579 a7 636f756e746572 a5 76616c7565 01");
    assert_eq!(msgpack::encode(&req).unwrap(), bytes);
    assert_eq!(msgpack::encode("mykey").unwrap(), hex("a5 6d796b6579"));
}

#[test]
fn range_limit_and_log_entry_match_9_5_and_9_6() {
    let range = RangeLimit { min: 1, max: 100 };
    assert_eq!(msgpack::encode(&range).unwrap(), hex("82 a3 6d696e 01 a3 6d6178 64"));
    let entry = LogEntry { level: "info".into(), text: "hi".into() };
    let bytes = hex("82 a5 6c6576656c a4 696e666f a4 74657874 a2 6869");
    assert_eq!(msgpack::encode(&entry).unwrap(), bytes);
}

#[test]
fn typed_handles_empty_input_and_unit_output() {
    let out = trellis_actor::typed(&[], |(): ()| Ok("pong")).unwrap();
    assert_eq!(out, hex("a4 706f6e67"));
    let none = trellis_actor::typed(&hex("a1 78"), |_s: String| Ok(())).unwrap();
    assert!(none.is_empty());
    let err = trellis_actor::typed(&[0xc1], |_s: String| Ok(())).unwrap_err();
    assert!(matches!(err, Error::Deser(_)), "{:?}", err);
}

#[test]
fn error_texts_follow_wasmbus_rpc() {
    assert_eq!(Error::unknown_method("Foo.Bar").to_string(), "method not handled Foo.Bar - unknown method");
    assert_eq!(Error::Host("boom".into()).message(), "boom");
}

#[test]
fn json_object_escapes_like_serde_json() {
    let mut o = json::Object::new();
    o.byte_array("body", b"hi").str("method", "G\"E\\T\n\u{1}é").num("n", -5);
    assert_eq!(o.finish(), r#"{"body":[104,105],"method":"G\"E\\T\n\u0001é","n":-5}"#);
    assert_eq!(json::Object::new().finish(), "{}");
}

#[test]
fn query_param_decodes() {
    let req = HttpRequest { query_string: "a=1&amount=%2B5&b".into(), ..Default::default() };
    assert_eq!(req.query_param("amount").as_deref(), Some("+5"));
    assert_eq!(req.query_param("b").as_deref(), Some(""));
    assert_eq!(req.query_param("c"), None);
}

#[test]
fn host_call_fails_outside_wasm() {
    let err = trellis_actor::host_call("default", "wasmcloud:keyvalue", "KeyValue.Get", &[]).unwrap_err();
    assert!(err.contains("wasmcloud:keyvalue"), "{}", err);
}
