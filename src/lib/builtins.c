/* builtins.c: fills library tables from the builtin lists of builtins.h, so each function is listed once. */
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "builtins.h"

/* the field name of a builtin entry: its name without the "lib." part */
static const char *field_name(const char *entry) {
  const char *dot = strchr(entry, '.');
  return dot != NULL ? dot + 1 : entry;
}

LUALIB_API void tylib_setbuiltins(lua_State *L, const luaL_Reg *list, int first, int count,
                                  int nup) {
  int t = lua_absindex(L, -(nup + 1));  /* the table, below the shared values */
  luaL_checkstack(L, nup + 1, "too many upvalues");
  for (const luaL_Reg *r = list + first; r < list + first + count; r++) {
    lua_assert(r->name != NULL && r->func != NULL);  /* the range stays inside the list */
    for (int k = 1; k <= nup; k++)  /* a fresh copy of each shared value, in order */
      lua_pushvalue(L, t + k);
    lua_pushcclosure(L, r->func, nup);  /* a light C function when nup is 0 */
    lua_setfield(L, t, field_name(r->name));
  }
  lua_pop(L, nup);
}

LUALIB_API void tylib_newbuiltinlib(lua_State *L, const luaL_Reg *list, int count, int extra) {
  lua_createtable(L, 0, count + extra);
  tylib_setbuiltins(L, list, 0, count, 0);
}
