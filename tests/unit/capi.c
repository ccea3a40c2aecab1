/* capi.c: unit test of the public C API (lua.h, lauxlib.h) through the documented 5.4 behaviour. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static int failures = 0;

#define CHECK(c) do { if (!(c)) { \
  fprintf(stderr, "capi.c:%d: check failed: %s\n", __LINE__, #c); failures++; } } while (0)

#define CHECKSTR(s, e) do { const char *s_ = (s); if (s_ == NULL || strcmp(s_, (e)) != 0) { \
  fprintf(stderr, "capi.c:%d: got [%s], expected [%s]\n", __LINE__, s_ ? s_ : "(null)", (e)); \
  failures++; } } while (0)

static void test_stack(lua_State *L) {
  int i;
  CHECK(lua_gettop(L) == 0);
  for (i = 1; i <= 5; i++) lua_pushinteger(L, i);
  lua_rotate(L, 2, 1);   /* 1 5 2 3 4 */
  CHECK(lua_tointeger(L, 2) == 5 && lua_tointeger(L, 5) == 4);
  lua_rotate(L, 2, -1);  /* 1 2 3 4 5 */
  CHECK(lua_tointeger(L, 2) == 2 && lua_tointeger(L, 5) == 5);
  lua_insert(L, 1);      /* 5 1 2 3 4 */
  CHECK(lua_tointeger(L, 1) == 5);
  lua_remove(L, 1);
  CHECK(lua_gettop(L) == 4 && lua_tointeger(L, 1) == 1);
  lua_copy(L, 1, 4);
  CHECK(lua_tointeger(L, 4) == 1);
  lua_pushnil(L);
  lua_replace(L, 1);
  CHECK(lua_isnil(L, 1) && lua_gettop(L) == 4);
  CHECK(lua_absindex(L, -1) == 4);
  CHECK(lua_absindex(L, LUA_REGISTRYINDEX) == LUA_REGISTRYINDEX);
  CHECK(lua_type(L, 10) == LUA_TNONE);
  CHECK(lua_isnone(L, 10) && lua_isnoneornil(L, 1));
  lua_settop(L, 7);
  CHECK(lua_gettop(L) == 7 && lua_isnil(L, 7));
  lua_settop(L, 0);
  CHECK(lua_checkstack(L, 5000));
  CHECK(!lua_checkstack(L, 2000000));
  CHECKSTR(lua_typename(L, LUA_TNONE), "no value");
  CHECKSTR(lua_typename(L, LUA_TLIGHTUSERDATA), "userdata");
  CHECK(lua_pushthread(L) == 1);
  lua_pop(L, 1);
}

static void test_conversions(lua_State *L) {
  int isnum;
  size_t len;
  lua_pushinteger(L, 42);
  lua_pushnumber(L, 3.5);
  lua_pushstring(L, " 0x10 ");
  lua_pushstring(L, "abc");
  CHECK(lua_isinteger(L, 1) && !lua_isinteger(L, 2));
  CHECK(lua_isnumber(L, 3) && !lua_isnumber(L, 4));
  CHECK(lua_tointegerx(L, 3, &isnum) == 16 && isnum);
  CHECK(lua_tointegerx(L, 2, &isnum) == 0 && !isnum);
  CHECK(lua_tonumberx(L, 4, &isnum) == 0 && !isnum);
  CHECKSTR(lua_tolstring(L, 1, &len), "42");
  CHECK(len == 2 && lua_type(L, 1) == LUA_TSTRING);  /* converted in place */
  CHECKSTR(lua_tostring(L, 2), "3.5");
  CHECK(lua_stringtonumber(L, "1e2") == 4 && lua_tonumber(L, -1) == 100.0);
  CHECK(lua_stringtonumber(L, "1e") == 0);
  CHECK(lua_rawlen(L, 4) == 3);
  CHECK(lua_toboolean(L, 4) && !lua_toboolean(L, 100));
  lua_pushlstring(L, "a\0b", 3);
  CHECK(lua_rawlen(L, -1) == 3);
  lua_pushfstring(L, "%s|%d|%I|%f|%c|%%", "x", 7, (LUAI_UACINT)-9, 2.0, 'z');
  CHECKSTR(lua_tostring(L, -1), "x|7|-9|2.0|z|%");
  lua_settop(L, 0);
}

static void test_tables(lua_State *L) {
  lua_createtable(L, 4, 4);
  lua_pushinteger(L, 10);
  lua_seti(L, 1, 1);
  lua_pushstring(L, "v");
  lua_setfield(L, 1, "k");
  lua_pushstring(L, "key");
  lua_pushboolean(L, 1);
  lua_settable(L, 1);
  CHECK(lua_geti(L, 1, 1) == LUA_TNUMBER && lua_tointeger(L, -1) == 10);
  CHECK(lua_getfield(L, 1, "k") == LUA_TSTRING);
  CHECK(lua_rawgeti(L, 1, 2) == LUA_TNIL);
  lua_pushstring(L, "key");
  CHECK(lua_gettable(L, 1) == LUA_TBOOLEAN);
  lua_settop(L, 1);
  lua_pushinteger(L, 5);
  lua_rawsetp(L, 1, (void *)&failures);
  CHECK(lua_rawgetp(L, 1, (void *)&failures) == LUA_TNUMBER);
  lua_pop(L, 1);
  CHECK(lua_rawlen(L, 1) == 1);
  { /* next visits 4 keys */
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) { n++; lua_pop(L, 1); }
    CHECK(n == 4);
  }
  /* metatable with __index */
  lua_newtable(L);
  lua_newtable(L);
  lua_pushinteger(L, 99);
  lua_setfield(L, -2, "dflt");
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, 1);
  CHECK(lua_getfield(L, 1, "dflt") == LUA_TNUMBER && lua_tointeger(L, -1) == 99);
  lua_pushstring(L, "dflt");
  CHECK(lua_rawget(L, 1) == LUA_TNIL);
  lua_settop(L, 1);
  CHECK(lua_getmetatable(L, 1) == 1);
  lua_settop(L, 0);
  /* globals */
  lua_pushinteger(L, 7);
  lua_setglobal(L, "gx");
  CHECK(lua_getglobal(L, "gx") == LUA_TNUMBER && lua_tointeger(L, -1) == 7);
  lua_pushglobaltable(L);
  CHECK(lua_getfield(L, -1, "gx") == LUA_TNUMBER);
  lua_settop(L, 0);
}

static int cadd(lua_State *L) {
  lua_Integer up = lua_tointeger(L, lua_upvalueindex(1));
  lua_pushinteger(L, luaL_checkinteger(L, 1) + up);
  return 1;
}

static int cerr(lua_State *L) {
  return luaL_error(L, "boom %d", 1);
}

static int handler(lua_State *L) {
  lua_pushfstring(L, "handled: %s", lua_tostring(L, 1));
  return 1;
}

static void test_calls(lua_State *L) {
  lua_pushinteger(L, 100);
  lua_pushcclosure(L, cadd, 1);
  CHECK(lua_iscfunction(L, -1) && lua_tocfunction(L, -1) == cadd);
  CHECKSTR(lua_getupvalue(L, -1, 1), "");
  CHECK(lua_tointeger(L, -1) == 100);
  lua_pop(L, 1);
  lua_pushinteger(L, 1);
  lua_setupvalue(L, -2, 1);
  lua_pushinteger(L, 5);
  lua_call(L, 1, 1);
  CHECK(lua_tointeger(L, -1) == 6);
  lua_settop(L, 0);
  /* pcall with a message handler */
  lua_pushcfunction(L, handler);
  lua_pushcfunction(L, cerr);
  CHECK(lua_pcall(L, 0, 0, 1) == LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "handled: boom 1");
  lua_settop(L, 0);
  /* load and run a chunk */
  CHECK(luaL_loadstring(L, "local a, b = ... ; return a + b, x") == LUA_OK);
  lua_pushinteger(L, 2);
  lua_pushinteger(L, 3);
  CHECK(lua_pcall(L, 2, LUA_MULTRET, 0) == LUA_OK);
  CHECK(lua_gettop(L) == 2 && lua_tointeger(L, 1) == 5 && lua_isnil(L, 2));
  lua_settop(L, 0);
  CHECK(luaL_loadstring(L, "x = ") == LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "[string \"x = \"]:1: unexpected symbol near <eof>");
  lua_settop(L, 0);
  CHECK(luaL_loadbufferx(L, "return 1", 8, "=b", "b") == LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "attempt to load a text chunk (mode is 'b')");
  lua_settop(L, 0);
  CHECK(luaL_dostring(L, "return nosuch.field") != 0);
  CHECKSTR(lua_tostring(L, -1), "[string \"return nosuch.field\"]:1: attempt to index a nil value (global 'nosuch')");
  lua_settop(L, 0);
  CHECK(luaL_loadfilex(L, "/nonexistent/file.lua", NULL) == LUA_ERRFILE);
  CHECKSTR(lua_tostring(L, -1), "cannot open /nonexistent/file.lua: No such file or directory");
  lua_settop(L, 0);
  /* upvalue names of Lua closures */
  CHECK(luaL_dostring(L, "local u = 1; return function() return u end") == LUA_OK);
  CHECKSTR(lua_getupvalue(L, -1, 1), "u");
  lua_pop(L, 1);
  CHECK(lua_getupvalue(L, -1, 2) == NULL);
  CHECK(lua_upvalueid(L, -1, 1) != NULL);
  lua_settop(L, 0);
}

static void test_arith(lua_State *L) {
  lua_pushinteger(L, 7);
  lua_pushinteger(L, 2);
  lua_arith(L, LUA_OPIDIV);
  CHECK(lua_tointeger(L, -1) == 3);
  lua_pushnumber(L, 1.5);
  lua_arith(L, LUA_OPUNM);
  CHECK(lua_tonumber(L, -1) == -1.5);
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  CHECK(lua_compare(L, -2, -1, LUA_OPLT) && lua_compare(L, -2, -2, LUA_OPLE));
  CHECK(!lua_compare(L, -2, -1, LUA_OPEQ) && !lua_rawequal(L, -2, -1));
  CHECK(!lua_compare(L, -1, 50, LUA_OPEQ));
  lua_settop(L, 0);
  lua_pushstring(L, "a");
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 2.0);
  lua_concat(L, 3);
  CHECKSTR(lua_tostring(L, -1), "a12.0");
  lua_concat(L, 0);
  CHECKSTR(lua_tostring(L, -1), "");
  lua_len(L, 1);
  CHECK(lua_tointeger(L, -1) == 5);
  CHECK(luaL_len(L, 1) == 5);
  lua_settop(L, 0);
}

static int divzero(lua_State *L) {
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 0);
  lua_arith(L, LUA_OPMOD);
  return 0;
}

static int checkint(lua_State *L) {
  luaL_checkinteger(L, 1);
  return 0;
}

static void test_errors(lua_State *L) {
  lua_pushcfunction(L, divzero);
  CHECK(lua_pcall(L, 0, 0, 0) == LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "attempt to perform 'n%0'");
  lua_settop(L, 0);
  lua_pushcfunction(L, checkint);
  lua_pushnumber(L, 1.5);
  CHECK(lua_pcall(L, 1, 0, 0) == LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "bad argument #1 to '?' (number has no integer representation)");
  lua_settop(L, 0);
  lua_pushcfunction(L, checkint);
  lua_setglobal(L, "checkint");
  CHECK(luaL_dostring(L, "checkint('x')") != 0);
  CHECKSTR(lua_tostring(L, -1), "[string \"checkint('x')\"]:1: bad argument #1 to 'checkint' (number expected, got string)");
  lua_settop(L, 0);
}

static void test_buffers(lua_State *L) {
  luaL_Buffer b;
  int i;
  char *p;
  lua_pushinteger(L, 1);  /* something below the buffer */
  luaL_buffinit(L, &b);
  for (i = 0; i < 2000; i++)
    luaL_addchar(&b, (char)('a' + i % 26));
  luaL_addstring(&b, "END");
  lua_pushinteger(L, 12345);
  luaL_addvalue(&b);
  luaL_pushresult(&b);
  CHECK(lua_rawlen(L, -1) == 2008);
  CHECK(memcmp(lua_tostring(L, -1) + 2000, "END12345", 8) == 0);
  CHECK(lua_gettop(L) == 2 && lua_tointeger(L, 1) == 1);
  lua_settop(L, 0);
  p = luaL_buffinitsize(L, &b, 100000);
  memset(p, 'x', 100000);
  luaL_pushresultsize(&b, 100000);
  CHECK(lua_rawlen(L, -1) == 100000 && lua_gettop(L) == 1);
  lua_settop(L, 0);
  CHECKSTR(luaL_gsub(L, "a.b.c", ".", "::"), "a::b::c");
  lua_settop(L, 0);
}

static void test_aux(lua_State *L) {
  int r1, r2, r3;
  void *u;
  static const char *const opts[] = {"one", "two", NULL};
  lua_newtable(L);
  lua_pushstring(L, "a");
  r1 = luaL_ref(L, 1);
  lua_pushstring(L, "b");
  r2 = luaL_ref(L, 1);
  CHECK(r1 > 0 && r2 > 0 && r1 != r2);
  luaL_unref(L, 1, r1);
  lua_pushstring(L, "c");
  r3 = luaL_ref(L, 1);
  CHECK(r3 == r1);
  lua_rawgeti(L, 1, r3);
  CHECKSTR(lua_tostring(L, -1), "c");
  lua_pushnil(L);
  CHECK(luaL_ref(L, 1) == LUA_REFNIL);
  lua_settop(L, 0);
  /* typed userdata */
  CHECK(luaL_newmetatable(L, "MyType") == 1);
  CHECK(luaL_newmetatable(L, "MyType") == 0);
  lua_settop(L, 0);
  u = lua_newuserdatauv(L, 16, 2);
  luaL_setmetatable(L, "MyType");
  CHECK(luaL_testudata(L, 1, "MyType") == u);
  CHECK(luaL_testudata(L, 1, "Other") == NULL);
  lua_pushinteger(L, 3);
  CHECK(lua_setiuservalue(L, 1, 2) == 1);
  lua_pushinteger(L, 3);
  CHECK(lua_setiuservalue(L, 1, 3) == 0);
  CHECK(lua_getiuservalue(L, 1, 2) == LUA_TNUMBER);
  CHECK(lua_getiuservalue(L, 1, 3) == LUA_TNONE);
  lua_settop(L, 1);
  CHECK(luaL_getmetafield(L, 1, "__name") == LUA_TSTRING);
  lua_pop(L, 1);
  {
    const char *s = luaL_tolstring(L, 1, NULL);
    CHECK(strncmp(s, "MyType: 0x", 10) == 0);
  }
  lua_settop(L, 0);
  lua_pushstring(L, "two");
  CHECK(luaL_checkoption(L, 1, NULL, opts) == 1);
  lua_settop(L, 0);
  CHECK(luaL_getsubtable(L, LUA_REGISTRYINDEX, "sub") == 0);
  CHECK(luaL_getsubtable(L, LUA_REGISTRYINDEX, "sub") == 1);
  lua_settop(L, 0);
  lua_pushboolean(L, 1);
  CHECKSTR(luaL_tolstring(L, 1, NULL), "true");
  lua_settop(L, 0);
}

static void test_traceback(lua_State *L) {
  CHECK(luaL_dostring(L,
        "local function f() error('x') end\n"
        "return function() local ok, m = xpcall(f, debug.traceback); return m end") == LUA_OK);
  CHECK(lua_pcall(L, 0, 1, 0) == LUA_OK);
  {
    const char *tb = lua_tostring(L, -1);
    CHECK(tb != NULL && strstr(tb, "stack traceback:\n\t[C]: in function 'error'") != NULL);
    CHECK(tb != NULL && strstr(tb, "\n\t[C]: in function 'xpcall'\n") != NULL);
    if (failures) fprintf(stderr, "%s\n", tb ? tb : "(null)");
  }
  lua_settop(L, 0);
}

static int callnoyield(lua_State *L) {
  lua_pushvalue(L, 1);
  lua_call(L, 0, 0);
  return 0;
}

static int kfin(lua_State *L, int status, lua_KContext ctx) {
  (void)status; (void)ctx;
  return 1;
}

static int callk(lua_State *L) {
  lua_pushvalue(L, 1);
  lua_callk(L, 0, 1, 0, kfin);
  return kfin(L, LUA_OK, 0);
}

static int tbcreturn(lua_State *L) {
  lua_settop(L, 1);
  lua_toclose(L, 1);
  lua_pushinteger(L, 3);
  return 1;
}

static int tbcsettop(lua_State *L) {
  lua_settop(L, 1);
  lua_toclose(L, 1);
  lua_settop(L, 0);  /* closes */
  lua_getglobal(L, "closed");
  return 1;
}

static void test_coroutines_tbc(lua_State *L) {
  lua_register(L, "callnoyield", callnoyield);
  lua_register(L, "callk", callk);
  lua_register(L, "tbcreturn", tbcreturn);
  lua_register(L, "tbcsettop", tbcsettop);
  CHECK(luaL_dostring(L,
        "local co = coroutine.wrap(function() callnoyield(function() coroutine.yield() end) end)\n"
        "local ok, m = pcall(co); return m") == 0);
  CHECKSTR(lua_tostring(L, -1), "attempt to yield across a C-call boundary");
  lua_settop(L, 0);
  CHECK(luaL_dostring(L,
        "local co = coroutine.wrap(function() return callk(function() coroutine.yield(1); return 5 end) end)\n"
        "local a = co(); local b = co(); return a * 10 + b") == 0);
  CHECK(lua_tointeger(L, -1) == 15);
  lua_settop(L, 0);
  CHECK(luaL_dostring(L,
        "closed = false; local t = setmetatable({}, {__close = function() closed = true end})\n"
        "local r = tbcreturn(t); return r == 3 and closed") == 0);
  CHECK(lua_toboolean(L, -1));
  lua_settop(L, 0);
  CHECK(luaL_dostring(L,
        "closed = false; local t = setmetatable({}, {__close = function() closed = true end})\n"
        "return tbcsettop(t)") == 0);
  CHECK(lua_toboolean(L, -1));
  lua_settop(L, 0);
}

static void test_gc(lua_State *L) {
  int kb = lua_gc(L, LUA_GCCOUNT);
  CHECK(kb > 0);
  CHECK(lua_gc(L, LUA_GCISRUNNING) == 1);
  lua_gc(L, LUA_GCSTOP);
  CHECK(lua_gc(L, LUA_GCISRUNNING) == 0);
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCINC);
  CHECK(lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCGEN);
  lua_gc(L, LUA_GCSTEP, 0);
}

int main(void) {
  lua_State *L = luaL_newstate();
  if (L == NULL) { fprintf(stderr, "cannot create state\n"); return 1; }
  luaL_checkversion(L);
  luaL_openlibs(L);
  lua_settop(L, 0);
  test_stack(L);
  test_conversions(L);
  test_tables(L);
  test_calls(L);
  test_arith(L);
  test_errors(L);
  test_buffers(L);
  test_aux(L);
  test_traceback(L);
  test_coroutines_tbc(L);
  test_gc(L);
  CHECK(lua_gettop(L) == 0);
  lua_close(L);
  if (failures) { fprintf(stderr, "capi: %d failure(s)\n", failures); return 1; }
  printf("capi: ok\n");
  return 0;
}
