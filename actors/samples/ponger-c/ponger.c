/*
 * Ponger (C): answers Pingpong.Ping (any payload) with the msgpack string "pong". Signed with
 * the call alias trellis/pong, so the pinger sample reaches it without knowing its key.
 */
#include "trellis_actor.h"

int ta_handle(ta_bytes operation, ta_bytes payload, ta_buf *out) {
  (void)payload;
  if (!ta_bytes_eq(operation, TA_STR("Pingpong.Ping"))) return ta_unknown_method(operation, out);
  ta_mp_str(out, TA_STR("pong"));
  return 1;
}
