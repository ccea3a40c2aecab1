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

/* four independent lanes of multiply-rotate, folded at the end; also fed in
   pieces (tyck_init, tyck_blocks on multiples of 32 bytes, tyck_final on the tail) */
typedef struct tyck_state { uint64_t a, b, c, d; } tyck_state;

static inline void tyck_init(tyck_state *s, size_t len, uint64_t seed) {
  s->a = seed + TYCK_P1;
  s->b = seed ^ TYCK_P2;
  s->c = seed + len;
  s->d = ~seed;
}

static inline void tyck_blocks(tyck_state *s, const void *data, size_t len) {
  const unsigned char *p = (const unsigned char *)data;
  uint64_t a = s->a, b = s->b, c = s->c, d = s->d, w[4];
  for (; len >= 32; p += 32, len -= 32) {
    memcpy(w, p, 32);
    a = tyck_lane(a, w[0]);
    b = tyck_lane(b, w[1]);
    c = tyck_lane(c, w[2]);
    d = tyck_lane(d, w[3]);
  }
  s->a = a; s->b = b; s->c = c; s->d = d;
}

static inline uint64_t tyck_final(const tyck_state *s, const void *tail, size_t len) {
  const unsigned char *p = (const unsigned char *)tail;
  uint64_t a = TYCK_ROTL(s->a, 1) + TYCK_ROTL(s->b, 7) + TYCK_ROTL(s->c, 12) + TYCK_ROTL(s->d, 18);
  for (size_t i = 0; i < len; i++) a = tyck_lane(a, p[i]);
  a ^= a >> 33;
  a *= TYCK_P2;
  a ^= a >> 29;
  return a;
}

static inline uint64_t tyck64(const void *data, size_t len, uint64_t seed) {
  tyck_state s;
  size_t full = len & ~(size_t)31;
  tyck_init(&s, len, seed);
  tyck_blocks(&s, data, full);
  return tyck_final(&s, (const unsigned char *)data + full, len - full);
}

#endif
