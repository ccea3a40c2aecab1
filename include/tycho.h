/* tycho.h: tycho's extensions to the Lua 5.4 C API. */
#ifndef TYCHO_H
#define TYCHO_H

#include "lua.h"

#define TYCHO_VERSION "tycho 0.1"

/* Caps the bytes the state may hold (0 = no cap); allocations past it fail
** with the ordinary "not enough memory" error.  Implemented in core/state.c. */
LUA_API void tycho_setmemlimit(lua_State *L, size_t limit);
LUA_API size_t tycho_getmemlimit(lua_State *L);

/* the `tycho` library (src/lib/tycholib.c): tycho.memlimit([n]), tycho.version */
LUA_API int luaopen_tycho(lua_State *L);

#endif
