/* host_cont.c: continuations across C frames: lua_callk, lua_pcallk, lua_yieldk, lua_resume from C. */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* lua_closethread is 5.4.6; Debian's liblua5.4 (5.4.4) has only lua_resetthread */
#if LUA_VERSION_RELEASE_NUM >= 50406
#define closethread(co, L) lua_closethread(co, L)
#else
#define closethread(co, L) lua_resetthread(co)
#endif

static const char *stname(int st) {
  switch (st) {
    case LUA_OK: return "OK"; case LUA_YIELD: return "YIELD";
    case LUA_ERRRUN: return "ERRRUN"; case LUA_ERRMEM: return "ERRMEM";
    case LUA_ERRERR: return "ERRERR"; case LUA_ERRSYNTAX: return "ERRSYNTAX";
    default: return "?";
  }
}

/* prints the values L[from..top] on one line */
static void dump(lua_State *L, const char *tag, int from) {
  int i;
  printf("%s:", tag);
  for (i = from; i <= lua_gettop(L); i++) {
    if (lua_type(L, i) == LUA_TTABLE) { printf(" <table>"); continue; }  /* no addresses */
    printf(" %s", luaL_tolstring(L, i, NULL));
    lua_pop(L, 1);
  }
  printf("\n");
}

/* callk(f, ...): calls f(...) with a continuation; returns "k", status, ctx, f's results */
static int finishcallk(lua_State *L, int status, lua_KContext ctx) {
  lua_pushstring(L, "k");
  lua_pushstring(L, stname(status));
  lua_pushinteger(L, (lua_Integer)ctx);
  lua_rotate(L, 1, 3);
  return lua_gettop(L);
}
static int callk(lua_State *L) {
  lua_callk(L, lua_gettop(L) - 1, LUA_MULTRET, 17, finishcallk);
  return finishcallk(L, LUA_OK, 17);
}

/* callk2(f, g): lua_callk(f) whose continuation does lua_callk(g) with its own continuation */
static int finishcallk2b(lua_State *L, int status, lua_KContext ctx) {
  lua_pushstring(L, "k2");
  lua_pushstring(L, stname(status));
  lua_pushinteger(L, (lua_Integer)ctx);
  return 3;
}
static int finishcallk2a(lua_State *L, int status, lua_KContext ctx) {
  lua_settop(L, 2);
  lua_pushvalue(L, 2);
  lua_callk(L, 0, 0, ctx + 1, finishcallk2b);
  lua_pushstring(L, "k1-after");  /* only when g did not yield */
  return 1;
}
static int callk2(lua_State *L) {
  lua_pushvalue(L, 1);
  lua_callk(L, 0, 0, 30, finishcallk2a);
  return finishcallk2a(L, LUA_OK, 30);
}

/* pcallk(f, ...): protected call with a continuation; after an error the status says so */
static int finishpcallk(lua_State *L, int status, lua_KContext ctx) {
  int n = lua_gettop(L);
  lua_pushstring(L, status == LUA_OK || status == LUA_YIELD ? "pk-ok" : "pk-err");
  lua_pushstring(L, stname(status));
  lua_pushinteger(L, (lua_Integer)ctx);
  lua_rotate(L, 1, 3);
  return n + 3;
}
static int pcallk(lua_State *L) {
  int st = lua_pcallk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, 23, finishpcallk);
  return finishpcallk(L, st, 23);
}

/* yieldk(...): yields its arguments; the continuation returns the resume values plus ctx */
static int finishyieldk(lua_State *L, int status, lua_KContext ctx) {
  lua_pushstring(L, stname(status));
  lua_pushinteger(L, (lua_Integer)ctx);
  return lua_gettop(L);
}
static int yieldk(lua_State *L) {
  lua_pushstring(L, "before-yield");
  lua_setglobal(L, "mark");
  return lua_yieldk(L, lua_gettop(L), 99, finishyieldk);
}

/* yieldplain(...): lua_yield without continuation: resume values return to the Lua caller */
static int yieldplain(lua_State *L) { return lua_yield(L, lua_gettop(L)); }

/* yieldthen(...): code after a lua_yield without continuation never runs */
static int yieldthen(lua_State *L) {
  lua_yield(L, lua_gettop(L));
  lua_pushstring(L, "ran-after-yield");
  lua_setglobal(L, "mark");
  return 0;
}

/* callnok(f): plain lua_call, so f may not yield */
static int callnok(lua_State *L) { lua_call(L, lua_gettop(L) - 1, LUA_MULTRET); return lua_gettop(L); }

static int isyieldable(lua_State *L) { lua_pushboolean(L, lua_isyieldable(L)); return 1; }

/* resumes co until it finishes, printing every step; extra resume args are step numbers */
static void drive(lua_State *L, lua_State *co, const char *label, int nargs) {
  int step = 0, st, nres;
  do {
    st = lua_resume(co, L, step == 0 ? nargs : 1, &nres);
    printf("%s step %d: %s nres=%d status=%s\n", label, step, stname(st), nres, stname(lua_status(co)));
    if (st == LUA_OK || st == LUA_YIELD) {
      dump(co, "  values", lua_gettop(co) - nres + 1);
      lua_pop(co, nres);
    } else {
      printf("  error: %s\n", lua_tostring(co, -1));
      break;
    }
    lua_pushfstring(co, "r%d", ++step);
  } while (st == LUA_YIELD && step < 10);
  if (st == LUA_YIELD) lua_pop(co, 1);
}

static const char *const scripts[] = {
  /* callk: the Lua function yields twice through the C frame */
  "local x = ... return callk(function(a) local r = coroutine.yield('y1', a)\n"
  "  local s = coroutine.yield('y2', r) return 'ret', r, s end, x)",
  /* pcallk without errors, yielding inside */
  "return pcallk(function() local v = coroutine.yield('in-pcallk') return v, 'fine' end)",
  /* pcallk: the error happens after a yield, the continuation sees it */
  "return pcallk(function() coroutine.yield('about-to-fail') error('late failure') end)",
  /* pcallk: error before any yield (no continuation call through yield) */
  "return pcallk(function() error({code = 7}) end)",
  /* lua_yieldk from C */
  "local a, b, c, d = yieldk('from-c', 1) return 'after', a, b, c, d, mark",
  /* lua_yield without continuation */
  "local v = yieldplain('plain', 2) return 'got', v",
  /* yields across plain lua_call fail */
  "return pcall(callnok, function() coroutine.yield('never') end)",
  /* isyieldable under each kind of call */
  "return isyieldable(), callk(isyieldable), callnok(isyieldable), pcallk(isyieldable)",
  /* nested: a Lua coroutine inside, C continuations on both levels */
  "local co = coroutine.wrap(function(a) return callk(function() return coroutine.yield(a * 2) + 1 end) end)\n"
  "local first = co(21) local k, st, ctx, v = co(100)\n"
  "return first, k, st, ctx, v, coroutine.yield('outer')",
  /* a continuation that calls lua_callk again: f yields (its frames can be unwound), then
  ** g yields in a __close run by pcall's error recovery (its C frames stay): k2 ends callk2 */
  "return callk2(function() coroutine.yield('in-f') end, function()\n"
  "  return pcall(function()\n"
  "    local x <close> = setmetatable({}, {__close = function() coroutine.yield('in-close') end})\n"
  "    error('z', 0) end) end)",
  /* the rest of a C function after lua_yield is skipped, whether its C stack was kept
  ** (a yield inside a __close run by pcall's recovery) or not */
  "mark = nil local a = yieldthen('then', 1)\n"
  "local ok, e = pcall(function()\n"
  "  local x <close> = setmetatable({}, {__close = function() mark = yieldthen('then-close') end})\n"
  "  error('y', 0) end)\n"
  "return a, ok, e, tostring(mark)",
  /* errors inside a continuation propagate */
  "return callk(function() coroutine.yield(1) end), error('after continuation')",
  /* coroutine.wrap of C continuation functions, driven from Lua */
  "local gen = coroutine.wrap(function() for i = 1, 3 do yieldk(i) end return 'end' end)\n"
  "local out = {} for i = 1, 4 do out[#out + 1] = tostring(gen()) end return table.concat(out, ',')",
  NULL
};

int main(void) {
  lua_State *L = luaL_newstate();
  int i;
  if (L == NULL) return 1;
  luaL_openlibs(L);
  lua_register(L, "callk", callk);
  lua_register(L, "callk2", callk2);
  lua_register(L, "yieldthen", yieldthen);
  lua_register(L, "pcallk", pcallk);
  lua_register(L, "yieldk", yieldk);
  lua_register(L, "yieldplain", yieldplain);
  lua_register(L, "callnok", callnok);
  lua_register(L, "isyieldable", isyieldable);
  for (i = 0; scripts[i] != NULL; i++) {
    char label[16];
    lua_State *co = lua_newthread(L);
    snprintf(label, sizeof label, "s%d", i);
    if (luaL_loadstring(co, scripts[i]) != LUA_OK) {
      printf("%s: load error: %s\n", label, lua_tostring(co, -1));
      return 1;
    }
    lua_pushinteger(co, 1000 + i);
    drive(L, co, label, 1);
    printf("%s closethread: %s, top %d\n", label, stname(closethread(co, L)), lua_gettop(co));
    lua_pop(L, 1);
  }
  /* the main thread is not yieldable; resuming a finished coroutine is an error */
  printf("main yieldable: %d\n", lua_isyieldable(L));
  {
    lua_State *co = lua_newthread(L);
    int nres;
    luaL_loadstring(co, "return 1");
    printf("first: %s\n", stname(lua_resume(co, L, 0, &nres)));
    lua_pop(co, nres);
    printf("dead: %s %s\n", stname(lua_resume(co, L, 0, &nres)), lua_tostring(co, -1));
    lua_pop(L, 1);
  }
  /* lua_xmove between threads */
  {
    lua_State *co = lua_newthread(L);
    lua_pushinteger(L, 5);
    lua_pushstring(L, "moved");
    lua_xmove(L, co, 2);
    dump(co, "xmove", 1);
    lua_settop(co, 0);
    lua_pop(L, 1);
  }
  printf("top %d\n", lua_gettop(L));
  lua_close(L);
  return 0;
}
