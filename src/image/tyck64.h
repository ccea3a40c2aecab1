/* tyck64.h: the image checksum and package content hash, header-only so libc-only tychoc shares it. */
#ifndef TYCHO_TYCK64_H
#define TYCHO_TYCK64_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Part of the image format (docs/image-format.md): changing it invalidates every
   recorded checksum and package hash. Words are read in host (little-endian) order. */
#define TYCK_P1 0x9E3779B97F4A7C15ULL
#define TYCK_P2 0xC2B2AE3D27D4EB4FULL
#define TYCK_ROTL(x, r) (((x) << (r)) | ((x) >> (64 - (r))))

static inline uint64_t tyck_lane(uint64_t a, uint64_t w) {
  a ^= w * TYCK_P2;
  a = TYCK_ROTL(a, 31);
  return a * TYCK_P1;
}

/* four independent lanes of multiply-rotate, folded at the end */
static inline uint64_t tyck64(const void *data, size_t len, uint64_t seed) {
  const unsigned char *p = (const unsigned char *)data;
  uint64_t a = seed + TYCK_P1, b = seed ^ TYCK_P2, c = seed + len, d = ~seed, w[4];
  while (len >= 32) {
    memcpy(w, p, 32);
    a = tyck_lane(a, w[0]);
    b = tyck_lane(b, w[1]);
    c = tyck_lane(c, w[2]);
    d = tyck_lane(d, w[3]);
    p += 32;
    len -= 32;
  }
  a = TYCK_ROTL(a, 1) + TYCK_ROTL(b, 7) + TYCK_ROTL(c, 12) + TYCK_ROTL(d, 18);
  for (size_t i = 0; i < len; i++) a = tyck_lane(a, p[i]);
  a ^= a >> 33;
  a *= TYCK_P2;
  a ^= a >> 29;
  return a;
}

#endif
