/*
 * KV counter (C): same behaviour as samples/kvcounter-rust. Every HTTP request increments a
 * counter through the wasmcloud:keyvalue link "default" and answers 200 {"counter":N}.
 * Key: "counter" for the path "/", else "counter" + the path with '/' turned into ':'
 * ("/a/b" -> "counter:a:b"). Query parameter "amount" (an i32) changes the increment, default 1.
 * A failing host call answers 500 with the host's error text as the body.
 */
#include "trellis_actor.h"

static ta_bytes key_for(ta_bytes path) {
  while (path.len && path.ptr[path.len - 1] == '/') path.len--;
  ta_buf key = {0};
  ta_buf_bytes(&key, TA_STR("counter"));
  for (uint32_t i = 0; i < path.len; i++) ta_buf_byte(&key, path.ptr[i] == '/' ? ':' : path.ptr[i]);
  return ta_buf_view(&key);
}

int ta_handle(ta_bytes operation, ta_bytes payload, ta_buf *out) {
  if (!ta_bytes_eq(operation, TA_STR(TA_HANDLE_REQUEST))) return ta_unknown_method(operation, out);
  ta_http_request req;
  if (!ta_http_request_decode(payload, &req)) {
    ta_buf_bytes(out, TA_STR("deserialization: invalid HttpRequest"));
    return 0;
  }
  int32_t amount = 1;
  ta_bytes text;
  if (ta_http_query_param(req.query_string, TA_STR("amount"), &text) && !ta_parse_i32(text, &amount)) {
    amount = 1;
  }
  int32_t counter;
  ta_bytes error;
  if (!ta_kv_increment(TA_STR("default"), key_for(req.path), amount, &counter, &error)) {
    ta_http_response(out, 500, error);
    return 1;
  }
  ta_buf json = {0};
  ta_buf_bytes(&json, TA_STR("{\"counter\":"));
  ta_buf_int(&json, counter);
  ta_buf_byte(&json, '}');
  ta_http_response(out, 200, ta_buf_view(&json));
  return 1;
}
