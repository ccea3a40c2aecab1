/* fuzz_parse.c: libFuzzer target: compiles arbitrary bytes (text or binary chunk), then dumps and reloads the result. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"

typedef struct Out { char *p; size_t n, cap; } Out;

static int writer(lua_State *L, const void *p, size_t sz, void *ud) {
  Out *o = (Out *)ud;
  (void)L;
  if (o->n + sz > o->cap) {
    size_t ncap = (o->n + sz) * 2;
    char *np = (char *)realloc(o->p, ncap);
    if (np == NULL) return 1;
    o->p = np;
    o->cap = ncap;
  }
  memcpy(o->p + o->n, p, sz);
  o->n += sz;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = luaL_newstate();
  if (L == NULL)
    return 0;
  if (luaL_loadbufferx(L, (const char *)data, size, "=fuzz", NULL) == LUA_OK) {
    int strip;
    for (strip = 0; strip <= 1; strip++) {  /* round trip through the binary format */
      Out o = {NULL, 0, 0};
      if (lua_dump(L, writer, &o, strip) == 0 && o.p != NULL) {
        if (luaL_loadbufferx(L, o.p, o.n, "=dump", "b") != LUA_OK)
          abort();  /* a dump must always load */
        lua_pop(L, 1);
      }
      free(o.p);
    }
  }
  lua_settop(L, 0);
  lua_close(L);
  return 0;
}
