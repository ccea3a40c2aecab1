/* zio.c: pulls input blocks from a lua_Reader on demand, for the lexer and the chunk loader. */
#include <string.h>
#include "zio.h"

void tyZ_init(lua_State *L, ZIO *z, lua_Reader reader, void *data) {
  ZIO fresh = { 0, NULL, reader, data, L };  /* empty: the first zgetc fetches */
  *z = fresh;
}

/* Asks the reader for one more block and makes it current, unconsumed.
** A NULL or zero-length answer is the end of the stream: returns 0 and
** leaves the stream empty; a later zgetc asks the reader again. */
static int pull_block(ZIO *z) {
  size_t len = 0;
  const char *block = z->reader(z->L, z->data, &len);
  if (block == NULL || len == 0) {
    z->n = 0;
    return 0;
  }
  z->p = block;
  z->n = len;
  return 1;
}

int tyZ_fill(ZIO *z) {
  if (!pull_block(z))
    return EOZ;
  z->n--;
  return (int)(unsigned char)*z->p++;
}

size_t tyZ_read(ZIO *z, void *b, size_t n) {
  char *out = (char *)b;
  size_t want = n;  /* bytes still owed to the caller */
  while (want > 0) {
    size_t chunk;
    if (z->n == 0 && !pull_block(z))
      break;  /* stream ended short */
    chunk = z->n < want ? z->n : want;
    memcpy(out, z->p, chunk);
    out += chunk;
    want -= chunk;
    z->p += chunk;
    z->n -= chunk;
  }
  return want;
}
