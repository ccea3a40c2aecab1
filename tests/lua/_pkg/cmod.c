/* cmod.c: a C module for tests/lua/package.lua (compiled by the test into a temporary directory). */
#include "lua.h"
#include "lauxlib.h"

static int add(lua_State *L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1) + luaL_checkinteger(L, 2));
  return 1;
}

int luaopen_cmod(lua_State *L) {
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, add);
  lua_setfield(L, -2, "add");
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "name");
  lua_pushvalue(L, 2);
  lua_setfield(L, -2, "file");
  return 1;
}

int luaopen_cmod_sub(lua_State *L) {
  lua_pushliteral(L, "cmod.sub from the all-in-one library");
  return 1;
}

int luaopen_other(lua_State *L) {
  lua_pushliteral(L, "old-style name after the hyphen");
  return 1;
}

int luaopen_v2(lua_State *L) {
  lua_pushliteral(L, "should not be used");
  return 1;
}
