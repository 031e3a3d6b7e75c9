/*
 * trellis_actor.c — wasmbus ABI, per-call arena, buffers, host calls, httpserver/keyvalue/
 * logging shapes and JSON text for C actors. See trellis_actor.h.
 */
#include "trellis_actor.h"

/* ---- wasmbus imports (spec dataplane §1.2) ----------------------------------------------- */

#define TA_IMPORT(name) __attribute__((import_module("wasmbus"), import_name(name)))

TA_IMPORT("__guest_request") void ta_abi_guest_request(uint8_t *op_ptr, uint8_t *msg_ptr);
TA_IMPORT("__guest_response") void ta_abi_guest_response(const uint8_t *ptr, uint32_t len);
TA_IMPORT("__guest_error") void ta_abi_guest_error(const uint8_t *ptr, uint32_t len);
TA_IMPORT("__host_call")
int32_t ta_abi_host_call(const uint8_t *bd_ptr, uint32_t bd_len, const uint8_t *ns_ptr,
                         uint32_t ns_len, const uint8_t *op_ptr, uint32_t op_len,
                         const uint8_t *ptr, uint32_t len);
TA_IMPORT("__host_response") void ta_abi_host_response(uint8_t *ptr);
TA_IMPORT("__host_response_len") uint32_t ta_abi_host_response_len(void);
TA_IMPORT("__host_error") void ta_abi_host_error(uint8_t *ptr);
TA_IMPORT("__host_error_len") uint32_t ta_abi_host_error_len(void);

/* ---- freestanding memory functions (the compiler may emit calls to these) ---------------- */

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  uint8_t *d = dst;
  while (n--) *d++ = (uint8_t)c;
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const uint8_t *x = a, *y = b;
  for (; n; n--, x++, y++) {
    if (*x != *y) return *x - *y;
  }
  return 0;
}

/* ---- arena ------------------------------------------------------------------------------- */

extern unsigned char __heap_base;
static uintptr_t arena_top;

static void arena_reset(void) { arena_top = (uintptr_t)&__heap_base; }

void *ta_alloc(uint32_t size) {
  if (arena_top == 0) arena_reset();
  uint64_t start = ((uint64_t)arena_top + 7) & ~(uint64_t)7;
  uint64_t end = start + size;
  uint64_t limit = (uint64_t)__builtin_wasm_memory_size(0) * 65536;
  if (end > limit) {
    size_t pages = (size_t)((end - limit + 65535) / 65536);
    if (end > 0x100000000ULL || __builtin_wasm_memory_grow(0, pages) == (size_t)-1) {
      __builtin_trap();
    }
  }
  arena_top = (uintptr_t)end;
  return (void *)(uintptr_t)start;
}

/* ---- bytes and buffers ------------------------------------------------------------------- */

ta_bytes ta_cstr(const char *s) {
  uint32_t n = 0;
  while (s[n]) n++;
  return (ta_bytes){(const uint8_t *)s, n};
}

int ta_bytes_eq(ta_bytes a, ta_bytes b) {
  return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

ta_bytes ta_buf_view(const ta_buf *b) { return (ta_bytes){b->ptr, b->len}; }

void ta_buf_append(ta_buf *b, const void *p, uint32_t n) {
  if (b->len + n > b->cap) {
    uint32_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n) cap *= 2;
    uint8_t *grown = ta_alloc(cap);
    if (b->len) memcpy(grown, b->ptr, b->len);
    b->ptr = grown;
    b->cap = cap;
  }
  if (n) memcpy(b->ptr + b->len, p, n);
  b->len += n;
}

void ta_buf_bytes(ta_buf *b, ta_bytes s) { ta_buf_append(b, s.ptr, s.len); }

void ta_buf_byte(ta_buf *b, uint8_t c) { ta_buf_append(b, &c, 1); }

void ta_buf_int(ta_buf *b, int64_t v) {
  uint8_t digits[20];
  int n = 0;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    digits[n++] = (uint8_t)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) ta_buf_byte(b, '-');
  while (n) ta_buf_byte(b, digits[--n]);
}

int ta_parse_i32(ta_bytes s, int32_t *out) {
  uint32_t i = 0;
  int neg = 0;
  if (s.len && (s.ptr[0] == '-' || s.ptr[0] == '+')) {
    neg = s.ptr[0] == '-';
    i = 1;
  }
  if (i == s.len) return 0;
  int64_t v = 0;
  for (; i < s.len; i++) {
    if (s.ptr[i] < '0' || s.ptr[i] > '9') return 0;
    v = v * 10 + (s.ptr[i] - '0');
    if (v > 2147483648LL) return 0;
  }
  if (neg) v = -v;
  if (v > 2147483647LL) return 0;
  *out = (int32_t)v;
  return 1;
}

/* ---- entry point ------------------------------------------------------------------------- */

__attribute__((export_name("__guest_call"))) int32_t ta_guest_call(int32_t op_len,
                                                                   int32_t msg_len) {
  arena_reset();
  uint8_t *op = ta_alloc((uint32_t)op_len);
  uint8_t *msg = ta_alloc((uint32_t)msg_len);
  ta_abi_guest_request(op, msg);
  ta_bytes operation = {op, (uint32_t)op_len};
  ta_buf out = {0};
  if (ta_handle(operation, (ta_bytes){msg, (uint32_t)msg_len}, &out) == 1) {
    ta_abi_guest_response(out.ptr, out.len);
    return 1;
  }
  ta_buf text = {0};
  ta_buf_bytes(&text, TA_STR("Guest call failed for method "));
  ta_buf_bytes(&text, operation);
  ta_buf_bytes(&text, TA_STR(": "));
  ta_buf_bytes(&text, ta_buf_view(&out));
  ta_abi_guest_error(text.ptr, text.len);
  return 0;
}

/* wasmbus-rpc actors export this and return 1; hosts only use it for reporting. */
__attribute__((export_name("__wasmbus_rpc_version"))) int32_t ta_wasmbus_rpc_version(void) {
  return 1;
}

int ta_unknown_method(ta_bytes operation, ta_buf *out) {
  ta_buf_bytes(out, TA_STR("method not handled "));
  ta_buf_bytes(out, operation);
  ta_buf_bytes(out, TA_STR(" - unknown method"));
  return 0;
}

/* ---- outbound calls ---------------------------------------------------------------------- */

int ta_host_call(ta_bytes binding, ta_bytes ns, ta_bytes op, ta_bytes payload, ta_bytes *out) {
  int32_t rc = ta_abi_host_call(binding.ptr, binding.len, ns.ptr, ns.len, op.ptr, op.len,
                                payload.ptr, payload.len);
  if (rc != 1) {
    uint32_t n = ta_abi_host_error_len();
    uint8_t *p = ta_alloc(n);
    ta_abi_host_error(p);
    *out = (ta_bytes){p, n};
    return 0;
  }
  uint32_t n = ta_abi_host_response_len();
  uint8_t *p = ta_alloc(n);
  ta_abi_host_response(p);
  *out = (ta_bytes){p, n};
  return 1;
}

int ta_call_actor(ta_bytes target, ta_bytes op, ta_bytes payload, ta_bytes *out) {
  return ta_host_call(TA_STR(""), target, op, payload, out);
}

/* ---- httpserver -------------------------------------------------------------------------- */

int ta_http_request_decode(ta_bytes payload, ta_http_request *req) {
  *req = (ta_http_request){0};
  ta_mp_reader r = ta_mp_reader_of(payload);
  uint32_t n;
  if (!ta_mp_read_map(&r, &n)) return 0;
  while (n--) {
    ta_bytes key;
    if (!ta_mp_read_str(&r, &key)) return 0;
    ta_bytes *field = 0;
    if (ta_bytes_eq(key, TA_STR("method"))) field = &req->method;
    else if (ta_bytes_eq(key, TA_STR("path"))) field = &req->path;
    else if (ta_bytes_eq(key, TA_STR("queryString"))) field = &req->query_string;
    if (field) {
      if (!ta_mp_next_is_nil(&r) && !ta_mp_read_str(&r, field)) return 0;
    } else if (ta_bytes_eq(key, TA_STR("body"))) {
      if (!ta_mp_read_bytes(&r, &req->body)) return 0;
    } else {
      const uint8_t *start = r.p;
      if (!ta_mp_skip(&r)) return 0;
      if (ta_bytes_eq(key, TA_STR("header"))) req->header = (ta_bytes){start, (uint32_t)(r.p - start)};
    }
  }
  return 1;
}

void ta_http_response(ta_buf *out, uint16_t status, ta_bytes body) {
  ta_mp_map(out, 3);
  ta_mp_str(out, TA_STR("statusCode"));
  ta_mp_int(out, status);
  ta_mp_str(out, TA_STR("header"));
  ta_mp_map(out, 0);
  ta_mp_str(out, TA_STR("body"));
  ta_mp_bin(out, body);
}

static int hex_digit(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static ta_bytes percent_decode(const uint8_t *p, uint32_t n) {
  ta_buf out = {0};
  for (uint32_t i = 0; i < n; i++) {
    if (p[i] == '+') {
      ta_buf_byte(&out, ' ');
    } else if (p[i] == '%' && i + 2 < n && hex_digit(p[i + 1]) >= 0 && hex_digit(p[i + 2]) >= 0) {
      ta_buf_byte(&out, (uint8_t)(hex_digit(p[i + 1]) << 4 | hex_digit(p[i + 2])));
      i += 2;
    } else {
      ta_buf_byte(&out, p[i]);
    }
  }
  return ta_buf_view(&out);
}

int ta_http_query_param(ta_bytes query, ta_bytes name, ta_bytes *value) {
  uint32_t i = query.len && query.ptr[0] == '?' ? 1 : 0;
  while (i < query.len) {
    uint32_t start = i, eq = 0, has_eq = 0;
    while (i < query.len && query.ptr[i] != '&') {
      if (!has_eq && query.ptr[i] == '=') {
        eq = i;
        has_eq = 1;
      }
      i++;
    }
    uint32_t key_end = has_eq ? eq : i;
    if (ta_bytes_eq(percent_decode(query.ptr + start, key_end - start), name)) {
      *value = has_eq ? percent_decode(query.ptr + eq + 1, i - eq - 1) : TA_STR("");
      return 1;
    }
    i++;
  }
  return 0;
}

/* ---- JSON -------------------------------------------------------------------------------- */

void ta_json_string(ta_buf *b, ta_bytes s) {
  static const char hex[] = "0123456789abcdef";
  ta_buf_byte(b, '"');
  for (uint32_t i = 0; i < s.len; i++) {
    uint8_t c = s.ptr[i];
    switch (c) {
      case '"': ta_buf_bytes(b, TA_STR("\\\"")); break;
      case '\\': ta_buf_bytes(b, TA_STR("\\\\")); break;
      case '\n': ta_buf_bytes(b, TA_STR("\\n")); break;
      case '\r': ta_buf_bytes(b, TA_STR("\\r")); break;
      case '\t': ta_buf_bytes(b, TA_STR("\\t")); break;
      case '\b': ta_buf_bytes(b, TA_STR("\\b")); break;
      case '\f': ta_buf_bytes(b, TA_STR("\\f")); break;
      default:
        if (c < 0x20) {
          ta_buf_bytes(b, TA_STR("\\u00"));
          ta_buf_byte(b, (uint8_t)hex[c >> 4]);
          ta_buf_byte(b, (uint8_t)hex[c & 15]);
        } else {
          ta_buf_byte(b, c);
        }
    }
  }
  ta_buf_byte(b, '"');
}

/* ---- keyvalue and builtin logging -------------------------------------------------------- */

int ta_kv_increment(ta_bytes link, ta_bytes key, int32_t value, int32_t *result, ta_bytes *error) {
  ta_buf req = {0};
  ta_mp_map(&req, 2);
  ta_mp_str(&req, TA_STR("key"));
  ta_mp_str(&req, key);
  ta_mp_str(&req, TA_STR("value"));
  ta_mp_int(&req, value);
  ta_bytes reply;
  if (!ta_host_call(link, TA_STR("wasmcloud:keyvalue"), TA_STR("KeyValue.Increment"),
                    ta_buf_view(&req), &reply)) {
    *error = reply;
    return 0;
  }
  ta_mp_reader r = ta_mp_reader_of(reply);
  int64_t v;
  if (!ta_mp_read_int(&r, &v) || v < -2147483648LL || v > 2147483647LL) {
    *error = TA_STR("deserialization: KeyValue.Increment did not return an i32");
    return 0;
  }
  *result = (int32_t)v;
  return 1;
}

int ta_log(ta_bytes level, ta_bytes text, ta_bytes *error) {
  ta_buf req = {0};
  ta_mp_map(&req, 2);
  ta_mp_str(&req, TA_STR("level"));
  ta_mp_str(&req, level);
  ta_mp_str(&req, TA_STR("text"));
  ta_mp_str(&req, text);
  ta_bytes reply;
  if (!ta_host_call(TA_STR("default"), TA_STR("wasmcloud:builtin:logging"),
                    TA_STR("Logging.WriteLog"), ta_buf_view(&req), &reply)) {
    *error = reply;
    return 0;
  }
  return 1;
}
