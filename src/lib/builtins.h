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

/*
** Most libraries fill their tables from these lists, so a function is named once.
** tylib_setbuiltins sets entries [first, first + count) of 'list' in the table
** below the 'nup' values on top of the stack (which it pops); each field is
** named by the entry's name after "lib.", and each function becomes a closure
** over the nup values (as luaL_setfuncs).  tylib_newbuiltinlib pushes a new
** table sized for count + extra fields, holding the list's first count entries.
*/
LUALIB_API void tylib_setbuiltins(lua_State *L, const luaL_Reg *list, int first, int count,
                                  int nup);
LUALIB_API void tylib_newbuiltinlib(lua_State *L, const luaL_Reg *list, int count, int extra);

/* images: recomputes package.path/cpath (package table on top); loadlib.c */
LUALIB_API void tylib_package_resetpaths(lua_State *L);

#endif
