/* zio.h: the byte stream that lua_load's lexer and binary-chunk loader read from. */
#ifndef TY_ZIO_H
#define TY_ZIO_H

#include "../core/obj.h"

/* The value zgetc yields once the reader has nothing more to give. */
#define EOZ (-1)

/* A ZIO borrows one block at a time from a lua_Reader: the reader owns the
** memory, which stays valid until the reader is called again.  `p` walks the
** block and `n` counts the bytes of it not yet consumed.  Invariant the parser
** relies on: right after zgetc returned a byte, `p - 1` points at that byte in
** the current block, so `n++, p--` puts it back. */
typedef struct Zio {
  size_t n;          /* unconsumed bytes left at p */
  const char *p;     /* next byte to hand out */
  lua_Reader reader; /* source of blocks */
  void *data;        /* opaque argument for the reader */
  lua_State *L;      /* state passed to the reader */
} ZIO;

/* Next byte as an unsigned char, or EOZ.  The fast path stays inline; only an
** exhausted block goes out of line to ask the reader for more. */
#define zgetc(z) \
  ((z)->n > 0 ? ((z)->n--, (int)(unsigned char)*(z)->p++) : tyZ_fill(z))

/* Attaches a fresh stream to `reader`; nothing is read until the first zgetc. */
void tyZ_init(lua_State *L, ZIO *z, lua_Reader reader, void *data);
/* Called when the block is used up: fetches the next one and consumes its
** first byte, returning it; returns EOZ at end of stream. */
int tyZ_fill(ZIO *z);
/* Copies the next `n` bytes to `b`; returns how many of them could NOT be
** read because the stream ended (0 means the whole request was met). */
size_t tyZ_read(ZIO *z, void *b, size_t n);

#endif
