/*
 * Echo (C): answers every HTTP request with 200 and a JSON description of the request, in the
 * format of wasmCloud's echo actor (same output as samples/echo-rust):
 *   {"body":[104,105],"method":"GET","path":"/","query_string":""}
 */
#include "trellis_actor.h"

static void echo(const ta_http_request *req, ta_buf *json) {
  ta_buf_bytes(json, TA_STR("{\"body\":["));
  for (uint32_t i = 0; i < req->body.len; i++) {
    if (i) ta_buf_byte(json, ',');
    ta_buf_int(json, req->body.ptr[i]);
  }
  ta_buf_bytes(json, TA_STR("],\"method\":"));
  ta_json_string(json, req->method);
  ta_buf_bytes(json, TA_STR(",\"path\":"));
  ta_json_string(json, req->path);
  ta_buf_bytes(json, TA_STR(",\"query_string\":"));
  ta_json_string(json, req->query_string);
  ta_buf_byte(json, '}');
}

int ta_handle(ta_bytes operation, ta_bytes payload, ta_buf *out) {
  if (!ta_bytes_eq(operation, TA_STR(TA_HANDLE_REQUEST))) return ta_unknown_method(operation, out);
  ta_http_request req;
  if (!ta_http_request_decode(payload, &req)) {
    ta_buf_bytes(out, TA_STR("deserialization: invalid HttpRequest"));
    return 0;
  }
  ta_buf json = {0};
  echo(&req, &json);
  ta_http_response(out, 200, ta_buf_view(&json));
  return 1;
}
