/* host_udata.c: a host that registers C functions, a library and a userdata type with metatables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define VEC "embed.Vec"

typedef struct Vec { int n; double v[1]; } Vec;

static int live = 0, collected = 0, closed = 0;

static Vec *newvec(lua_State *L, int n) {
  Vec *p = (Vec *)lua_newuserdatauv(L, sizeof(Vec) + (n > 0 ? n - 1 : 0) * sizeof(double), 1);
  p->n = n;
  memset(p->v, 0, n * sizeof(double));
  luaL_setmetatable(L, VEC);
  live++;
  return p;
}

static Vec *checkvec(lua_State *L, int i) { return (Vec *)luaL_checkudata(L, i, VEC); }

static int vec_new(lua_State *L) {
  int i, n = (int)luaL_len(L, 1);
  Vec *p;
  luaL_checktype(L, 1, LUA_TTABLE);
  p = newvec(L, n);
  for (i = 1; i <= n; i++) {
    lua_geti(L, 1, i);
    p->v[i - 1] = luaL_checknumber(L, -1);
    lua_pop(L, 1);
  }
  return 1;
}

static int vec_index(lua_State *L) {
  Vec *p = checkvec(L, 1);
  if (lua_type(L, 2) == LUA_TNUMBER) {
    lua_Integer i = luaL_checkinteger(L, 2);
    luaL_argcheck(L, 1 <= i && i <= p->n, 2, "index out of range");
    lua_pushnumber(L, p->v[i - 1]);
    return 1;
  }
  /* methods live in the metatable; "tag" in the user value */
  if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "tag") == 0) {
    lua_getiuservalue(L, 1, 1);
    return 1;
  }
  luaL_getmetatable(L, VEC);
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static int vec_newindex(lua_State *L) {
  Vec *p = checkvec(L, 1);
  if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "tag") == 0) {
    lua_settop(L, 3);
    lua_setiuservalue(L, 1, 1);
    return 0;
  }
  {
    lua_Integer i = luaL_checkinteger(L, 2);
    luaL_argcheck(L, 1 <= i && i <= p->n, 2, "index out of range");
    p->v[i - 1] = luaL_checknumber(L, 3);
  }
  return 0;
}

static int vec_len(lua_State *L) { lua_pushinteger(L, checkvec(L, 1)->n); return 1; }

static int vec_add(lua_State *L) {
  Vec *a = checkvec(L, 1), *b = checkvec(L, 2), *c;
  int i;
  if (a->n != b->n) return luaL_error(L, "size mismatch (%d vs %d)", a->n, b->n);
  c = newvec(L, a->n);
  for (i = 0; i < a->n; i++) c->v[i] = a->v[i] + b->v[i];
  return 1;
}

static int vec_eq(lua_State *L) {
  Vec *a = checkvec(L, 1), *b = checkvec(L, 2);
  int i, eq = a->n == b->n;
  for (i = 0; eq && i < a->n; i++) eq = a->v[i] == b->v[i];
  lua_pushboolean(L, eq);
  return 1;
}

static int vec_tostring(lua_State *L) {
  Vec *p = checkvec(L, 1);
  luaL_Buffer b;
  int i;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, "Vec(");
  for (i = 0; i < p->n; i++) {
    if (i) luaL_addstring(&b, ", ");
    lua_pushnumber(L, p->v[i]);
    luaL_addvalue(&b);
  }
  luaL_addchar(&b, ')');
  luaL_pushresult(&b);
  return 1;
}

static int vec_call(lua_State *L) {  /* v(f): map in place, calling back into Lua */
  Vec *p = checkvec(L, 1);
  int i;
  luaL_checktype(L, 2, LUA_TFUNCTION);
  for (i = 0; i < p->n; i++) {
    lua_pushvalue(L, 2);
    lua_pushnumber(L, p->v[i]);
    lua_call(L, 1, 1);
    p->v[i] = luaL_checknumber(L, -1);
    lua_pop(L, 1);
  }
  lua_settop(L, 1);
  return 1;
}

static int vec_sum(lua_State *L) {
  Vec *p = checkvec(L, 1);
  double s = 0;
  int i;
  for (i = 0; i < p->n; i++) s += p->v[i];
  lua_pushnumber(L, s);
  return 1;
}

static int vec_gc(lua_State *L) { (void)checkvec(L, 1); collected++; return 0; }
static int vec_close(lua_State *L) { (void)checkvec(L, 1); closed++; return 0; }

static const luaL_Reg vec_meta[] = {
  {"__index", vec_index}, {"__newindex", vec_newindex}, {"__len", vec_len},
  {"__add", vec_add}, {"__eq", vec_eq}, {"__tostring", vec_tostring},
  {"__call", vec_call}, {"__gc", vec_gc}, {"__close", vec_close},
  {"sum", vec_sum}, {NULL, NULL}
};

/* a library with an upvalue shared by its functions (luaL_setfuncs with nup = 1) */
static int counter_next(lua_State *L) {
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + luaL_optinteger(L, 1, 1);
  lua_pushinteger(L, n);
  lua_copy(L, -1, lua_upvalueindex(1));
  return 1;
}
static int counter_get(lua_State *L) { lua_pushvalue(L, lua_upvalueindex(1)); return 1; }

static const luaL_Reg counter_funcs[] = {{"next", counter_next}, {"get", counter_get}, {NULL, NULL}};

static int luaopen_embed(lua_State *L) {
  luaL_checkversion(L);
  lua_newtable(L);
  lua_pushinteger(L, 0);
  luaL_setfuncs(L, counter_funcs, 1);
  lua_pushcfunction(L, vec_new);
  lua_setfield(L, -2, "vec");
  return 1;
}

static int host_add(lua_State *L) {
  int i, n = lua_gettop(L);
  lua_Number s = 0;
  for (i = 1; i <= n; i++) s += luaL_checknumber(L, i);
  lua_pushnumber(L, s);
  lua_pushinteger(L, n);
  return 2;
}

static const char script[] =
  "local embed = require 'embed'\n"
  "print(host_add(1, 2, 3.5))\n"
  "print(pcall(host_add, 1, 'x'))\n"
  "print(embed.next(), embed.next(10), embed.get())\n"
  "local a = embed.vec{1, 2, 3}\n"
  "local b = embed.vec{10, 20, 30}\n"
  "print(a, #a, a[2], a:sum())\n"
  "local c = a + b\n"
  "print(c, c == embed.vec{11, 22, 33}, c == a, rawequal(c, c))\n"
  "a[1] = 100; print(a[1], pcall(function() return a[4] end))\n"
  "print(pcall(function() a[1] = 'z' end))\n"
  "a.tag = {name = 'tagged'}; print(a.tag.name, b.tag)\n"
  "print(a(function(x) return x * 2 end), tostring(a):len())\n"
  "print(pcall(function() return a + embed.vec{1} end))\n"
  "print(pcall(embed.vec, {1, 'no'}))\n"
  "print(type(a), getmetatable(a).__name, io.type(a))\n"
  "print(pcall(a.sum, {}))\n"
  "do local v <close> = embed.vec{7} end\n"
  "for i = 1, 100 do local t = embed.vec{i} end\n"
  "return 'done'\n";

int main(void) {
  lua_State *L = luaL_newstate();
  int st;
  if (L == NULL) return 1;
  luaL_openlibs(L);
  /* the metatable of the userdata type */
  luaL_newmetatable(L, VEC);
  luaL_setfuncs(L, vec_meta, 0);
  lua_pop(L, 1);
  lua_register(L, "host_add", host_add);
  luaL_requiref(L, "embed", luaopen_embed, 0);
  lua_pop(L, 1);
  st = luaL_loadbuffer(L, script, sizeof script - 1, "=script");
  if (st == LUA_OK) st = lua_pcall(L, 0, 1, 0);
  if (st != LUA_OK) { printf("error: %s\n", lua_tostring(L, -1)); return 1; }
  printf("%s\n", lua_tostring(L, -1));
  lua_pop(L, 1);
  lua_gc(L, LUA_GCCOLLECT);
  printf("closed %d\n", closed);
  /* references held from C survive collection */
  {
    int ref;
    Vec *p;
    lua_getglobal(L, "require");
    lua_pushliteral(L, "embed");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "vec");
    lua_newtable(L);
    lua_pushnumber(L, 5); lua_rawseti(L, -2, 1);
    lua_call(L, 1, 1);
    ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    p = (Vec *)luaL_testudata(L, -1, VEC);
    printf("ref alive %d %g\n", p != NULL, p ? p->v[0] : -1.0);
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
  }
  lua_close(L);  /* runs every pending __gc */
  printf("created %d, collected %d\n", live, collected);
  return live == collected ? 0 : 1;
}
