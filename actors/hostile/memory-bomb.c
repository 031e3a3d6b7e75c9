/*
 * Hostile: a memory-growth bomb. Grows linear memory by 16 pages (1 MiB) at a time, writing to
 * every new megabyte so the pages are really used, until memory.grow refuses. Then it fails
 * the call with "memory.grow refused after <N> pages", N being the page count it reached, so a
 * test can check that the host's page limit was applied. On a host without a limit it grows to
 * the wasm32 maximum of 65536 pages (4 GiB).
 */
#include "trellis_actor.h"

int ta_handle(ta_bytes operation, ta_bytes payload, ta_buf *out) {
  (void)operation;
  (void)payload;
  for (;;) {
    size_t old = __builtin_wasm_memory_grow(0, 16);
    if (old == (size_t)-1) break;
    volatile uint8_t *fresh = (volatile uint8_t *)(uintptr_t)((uint64_t)old * 65536);
    for (int mb = 0; mb < 16; mb++) fresh[(uint32_t)mb * 65536] = 1;
  }
  ta_buf_bytes(out, TA_STR("memory.grow refused after "));
  ta_buf_int(out, (int64_t)__builtin_wasm_memory_size(0));
  ta_buf_bytes(out, TA_STR(" pages"));
  return 0;
}
