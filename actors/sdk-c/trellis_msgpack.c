/*
 * trellis_msgpack.c — the small msgpack writer and reader the C SDK needs (maps, arrays,
 * str, bin, ints, bool, nil; floats and extensions are only skipped). See trellis_actor.h.
 */
#include "trellis_actor.h"

/* ---- writer ------------------------------------------------------------------------------ */

static void put_be(ta_buf *b, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; i--) ta_buf_byte(b, (uint8_t)(v >> (8 * i)));
}

/* A header with a fix form (up to fix_max, ORed into fix_tag) and 8/16/32-bit forms; a tag of
 * 0 means the width does not exist for this type. */
static void put_header(ta_buf *b, uint32_t n, uint8_t fix_tag, uint32_t fix_max, uint8_t tag8,
                       uint8_t tag16, uint8_t tag32) {
  if (fix_tag && n <= fix_max) {
    ta_buf_byte(b, (uint8_t)(fix_tag | n));
  } else if (tag8 && n <= 0xff) {
    ta_buf_byte(b, tag8);
    put_be(b, n, 1);
  } else if (n <= 0xffff) {
    ta_buf_byte(b, tag16);
    put_be(b, n, 2);
  } else {
    ta_buf_byte(b, tag32);
    put_be(b, n, 4);
  }
}

void ta_mp_map(ta_buf *b, uint32_t n) { put_header(b, n, 0x80, 15, 0, 0xde, 0xdf); }

void ta_mp_array(ta_buf *b, uint32_t n) { put_header(b, n, 0x90, 15, 0, 0xdc, 0xdd); }

void ta_mp_str(ta_buf *b, ta_bytes s) {
  put_header(b, s.len, 0xa0, 31, 0xd9, 0xda, 0xdb);
  ta_buf_bytes(b, s);
}

void ta_mp_bin(ta_buf *b, ta_bytes s) {
  put_header(b, s.len, 0, 0, 0xc4, 0xc5, 0xc6);
  ta_buf_bytes(b, s);
}

/* The smallest encoding, as rmp-serde writes it. */
void ta_mp_int(ta_buf *b, int64_t v) {
  if (v >= 0) {
    uint64_t u = (uint64_t)v;
    if (u < 128) ta_buf_byte(b, (uint8_t)u);
    else if (u <= 0xff) { ta_buf_byte(b, 0xcc); put_be(b, u, 1); }
    else if (u <= 0xffff) { ta_buf_byte(b, 0xcd); put_be(b, u, 2); }
    else if (u <= 0xffffffffULL) { ta_buf_byte(b, 0xce); put_be(b, u, 4); }
    else { ta_buf_byte(b, 0xcf); put_be(b, u, 8); }
  } else if (v >= -32) {
    ta_buf_byte(b, (uint8_t)(int8_t)v);
  } else if (v >= -128) {
    ta_buf_byte(b, 0xd0); put_be(b, (uint64_t)v, 1);
  } else if (v >= -32768) {
    ta_buf_byte(b, 0xd1); put_be(b, (uint64_t)v, 2);
  } else if (v >= -2147483648LL) {
    ta_buf_byte(b, 0xd2); put_be(b, (uint64_t)v, 4);
  } else {
    ta_buf_byte(b, 0xd3); put_be(b, (uint64_t)v, 8);
  }
}

void ta_mp_bool(ta_buf *b, int v) { ta_buf_byte(b, v ? 0xc3 : 0xc2); }

void ta_mp_nil(ta_buf *b) { ta_buf_byte(b, 0xc0); }

/* ---- reader ------------------------------------------------------------------------------ */

ta_mp_reader ta_mp_reader_of(ta_bytes input) {
  return (ta_mp_reader){input.ptr, input.ptr + input.len, 1};
}

static int fail(ta_mp_reader *r) {
  r->ok = 0;
  return 0;
}

static int take_be(ta_mp_reader *r, int bytes, uint64_t *v) {
  if (r->end - r->p < bytes) return fail(r);
  *v = 0;
  for (int i = 0; i < bytes; i++) *v = *v << 8 | *r->p++;
  return 1;
}

enum kind { K_NIL, K_BOOL, K_UINT, K_INT, K_STR, K_BIN, K_ARRAY, K_MAP, K_SKIP };

/* Reads one value header: its kind and either its length (str/bin/array/map/skip: bytes to
 * skip) or its value (ints, bool). */
static int header(ta_mp_reader *r, enum kind *k, uint64_t *v) {
  if (!r->ok || r->p >= r->end) return fail(r);
  uint8_t t = *r->p++;
  if (t <= 0x7f) { *k = K_UINT; *v = t; return 1; }
  if (t >= 0xe0) { *k = K_INT; *v = (uint64_t)(int64_t)(int8_t)t; return 1; }
  if ((t & 0xf0) == 0x80) { *k = K_MAP; *v = t & 0x0f; return 1; }
  if ((t & 0xf0) == 0x90) { *k = K_ARRAY; *v = t & 0x0f; return 1; }
  if ((t & 0xe0) == 0xa0) { *k = K_STR; *v = t & 0x1f; return 1; }
  switch (t) {
    case 0xc0: *k = K_NIL; *v = 0; return 1;
    case 0xc2: *k = K_BOOL; *v = 0; return 1;
    case 0xc3: *k = K_BOOL; *v = 1; return 1;
    case 0xc4: *k = K_BIN; return take_be(r, 1, v);
    case 0xc5: *k = K_BIN; return take_be(r, 2, v);
    case 0xc6: *k = K_BIN; return take_be(r, 4, v);
    case 0xc7: *k = K_SKIP; if (!take_be(r, 1, v)) return 0; *v += 1; return 1; /* ext 8 */
    case 0xc8: *k = K_SKIP; if (!take_be(r, 2, v)) return 0; *v += 1; return 1; /* ext 16 */
    case 0xc9: *k = K_SKIP; if (!take_be(r, 4, v)) return 0; *v += 1; return 1; /* ext 32 */
    case 0xca: *k = K_SKIP; *v = 4; return 1; /* float 32 */
    case 0xcb: *k = K_SKIP; *v = 8; return 1; /* float 64 */
    case 0xcc: *k = K_UINT; return take_be(r, 1, v);
    case 0xcd: *k = K_UINT; return take_be(r, 2, v);
    case 0xce: *k = K_UINT; return take_be(r, 4, v);
    case 0xcf: *k = K_UINT; return take_be(r, 8, v);
    case 0xd0: *k = K_INT; if (!take_be(r, 1, v)) return 0; *v = (uint64_t)(int64_t)(int8_t)*v; return 1;
    case 0xd1: *k = K_INT; if (!take_be(r, 2, v)) return 0; *v = (uint64_t)(int64_t)(int16_t)*v; return 1;
    case 0xd2: *k = K_INT; if (!take_be(r, 4, v)) return 0; *v = (uint64_t)(int64_t)(int32_t)*v; return 1;
    case 0xd3: *k = K_INT; return take_be(r, 8, v);
    case 0xd4: *k = K_SKIP; *v = 2; return 1;  /* fixext 1 */
    case 0xd5: *k = K_SKIP; *v = 3; return 1;  /* fixext 2 */
    case 0xd6: *k = K_SKIP; *v = 5; return 1;  /* fixext 4 */
    case 0xd7: *k = K_SKIP; *v = 9; return 1;  /* fixext 8 */
    case 0xd8: *k = K_SKIP; *v = 17; return 1; /* fixext 16 */
    case 0xd9: *k = K_STR; return take_be(r, 1, v);
    case 0xda: *k = K_STR; return take_be(r, 2, v);
    case 0xdb: *k = K_STR; return take_be(r, 4, v);
    case 0xdc: *k = K_ARRAY; return take_be(r, 2, v);
    case 0xdd: *k = K_ARRAY; return take_be(r, 4, v);
    case 0xde: *k = K_MAP; return take_be(r, 2, v);
    case 0xdf: *k = K_MAP; return take_be(r, 4, v);
    default: return fail(r); /* 0xc1: never used */
  }
}

static int take(ta_mp_reader *r, uint64_t n, ta_bytes *s) {
  if ((uint64_t)(r->end - r->p) < n) return fail(r);
  *s = (ta_bytes){r->p, (uint32_t)n};
  r->p += n;
  return 1;
}

int ta_mp_read_map(ta_mp_reader *r, uint32_t *n) {
  enum kind k;
  uint64_t v;
  if (!header(r, &k, &v) || k != K_MAP) return fail(r);
  *n = (uint32_t)v;
  return 1;
}

int ta_mp_read_array(ta_mp_reader *r, uint32_t *n) {
  enum kind k;
  uint64_t v;
  if (!header(r, &k, &v) || k != K_ARRAY) return fail(r);
  *n = (uint32_t)v;
  return 1;
}

int ta_mp_read_str(ta_mp_reader *r, ta_bytes *s) {
  enum kind k;
  uint64_t v;
  if (!header(r, &k, &v) || (k != K_STR && k != K_BIN)) return fail(r);
  return take(r, v, s);
}

int ta_mp_read_bytes(ta_mp_reader *r, ta_bytes *s) {
  enum kind k;
  uint64_t v;
  if (!header(r, &k, &v)) return 0;
  if (k == K_NIL) {
    *s = (ta_bytes){0, 0};
    return 1;
  }
  if (k == K_STR || k == K_BIN) return take(r, v, s);
  if (k != K_ARRAY || v > (uint64_t)(r->end - r->p)) return fail(r);
  uint8_t *out = ta_alloc((uint32_t)v);
  for (uint64_t i = 0; i < v; i++) {
    int64_t item;
    if (!ta_mp_read_int(r, &item) || item < 0 || item > 255) return fail(r);
    out[i] = (uint8_t)item;
  }
  *s = (ta_bytes){out, (uint32_t)v};
  return 1;
}

int ta_mp_read_int(ta_mp_reader *r, int64_t *v) {
  enum kind k;
  uint64_t u;
  if (!header(r, &k, &u)) return 0;
  if (k == K_INT || (k == K_UINT && u <= 0x7fffffffffffffffULL)) {
    *v = (int64_t)u;
    return 1;
  }
  return fail(r);
}

int ta_mp_read_bool(ta_mp_reader *r, int *v) {
  enum kind k;
  uint64_t u;
  if (!header(r, &k, &u) || k != K_BOOL) return fail(r);
  *v = (int)u;
  return 1;
}

int ta_mp_next_is_nil(ta_mp_reader *r) {
  if (r->ok && r->p < r->end && *r->p == 0xc0) {
    r->p++;
    return 1;
  }
  return 0;
}

/* Iterative, so hostile nesting cannot exhaust the stack. */
int ta_mp_skip(ta_mp_reader *r) {
  uint64_t pending = 1;
  while (pending) {
    enum kind k;
    uint64_t v;
    ta_bytes ignored;
    if (!header(r, &k, &v)) return 0;
    pending--;
    if (k == K_MAP) pending += 2 * v;
    else if (k == K_ARRAY) pending += v;
    else if ((k == K_STR || k == K_BIN || k == K_SKIP) && !take(r, v, &ignored)) return 0;
  }
  return 1;
}
