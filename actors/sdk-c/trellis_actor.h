/*
 * trellis_actor.h — guest glue for wasmCloud 0.x ("wasmbus") actors written in C.
 *
 * Build (no libc; the SDK brings memcpy/memset/memmove/memcmp):
 *   clang --target=wasm32-unknown-unknown -O2 -nostdlib -ffreestanding -Wl,--no-entry \
 *         -I sdk-c sdk-c/trellis_actor.c sdk-c/trellis_msgpack.c my_actor.c -o my_actor.wasm
 *
 * An actor defines one function, ta_handle(), which the SDK's exported __guest_call runs once
 * per invocation (spec dataplane §1.3). The SDK fetches the operation and payload with
 * __guest_request, and hands the result back with __guest_response (ta_handle returned 1) or
 * the text "Guest call failed for method <op>: <text>" with __guest_error (returned 0).
 *
 * Memory: every buffer the SDK hands out comes from a bump arena that starts at __heap_base and
 * is reset at the start of every __guest_call. Nothing is freed individually; nothing allocated
 * during one call may be used in the next. Running out of memory traps.
 */
#ifndef TRELLIS_ACTOR_H
#define TRELLIS_ACTOR_H

#include <stddef.h>
#include <stdint.h>

/* ---- bytes and buffers ------------------------------------------------------------------- */

/* A borrowed run of bytes (also used for UTF-8 strings; not NUL-terminated). */
typedef struct {
  const uint8_t *ptr;
  uint32_t len;
} ta_bytes;

/* A ta_bytes for a string literal. */
#define TA_STR(lit) ((ta_bytes){(const uint8_t *)(lit), (uint32_t)(sizeof(lit) - 1)})

/* A growable byte buffer in the arena; zero-initialise it ({0}) before use. */
typedef struct {
  uint8_t *ptr;
  uint32_t len;
  uint32_t cap;
} ta_buf;

/* size bytes from the per-call arena, 8-byte aligned, contents undefined. Traps when memory
 * cannot grow. */
void *ta_alloc(uint32_t size);

ta_bytes ta_cstr(const char *s);
int ta_bytes_eq(ta_bytes a, ta_bytes b);
ta_bytes ta_buf_view(const ta_buf *b);
void ta_buf_append(ta_buf *b, const void *p, uint32_t n);
void ta_buf_bytes(ta_buf *b, ta_bytes s);
void ta_buf_byte(ta_buf *b, uint8_t c);
/* Decimal text of v. */
void ta_buf_int(ta_buf *b, int64_t v);
/* Parses an optionally signed decimal i32; returns 0 when s is not one. */
int ta_parse_i32(ta_bytes s, int32_t *out);

/* ---- entry point ------------------------------------------------------------------------- */

/* Implemented by the actor. Write the response into *out and return 1, or write an error
 * text into *out and return 0. */
int ta_handle(ta_bytes operation, ta_bytes payload, ta_buf *out);

/* Writes wasmbus-rpc's "method not handled <op> - unknown method" into *out; returns 0. */
int ta_unknown_method(ta_bytes operation, ta_buf *out);

/* ---- outbound calls (spec dataplane §1.4) ------------------------------------------------ */

/* Calls __host_call. Returns 1 with the host response in *out, or 0 with the host's error
 * text in *out. binding = link name ("default") for providers and builtins, "" for actors;
 * ns = contract id, actor key (M...) or call alias. Any return value but 1 from the host is a
 * failure (hosts use 0 or -1). */
int ta_host_call(ta_bytes binding, ta_bytes ns, ta_bytes op, ta_bytes payload, ta_bytes *out);

/* ta_host_call("", target, op, payload, out). */
int ta_call_actor(ta_bytes target, ta_bytes op, ta_bytes payload, ta_bytes *out);

/* ---- msgpack writer (spec dataplane §2.1: structs are maps keyed by field name) ------------ */

void ta_mp_map(ta_buf *b, uint32_t n);
void ta_mp_array(ta_buf *b, uint32_t n);
void ta_mp_str(ta_buf *b, ta_bytes s);
void ta_mp_bin(ta_buf *b, ta_bytes s);
void ta_mp_int(ta_buf *b, int64_t v);
void ta_mp_bool(ta_buf *b, int v);
void ta_mp_nil(ta_buf *b);

/* ---- msgpack reader ---------------------------------------------------------------------- */

/* Reads values from a payload; every ta_mp_read_* returns 1 on success, 0 (and clears ok) on
 * a type mismatch or truncated input. */
typedef struct {
  const uint8_t *p;
  const uint8_t *end;
  int ok;
} ta_mp_reader;

ta_mp_reader ta_mp_reader_of(ta_bytes input);
int ta_mp_read_map(ta_mp_reader *r, uint32_t *n);
int ta_mp_read_array(ta_mp_reader *r, uint32_t *n);
/* str or bin, as raw bytes (borrowed from the input). */
int ta_mp_read_str(ta_mp_reader *r, ta_bytes *s);
/* A byte field: bin, str, nil (empty) or an array of u8 (copied into the arena). */
int ta_mp_read_bytes(ta_mp_reader *r, ta_bytes *s);
/* Any msgpack integer that fits an int64_t. */
int ta_mp_read_int(ta_mp_reader *r, int64_t *v);
int ta_mp_read_bool(ta_mp_reader *r, int *v);
/* If the next value is nil, consumes it and returns 1; else returns 0 and consumes nothing. */
int ta_mp_next_is_nil(ta_mp_reader *r);
/* Skips one value of any type, nested ones included. */
int ta_mp_skip(ta_mp_reader *r);

/* ---- wasmcloud:httpserver (spec dataplane §9.1) ------------------------------------------ */

#define TA_HANDLE_REQUEST "HttpServer.HandleRequest"

typedef struct {
  ta_bytes method;
  ta_bytes path;
  ta_bytes query_string; /* key "queryString" */
  ta_bytes body;
  ta_bytes header; /* the raw msgpack map, unparsed (empty when absent) */
} ta_http_request;

/* Decodes an HttpRequest map; unknown keys are skipped, nil and absent read as empty. */
int ta_http_request_decode(ta_bytes payload, ta_http_request *req);

/* Writes an HttpResponse {statusCode, header: {}, body} into *out. */
void ta_http_response(ta_buf *out, uint16_t status, ta_bytes body);

/* Finds query parameter name in a query string (a leading '?' is ignored); stores its value,
 * '+' and %XX decoded, in *value and returns 1, or returns 0 when absent. */
int ta_http_query_param(ta_bytes query, ta_bytes name, ta_bytes *value);

/* ---- JSON text --------------------------------------------------------------------------- */

/* Appends s as a quoted JSON string, escaped as serde_json does. */
void ta_json_string(ta_buf *b, ta_bytes s);

/* ---- wasmcloud:keyvalue and builtins (spec dataplane §9.2, §9.5, §9.6) -------------------- */

/* KeyValue.Increment through link `link`. Returns 1 with the new value in *result, or 0 with
 * the host's (or a decoding) error text in *error. */
int ta_kv_increment(ta_bytes link, ta_bytes key, int32_t value, int32_t *result, ta_bytes *error);

/* Logging.WriteLog on wasmcloud:builtin:logging; level is debug, info, warn or error. */
int ta_log(ta_bytes level, ta_bytes text, ta_bytes *error);

#endif
