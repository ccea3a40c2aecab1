/* zio.c: buffered input streams over a lua_Reader (used by the lexer and by undump). */
#include <string.h>
#include "zio.h"

void tyZ_init(lua_State *L, ZIO *z, lua_Reader reader, void *data) {
  z->L = L;
  z->reader = reader;
  z->data = data;
  z->n = 0;
  z->p = NULL;
}

/* Asks the reader for the next block; an empty or NULL block is end of stream.
** After a successful fill, z->p - 1 is always a valid (unread-able) position. */
int tyZ_fill(ZIO *z) {
  size_t size;
  const char *buff = z->reader(z->L, z->data, &size);
  if (buff == NULL || size == 0) {
    z->n = 0;  /* zgetc decremented it past zero */
    return EOZ;
  }
  z->n = size - 1;
  z->p = buff;
  return (int)(unsigned char)(*(z->p++));
}

size_t tyZ_read(ZIO *z, void *b, size_t n) {
  while (n) {
    size_t m;
    if (z->n == 0) {
      if (tyZ_fill(z) == EOZ)
        return n;
      z->n++;  /* give back the byte tyZ_fill consumed */
      z->p--;
    }
    m = (n <= z->n) ? n : z->n;
    memcpy(b, z->p, m);
    z->n -= m;
    z->p += m;
    b = (char *)b + m;
    n -= m;
  }
  return 0;
}
