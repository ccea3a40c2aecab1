/* builtins.h: every C function of the standard libraries, by stable name, for images (DESIGN constraint 2). */
#ifndef TY_BUILTINS_H
#define TY_BUILTINS_H

#include "lauxlib.h"

/*
** Each library lists every lua_CFunction that can become a Lua value (library
** functions, iterators and closures it creates, metamethods of its userdata)
** as "lib.name" pairs, terminated by {NULL, NULL}.  The image writer names a
** C function by its position in these lists; a function in none of them
** cannot be written into an image.
*/
extern const luaL_Reg tylib_base_builtins[];
extern const luaL_Reg tylib_coroutine_builtins[];
extern const luaL_Reg tylib_package_builtins[];
extern const luaL_Reg tylib_string_builtins[];
extern const luaL_Reg tylib_table_builtins[];
extern const luaL_Reg tylib_math_builtins[];
extern const luaL_Reg tylib_io_builtins[];
extern const luaL_Reg tylib_os_builtins[];
extern const luaL_Reg tylib_utf8_builtins[];
extern const luaL_Reg tylib_debug_builtins[];
extern const luaL_Reg tylib_tycho_builtins[];

/* images: recomputes package.path/cpath (package table on top); loadlib.c */
LUALIB_API void tylib_package_resetpaths(lua_State *L);

#endif
