/* test_table.c: unit tests of tables: array growth, collisions, next(), borders, invalid keys. */
#include <stdio.h>
#include <string.h>
#include <math.h>
#include "lua.h"
#include "lauxlib.h"
#include "core/obj.h"
#include "core/tab.h"
#include "vm/api.h"

static int failures = 0;

#define CHECK(c) do { if (!(c)) { failures++; \
  printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

static Table *totable(lua_State *L, int idx) {
  return hvalue(tyA_index2value(L, idx));
}

/* t[i] = i for 1..n grows the array part and leaves the hash part empty */
static void test_array_growth(lua_State *L) {
  int n = 1000, i;
  Table *t;
  lua_newtable(L);
  for (i = 1; i <= n; i++) {
    lua_pushinteger(L, i * 10);
    lua_rawseti(L, -2, i);
  }
  t = totable(L, -1);
  CHECK(t->asize >= (unsigned)n && t->asize < 2u * n);
  CHECK(allocsizenode(t) == 0);
  CHECK(lua_rawlen(L, -1) == (lua_Unsigned)n);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    CHECK(lua_tointeger(L, -1) == i * 10);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  /* filled backwards: keys start in the hash part and must end in the array */
  lua_newtable(L);
  for (i = n; i >= 1; i--) {
    lua_pushinteger(L, i);
    lua_rawseti(L, -2, i);
  }
  lua_pushinteger(L, n + 1);  /* one more insertion triggers a rehash */
  lua_rawseti(L, -2, n + 1);
  t = totable(L, -1);
  CHECK(t->asize >= (unsigned)(n / 2));
  CHECK(lua_rawlen(L, -1) == (lua_Unsigned)(n + 1));
  for (i = 1; i <= n + 1; i++) {
    lua_rawgeti(L, -1, i);
    CHECK(lua_tointeger(L, -1) == i);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* keys that collide in their main positions must all stay reachable */
static void test_collisions(lua_State *L) {
  int i, n = 2000;
  lua_newtable(L);
  for (i = 1; i <= n; i++) {  /* multiples of a power of 2 and negative keys */
    lua_pushinteger(L, (lua_Integer)i * 4096);
    lua_pushinteger(L, i);
    lua_rawset(L, -3);
    lua_pushinteger(L, -(lua_Integer)i);
    lua_pushinteger(L, -i);
    lua_rawset(L, -3);
    lua_pushnumber(L, i + 0.5);
    lua_pushinteger(L, i);
    lua_rawset(L, -3);
  }
  for (i = 1; i <= n; i++) {
    lua_pushinteger(L, (lua_Integer)i * 4096);
    lua_rawget(L, -2);
    CHECK(lua_tointeger(L, -1) == i);
    lua_pushinteger(L, -(lua_Integer)i);
    lua_rawget(L, -3);
    CHECK(lua_tointeger(L, -1) == -i);
    lua_pushnumber(L, i + 0.5);
    lua_rawget(L, -4);
    CHECK(lua_tointeger(L, -1) == i);
    lua_pop(L, 3);
  }
  /* delete half, re-insert other keys: removed entries must not break chains */
  for (i = 1; i <= n; i += 2) {
    lua_pushinteger(L, (lua_Integer)i * 4096);
    lua_pushnil(L);
    lua_rawset(L, -3);
  }
  for (i = 1; i <= n; i++) {
    lua_pushinteger(L, (lua_Integer)i * 4096);
    lua_rawget(L, -2);
    if (i % 2)
      CHECK(lua_isnil(L, -1));
    else
      CHECK(lua_tointeger(L, -1) == i);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* float keys with integral values are integers */
static void test_float_keys(lua_State *L) {
  lua_newtable(L);
  lua_pushnumber(L, 3.0);
  lua_pushstring(L, "three");
  lua_rawset(L, -3);
  lua_rawgeti(L, -1, 3);
  CHECK(lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "three") == 0);
  lua_pop(L, 1);
  lua_pushnumber(L, 9007199254740992.0);  /* 2^53 */
  lua_pushboolean(L, 1);
  lua_rawset(L, -3);
  lua_pushinteger(L, 9007199254740992LL);
  lua_rawget(L, -2);
  CHECK(lua_toboolean(L, -1));
  lua_pop(L, 1);
  lua_pushnumber(L, -0.0);
  lua_pushinteger(L, 7);
  lua_rawset(L, -3);
  lua_rawgeti(L, -1, 0);
  CHECK(lua_tointeger(L, -1) == 7);
  lua_pop(L, 2);
}

/* next() visits every key exactly once, even when fields are cleared meanwhile */
static void test_next(lua_State *L) {
  int i, n = 500, count = 0, sum = 0;
  lua_newtable(L);
  for (i = 1; i <= n; i++) {  /* array part, string keys, float keys, booleans */
    lua_pushinteger(L, i);
    lua_rawseti(L, -2, i);
    lua_pushfstring(L, "key%d", i);
    lua_pushinteger(L, i);
    lua_rawset(L, -3);
  }
  lua_pushboolean(L, 1);
  lua_pushinteger(L, 1000000);
  lua_rawset(L, -3);
  lua_pushnumber(L, 0.25);
  lua_pushinteger(L, 2000000);
  lua_rawset(L, -3);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    count++;
    sum += (int)(lua_tointeger(L, -1) % 1000000);
    lua_pop(L, 1);
    /* clearing the current field during traversal is allowed */
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, -4);
  }
  CHECK(count == 2 * n + 2);
  CHECK(sum == n * (n + 1) + 0);
  lua_pushnil(L);
  CHECK(lua_next(L, -2) == 0);  /* everything was cleared */
  lua_pop(L, 1);
}

/* #t returns a border: t[n] ~= nil and t[n+1] == nil (or 0 when t[1] is nil) */
static int isborder(lua_State *L, int idx, lua_Unsigned n) {
  int ok;
  if (n > 0) {
    lua_rawgeti(L, idx, (lua_Integer)n);
    ok = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (!ok)
      return 0;
  }
  lua_rawgeti(L, idx, (lua_Integer)n + 1);
  ok = lua_isnil(L, -1);
  lua_pop(L, 1);
  return ok;
}

static void test_borders(lua_State *L) {
  int i;
  lua_newtable(L);
  CHECK(lua_rawlen(L, -1) == 0);
  for (i = 1; i <= 100; i++) {
    lua_pushinteger(L, i);
    lua_rawseti(L, -2, i);
  }
  CHECK(lua_rawlen(L, -1) == 100);
  lua_pushnil(L);
  lua_rawseti(L, -2, 100);
  CHECK(lua_rawlen(L, -1) == 99);
  lua_pushnil(L);
  lua_rawseti(L, -2, 50);
  CHECK(isborder(L, -1, lua_rawlen(L, -1)));
  for (i = 1; i <= 100; i += 3) {  /* holes everywhere */
    lua_pushnil(L);
    lua_rawseti(L, -2, i);
    CHECK(isborder(L, -1, lua_rawlen(L, -1)));
  }
  lua_pop(L, 1);
  /* sequence living in the hash part */
  lua_newtable(L);
  lua_pushinteger(L, 1);
  lua_rawseti(L, -2, 1);
  for (i = 300; i >= 2; i--) {
    lua_pushinteger(L, i);
    lua_rawseti(L, -2, i);
    CHECK(isborder(L, -1, lua_rawlen(L, -1)));
  }
  CHECK(lua_rawlen(L, -1) == 300);
  lua_pop(L, 1);
  /* huge integer keys beyond the array part */
  lua_newtable(L);
  lua_pushinteger(L, 1);
  lua_rawseti(L, -2, LUA_MAXINTEGER);
  CHECK(isborder(L, -1, lua_rawlen(L, -1)));
  lua_pop(L, 1);
}

static int setkey(lua_State *L) {  /* (t, k, v): t[k] = v raw */
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 0;
}

static int nextkey(lua_State *L) {  /* (t, k): next(t, k) */
  lua_settop(L, 2);
  return lua_next(L, 1) ? 2 : 0;
}

static const char *errorof(lua_State *L, int status) {
  return (status != LUA_OK && lua_isstring(L, -1)) ? lua_tostring(L, -1) : "(no error)";
}

static void test_invalid_keys(lua_State *L) {
  int st;
  lua_pushcfunction(L, setkey);
  lua_newtable(L);
  lua_pushnil(L);
  lua_pushinteger(L, 1);
  st = lua_pcall(L, 3, 0, 0);
  CHECK(st == LUA_ERRRUN && strstr(errorof(L, st), "index is nil") != NULL);
  lua_pop(L, 1);
  lua_pushcfunction(L, setkey);
  lua_newtable(L);
  lua_pushnumber(L, NAN);
  lua_pushinteger(L, 1);
  st = lua_pcall(L, 3, 0, 0);
  CHECK(st == LUA_ERRRUN && strstr(errorof(L, st), "index is NaN") != NULL);
  lua_pop(L, 1);
  lua_pushcfunction(L, nextkey);
  lua_newtable(L);
  lua_pushstring(L, "absent");
  st = lua_pcall(L, 2, 0, 0);
  CHECK(st == LUA_ERRRUN && strcmp(errorof(L, st), "invalid key to 'next'") == 0);
  lua_pop(L, 1);
  /* the same errors from Lua code */
  st = luaL_loadstring(L, "local t = {} t[0/0] = 1");
  CHECK(st == LUA_OK);
  st = lua_pcall(L, 0, 0, 0);
  CHECK(st == LUA_ERRRUN && strstr(errorof(L, st), "index is NaN") != NULL);
  lua_pop(L, 1);
  st = luaL_loadstring(L, "local t = {} local k t[k] = 1");
  CHECK(st == LUA_OK);
  st = lua_pcall(L, 0, 0, 0);
  CHECK(st == LUA_ERRRUN && strstr(errorof(L, st), "index is nil") != NULL);
  lua_pop(L, 1);
  /* reading with nil or NaN keys is fine */
  lua_newtable(L);
  lua_pushnil(L);
  lua_rawget(L, -2);
  CHECK(lua_isnil(L, -1));
  lua_pushnumber(L, NAN);
  lua_rawget(L, -3);
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 3);
}

/* the same operations from Lua code, including a constructor and # */
static void test_lua_side(lua_State *L) {
  const char *code =
    "local t = {} for i = 1, 100 do t[i] = i end "
    "local s = 0 for i = 1, #t do s = s + t[i] end "
    "local u = {10, 20, 30, x = 1, y = 2, [1.5] = 3} "
    "return #t, s, #u, u.x + u.y + u[1.5]";
  int st = luaL_loadstring(L, code);
  CHECK(st == LUA_OK);
  st = lua_pcall(L, 0, 4, 0);
  CHECK(st == LUA_OK);
  if (st == LUA_OK) {
    CHECK(lua_tointeger(L, -4) == 100);
    CHECK(lua_tointeger(L, -3) == 5050);
    CHECK(lua_tointeger(L, -2) == 3);
    CHECK(lua_tointeger(L, -1) == 6);
  }
  else
    printf("  error: %s\n", lua_tostring(L, -1));
  lua_settop(L, 0);
}

int main(void) {
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    printf("FAIL: cannot create state\n");
    return 1;
  }
  test_array_growth(L);
  test_collisions(L);
  test_float_keys(L);
  test_next(L);
  test_borders(L);
  test_invalid_keys(L);
  test_lua_side(L);
  CHECK(lua_gettop(L) == 0);
  lua_close(L);
  if (failures)
    printf("test_table: %d failure(s)\n", failures);
  else
    printf("test_table: ok\n");
  return failures != 0;
}
