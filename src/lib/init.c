/*
** init.c: luaL_openlibs, which gives a state the standard libraries and
** the tycho library.  Each one is opened as `require` would open it
** (package.loaded[name]) and also set as a global; base goes first since
** it fills _G itself.  The order is the one Lua 5.4 uses, which fixes how
** package.loaded is laid out and so which name tracebacks find first.
*/
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "tycho.h"

static void open_global(lua_State *L, const char *name, lua_CFunction opener) {
  luaL_requiref(L, name, opener, 1);
  lua_pop(L, 1);  /* the module, now reachable from package.loaded and _G */
}

LUALIB_API void luaL_openlibs(lua_State *L) {
  open_global(L, LUA_GNAME, luaopen_base);
  open_global(L, LUA_LOADLIBNAME, luaopen_package);
  open_global(L, LUA_COLIBNAME, luaopen_coroutine);
  open_global(L, LUA_TABLIBNAME, luaopen_table);
  open_global(L, LUA_IOLIBNAME, luaopen_io);
  open_global(L, LUA_OSLIBNAME, luaopen_os);
  open_global(L, LUA_STRLIBNAME, luaopen_string);
  open_global(L, LUA_MATHLIBNAME, luaopen_math);
  open_global(L, LUA_UTF8LIBNAME, luaopen_utf8);
  open_global(L, LUA_DBLIBNAME, luaopen_debug);
  open_global(L, "tycho", luaopen_tycho);
}
