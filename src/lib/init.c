/* init.c: luaL_openlibs: opens the standard libraries and the tycho library. */
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "tycho.h"

static const luaL_Reg stdlibs[] = {
  {LUA_GNAME, luaopen_base},
  {LUA_LOADLIBNAME, luaopen_package},
  {LUA_COLIBNAME, luaopen_coroutine},
  {LUA_TABLIBNAME, luaopen_table},
  {LUA_IOLIBNAME, luaopen_io},
  {LUA_OSLIBNAME, luaopen_os},
  {LUA_STRLIBNAME, luaopen_string},
  {LUA_MATHLIBNAME, luaopen_math},
  {LUA_UTF8LIBNAME, luaopen_utf8},
  {LUA_DBLIBNAME, luaopen_debug},
  {"tycho", luaopen_tycho},
  {NULL, NULL}
};

LUALIB_API void luaL_openlibs(lua_State *L) {
  for (const luaL_Reg *lib = stdlibs; lib->func != NULL; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);  /* package.loaded[name] and global */
    lua_pop(L, 1);
  }
}
