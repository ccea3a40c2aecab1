/* zio.h: buffered input over a lua_Reader, used by the lexer and by undump. */
#ifndef TY_ZIO_H
#define TY_ZIO_H

#include "../core/obj.h"

#define EOZ (-1)  /* end of stream */

typedef struct Zio {
  size_t n;          /* bytes still unread in p */
  const char *p;     /* current position in the buffer */
  lua_Reader reader;
  void *data;        /* reader's data */
  lua_State *L;
} ZIO;

#define zgetc(z) (((z)->n--) > 0 ? (int)(unsigned char)(*(z)->p++) : tyZ_fill(z))

void tyZ_init(lua_State *L, ZIO *z, lua_Reader reader, void *data);
int tyZ_fill(ZIO *z);                       /* refills; returns first char or EOZ */
size_t tyZ_read(ZIO *z, void *b, size_t n); /* returns bytes missing (0 = all read) */

#endif
