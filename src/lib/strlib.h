/* strlib.h: functions shared by the string library files (strlib.c, strpattern.c, strformat.c, strpack.c). */
#ifndef TY_STRLIB_H
#define TY_STRLIB_H

#include <stddef.h>
#include "lua.h"
#include "lauxlib.h"

/* largest string the library builds (matches PUC Lua on 64-bit hosts) */
#define TYSTR_MAXSIZE ((size_t)0x7fffffff)

/* translates a relative initial position (negative counts from the end) to 1..len+1 */
size_t tystr_posrelat(lua_Integer pos, size_t len);

/* strpattern.c */
int tystr_find(lua_State *L);
int tystr_match(lua_State *L);
int tystr_gmatch(lua_State *L);
int tystr_gmatch_step(lua_State *L);   /* the iterator closure gmatch returns */
int tystr_gsub(lua_State *L);

/* strformat.c */
int tystr_format(lua_State *L);

/* strpack.c */
int tystr_pack(lua_State *L);
int tystr_unpack(lua_State *L);
int tystr_packsize(lua_State *L);

#endif
