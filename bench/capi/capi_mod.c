/* capi_mod.c: a tiny Lua 5.4 C module for bench/capi.lua: calls Lua->C and C->Lua through the public API. */
#include "lua.h"
#include "lauxlib.h"

static int noop(lua_State *L) { (void)L; return 0; }

static int add(lua_State *L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1) + luaL_checkinteger(L, 2));
  return 1;
}

/* field access and a string result: typical of binding code */
static int getx(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "x");
  return 1;
}

/* callf(f, n): calls f(i) for i = 1..n with lua_call; returns the sum of the results */
static int callf(lua_State *L) {
  lua_Integer i, n = luaL_checkinteger(L, 2), sum = 0;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  for (i = 1; i <= n; i++) {
    lua_pushvalue(L, 1);
    lua_pushinteger(L, i);
    lua_call(L, 1, 1);
    sum += lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  lua_pushinteger(L, sum);
  return 1;
}

/* pcallf(f, n): the same through lua_pcall */
static int pcallf(lua_State *L) {
  lua_Integer i, n = luaL_checkinteger(L, 2), sum = 0;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  for (i = 1; i <= n; i++) {
    lua_pushvalue(L, 1);
    lua_pushinteger(L, i);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) return lua_error(L);
    sum += lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  lua_pushinteger(L, sum);
  return 1;
}

/* callg(name, n): lua_getglobal + lua_call each time */
static int callg(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_Integer i, n = luaL_checkinteger(L, 2), sum = 0;
  for (i = 1; i <= n; i++) {
    lua_getglobal(L, name);
    lua_pushinteger(L, i);
    lua_call(L, 1, 1);
    sum += lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  lua_pushinteger(L, sum);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"noop", noop}, {"add", add}, {"getx", getx}, {"callf", callf}, {"pcallf", pcallf},
  {"callg", callg}, {NULL, NULL}
};

int luaopen_capi_mod(lua_State *L) {
  luaL_newlib(L, funcs);
  return 1;
}
