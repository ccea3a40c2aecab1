/* own_api_sweep.c: one pass over the C API's edge cases (index resolution, the get/set
** families with and without metamethods, raw access, conversions, arithmetic errors,
** rotation, user values, upvalues, lua_gc modes); the output must match lua5.4's.
** Also builds against Debian's liblua5.4 (cc -DLUA_COMPAT_5_3 -I/usr/include/lua5.4
** own_api_sweep.c -llua5.4), which is how the expected text below was produced. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static char out[8192];
static size_t used;

/* every line of the sweep goes to `out`, then gets compared with `expected` */
static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (used < sizeof(out))
    used += (size_t)vsnprintf(out + used, sizeof(out) - used, fmt, ap);
  va_end(ap);
}

static const char expected[] =
  "getfield str len type 6\n"
  "getfield 4 geti 4 gettable 4\n"
  "gets [4]: <table> idx:a idx:7 idx:true\n"
  "sets [4]: <table> again v2! v3!\n"
  "rawgetp 4 rawgetp miss 0\n"
  "rawp [3]: <table> pv <nil>\n"
  "divz 2: attempt to divide by zero\n"
  "modz 2: attempt to perform 'n%0'\n"
  "idxnum 2: attempt to index a number value\n"
  "setnum 2: attempt to index a number value\n"
  "arith [4]: 49.0 -5 -7 3\n"
  "cmp 0 1 1 0 raweq 1 0\n"
  "rot+2 [6]: 1 5 6 2 3 4\n"
  "rot-3 [6]: 1 3 4 5 6 2\n"
  "irr [4]: 2 6 4 5\n"
  "settop8 [8]: 2 6 4 5 <nil> <nil> <nil> <nil>\n"
  "settop-3 [6]: 2 6 4 5 <nil> <nil>\n"
  "1: num 1 1 int 0 1 16 str 1 ud 0 cf 0 bool 1 len 4 ptr 1\n"
  "2: num 1 1 int 0 1 3 str 1 ud 0 cf 0 bool 1 len 0 ptr 0\n"
  "3: num 1 1 int 0 0 0 str 1 ud 0 cf 0 bool 1 len 0 ptr 0\n"
  "4: num 0 0 int 0 0 0 str 1 ud 0 cf 0 bool 1 len 1 ptr 1\n"
  "5: num 0 0 int 0 0 0 str 0 ud 1 cf 0 bool 1 len 4 ptr 1\n"
  "6: num 0 0 int 0 0 0 str 0 ud 1 cf 0 bool 1 len 0 ptr 1\n"
  "7: num 0 0 int 0 0 0 str 0 ud 0 cf 1 bool 1 len 0 ptr 1\n"
  "8: num 0 0 int 0 0 0 str 0 ud 0 cf 0 bool 0 len 0 ptr 0\n"
  "setiuv 1 setiuv3 0 getiuv 3 0 -1\n"
  "cup [3]: 3 99 99\n"
  "ids 1 1 b null\n"
  "joined 1\n"
  "setup a\n"
  "after [6]: <function> <function> <function> 2 42 2\n"
  "concat [3]: 1a2.5  4\n"
  "s2n 8 0 len [5]: 1a2.5  4 5 16.0\n"
  "next 3\n"
  "getmt num 0 1 0\n"
  "gc 1 11 11\n"
  "step 1\n"
;

static void dump(lua_State *L, const char *tag) {
  int i, n = lua_gettop(L);
  say("%s [%d]:", tag, n);
  for (i = 1; i <= n; i++) {
    int t = lua_type(L, i);
    if (t == LUA_TNUMBER || t == LUA_TSTRING) { lua_pushvalue(L, i); say(" %s", lua_tostring(L, -1)); lua_pop(L, 1); }
    else say(" <%s>", lua_typename(L, t));
  }
  say("\n");
}
static int divz(lua_State *L) { lua_pushinteger(L, 7); lua_pushinteger(L, 0); lua_arith(L, LUA_OPIDIV); return 1; }
static int modz(lua_State *L) { lua_pushinteger(L, 7); lua_pushinteger(L, 0); lua_arith(L, LUA_OPMOD); return 1; }
static int idxnum(lua_State *L) { lua_pushinteger(L, 3); lua_getfield(L, -1, "x"); return 1; }
static int setnum(lua_State *L) { lua_pushinteger(L, 3); lua_pushinteger(L, 1); lua_seti(L, -2, 5); return 0; }
static int up(lua_State *L) { lua_pushvalue(L, lua_upvalueindex(1)); lua_pushvalue(L, lua_upvalueindex(3)); lua_pushinteger(L, 99); lua_copy(L, -1, lua_upvalueindex(2)); lua_pushvalue(L, lua_upvalueindex(2)); return 3; }
int main(void) {
  lua_State *L = luaL_newstate();
  int k;
  luaL_openlibs(L);
  /* getfield on a string goes through the string metatable */
  lua_pushliteral(L, "hello"); say("getfield str len type %d\n", lua_getfield(L, -1, "len")); lua_settop(L, 0);
  (void)luaL_dostring(L, "T = setmetatable({}, {__index=function(t,k) return 'idx:'..tostring(k) end, __newindex=function(t,k,v) rawset(t, k, v..'!') end})");
  lua_getglobal(L, "T");
  say("getfield %d ", lua_getfield(L, 1, "a")); say("geti %d ", lua_geti(L, 1, 7));
  lua_pushboolean(L, 1); say("gettable %d\n", lua_gettable(L, 1)); dump(L, "gets");
  lua_settop(L, 1);
  lua_pushstring(L, "v1"); lua_setfield(L, 1, "f"); lua_pushstring(L, "v2"); lua_seti(L, 1, 3);
  lua_pushinteger(L, 10); lua_pushstring(L, "v3"); lua_settable(L, 1);
  lua_pushstring(L, "again"); lua_setfield(L, 1, "f");  /* existing: no __newindex */
  lua_getfield(L, 1, "f"); lua_rawgeti(L, 1, 3); lua_pushinteger(L, 10); lua_rawget(L, 1); dump(L, "sets");
  lua_settop(L, 1);
  lua_pushstring(L, "pv"); lua_rawsetp(L, 1, &k); say("rawgetp %d ", lua_rawgetp(L, 1, &k)); say("rawgetp miss %d\n", lua_rawgetp(L, 1, L)); dump(L, "rawp");
  lua_settop(L, 0);
  { int st; lua_pushcfunction(L, divz); st = lua_pcall(L, 0, 1, 0); say("divz %d: %s\n", st, lua_tostring(L, -1)); } lua_settop(L, 0);
  { int st; lua_pushcfunction(L, modz); st = lua_pcall(L, 0, 1, 0); say("modz %d: %s\n", st, lua_tostring(L, -1)); } lua_settop(L, 0);
  { int st; lua_pushcfunction(L, idxnum); st = lua_pcall(L, 0, 1, 0); say("idxnum %d: %s\n", st, lua_tostring(L, -1)); } lua_settop(L, 0);
  { int st; lua_pushcfunction(L, setnum); st = lua_pcall(L, 0, 1, 0); say("setnum %d: %s\n", st, lua_tostring(L, -1)); } lua_settop(L, 0);
  /* arithmetic */
  lua_pushinteger(L, 7); lua_pushnumber(L, 2); lua_arith(L, LUA_OPPOW); lua_pushinteger(L, 5); lua_arith(L, LUA_OPUNM);
  lua_pushinteger(L, 6); lua_arith(L, LUA_OPBNOT); lua_pushstring(L, "10"); lua_pushinteger(L, 3); lua_arith(L, LUA_OPIDIV); dump(L, "arith");
  say("cmp %d %d %d %d raweq %d %d\n", lua_compare(L, 1, 2, LUA_OPLT), lua_compare(L, 2, 1, LUA_OPLE), lua_compare(L, 1, 1, LUA_OPEQ), lua_compare(L, 1, 50, LUA_OPEQ), lua_rawequal(L, 1, 1), lua_rawequal(L, 1, 50));
  /* rotate */
  lua_settop(L, 0); for (k = 1; k <= 6; k++) lua_pushinteger(L, k);
  lua_rotate(L, 2, 2); dump(L, "rot+2"); lua_rotate(L, 2, -3); dump(L, "rot-3"); lua_insert(L, 1); lua_remove(L, 3); lua_replace(L, 2); dump(L, "irr");
  lua_settop(L, 8); dump(L, "settop8"); lua_settop(L, -3); dump(L, "settop-3");
  /* is* / to* */
  lua_settop(L, 0); lua_pushstring(L, "0x10"); lua_pushnumber(L, 3.0); lua_pushnumber(L, 3.5); lua_pushstring(L, "x"); lua_newuserdatauv(L, 4, 2); lua_pushlightuserdata(L, L); lua_pushcfunction(L, divz);
  for (k = 1; k <= 8; k++) { int isn, isi; lua_Number n = lua_tonumberx(L, k, &isn); lua_Integer i = lua_tointegerx(L, k, &isi);
    say("%d: num %d %d int %d %d %lld str %d ud %d cf %d bool %d len %llu ptr %d\n", k, lua_isnumber(L, k), isn, lua_isinteger(L, k), isi, (long long)i, lua_isstring(L, k), lua_isuserdata(L, k), lua_iscfunction(L, k), lua_toboolean(L, k), (unsigned long long)lua_rawlen(L, k), lua_topointer(L, k) != NULL); (void)n; }
  /* user values */
  lua_pushinteger(L, 5); say("setiuv %d ", lua_setiuservalue(L, 5, 2)); lua_pushinteger(L, 6); say("setiuv3 %d ", lua_setiuservalue(L, 5, 3));
  { int a = lua_getiuservalue(L, 5, 2), b = lua_getiuservalue(L, 5, 1), c = lua_getiuservalue(L, 5, 0); say("getiuv %d %d %d\n", a, b, c); } lua_settop(L, 0);
  /* upvalues */
  lua_pushinteger(L, 1); lua_pushinteger(L, 2); lua_pushinteger(L, 3); lua_pushcclosure(L, up, 3); lua_call(L, 0, 3); dump(L, "cup");
  lua_settop(L, 0);
  (void)luaL_dostring(L, "local a, b = 1, 2; f1 = function() return a end; f2 = function() return b end; f3 = function() return a, b end");
  lua_getglobal(L, "f1"); lua_getglobal(L, "f2"); lua_getglobal(L, "f3");
  { int a = lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 3, 1), b = lua_upvalueid(L, 2, 1) == lua_upvalueid(L, 3, 2); const char *c = lua_getupvalue(L, 3, 2), *d = lua_getupvalue(L, 3, 3); say("ids %d %d %s %s\n", a, b, c, d ? "?" : "null"); }
  lua_upvaluejoin(L, 1, 1, 2, 1); say("joined %d\n", lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 2, 1));
  lua_pushinteger(L, 42); say("setup %s\n", lua_setupvalue(L, 3, 1)); lua_pushvalue(L, 3); lua_call(L, 0, 2); dump(L, "after");
  lua_settop(L, 0);
  /* concat / len / next / stringtonumber */
  lua_pushinteger(L, 1); lua_pushstring(L, "a"); lua_pushnumber(L, 2.5); lua_concat(L, 3); lua_concat(L, 0); lua_pushinteger(L, 4); lua_concat(L, 1); dump(L, "concat");
  lua_len(L, 1); { size_t a = lua_stringtonumber(L, " 0x1p4 "), b = lua_stringtonumber(L, "z"); say("s2n %zu %zu ", a, b); } dump(L, "len");
  lua_settop(L, 0); (void)luaL_dostring(L, "return {10, 20, x = 30}"); { int c = 0; lua_pushnil(L); while (lua_next(L, 1)) { c++; lua_pop(L, 1); } say("next %d\n", c); }
  /* metatables */
  lua_settop(L, 0); lua_pushinteger(L, 1); say("getmt num %d ", lua_getmetatable(L, 1)); lua_newtable(L); lua_setmetatable(L, 1); say("%d ", lua_getmetatable(L, 1)); lua_pushnil(L); lua_setmetatable(L, 1); say("%d\n", lua_getmetatable(L, 1));
  { int a = lua_gc(L, LUA_GCISRUNNING), b = lua_gc(L, LUA_GCINC, 0, 0, 0), c = lua_gc(L, LUA_GCGEN, 0, 0); say("gc %d %d %d\n", a, b, c); } lua_gc(L, LUA_GCINC, 0, 0, 0);
  say("step %d\n", lua_gc(L, LUA_GCSTEP, 0) >= 0);
  lua_close(L);
  if (used >= sizeof(out) || strcmp(out, expected) != 0) {
    fprintf(stderr, "own_api_sweep: output differs from lua5.4's\n--- got:\n%s--- expected:\n%s", out, expected);
    return 1;
  }
  printf("own_api_sweep: ok\n");
  return 0;
}
