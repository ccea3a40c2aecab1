/* tycholib.c: the `tycho` library: tycho.version and tycho.memlimit. */
#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
#include "builtins.h"

/* tycho.memlimit([n]): returns the previous cap in bytes (0 = none); n = 0 removes it */
static int tycho_memlimit(lua_State *L) {
  size_t prev = tycho_getmemlimit(L);
  if (!lua_isnoneornil(L, 1)) {
    lua_Integer n = luaL_checkinteger(L, 1);
    luaL_argcheck(L, n >= 0, 1, "negative limit");
    tycho_setmemlimit(L, (size_t)n);
  }
  lua_pushinteger(L, (lua_Integer)prev);
  return 1;
}

static const luaL_Reg tycho_funcs[] = {
  {"memlimit", tycho_memlimit},
  {"version", NULL},
  {NULL, NULL}
};

const luaL_Reg tylib_tycho_builtins[] = {
  {"tycho.memlimit", tycho_memlimit},
  {NULL, NULL}
};

LUA_API int luaopen_tycho(lua_State *L) {
  luaL_newlib(L, tycho_funcs);
  lua_pushliteral(L, TYCHO_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
