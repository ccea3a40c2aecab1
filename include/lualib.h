/*
** lualib.h: the openers of tycho's standard libraries (the same names
** and declarations as Lua 5.4.6's lualib.h), and luaL_openlibs, which
** opens them all (src/lib/init.c).  The openers live in src/lib/.
*/
#ifndef lualib_h
#define lualib_h

#include "lua.h"

/* suffix of the versioned environment variables, as in LUA_PATH_5_4 */
#define LUA_VERSUFFIX  "_" LUA_VERSION_MAJOR "_" LUA_VERSION_MINOR

/* global and package.loaded names of the libraries (base is LUA_GNAME) */
#define LUA_LOADLIBNAME  "package"
#define LUA_COLIBNAME    "coroutine"
#define LUA_TABLIBNAME   "table"
#define LUA_IOLIBNAME    "io"
#define LUA_OSLIBNAME    "os"
#define LUA_STRLIBNAME   "string"
#define LUA_MATHLIBNAME  "math"
#define LUA_UTF8LIBNAME  "utf8"
#define LUA_DBLIBNAME    "debug"

/* each pushes its library table (base: the global table) */
LUAMOD_API int luaopen_base(lua_State *L);
LUAMOD_API int luaopen_package(lua_State *L);
LUAMOD_API int luaopen_coroutine(lua_State *L);
LUAMOD_API int luaopen_table(lua_State *L);
LUAMOD_API int luaopen_io(lua_State *L);
LUAMOD_API int luaopen_os(lua_State *L);
LUAMOD_API int luaopen_string(lua_State *L);
LUAMOD_API int luaopen_math(lua_State *L);
LUAMOD_API int luaopen_utf8(lua_State *L);
LUAMOD_API int luaopen_debug(lua_State *L);

LUALIB_API void luaL_openlibs(lua_State *L);

#endif
