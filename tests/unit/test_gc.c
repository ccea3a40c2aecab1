/* test_gc.c: unit tests of the collector: weak tables, finalizers, memory accounting, memory limit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
#include "core/gc.h"
#include "core/tab.h"
#include "vm/api.h"

static int failures = 0;

#define CHECK(c) do { if (!(c)) { failures++; \
  printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

/* ---- an allocator that knows how many bytes are in use ---- */
static size_t inuse = 0;

static void *countalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  if (ptr == NULL)
    osize = 0;
  if (nsize == 0) {
    free(ptr);
    inuse -= osize;
    return NULL;
  }
  else {
    void *p = realloc(ptr, nsize);
    if (p != NULL)
      inuse = inuse - osize + nsize;
    return p;
  }
}

static size_t gccount(lua_State *L) {
  return (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB);
}

/* ---- small library for the Lua snippets ---- */
static char warnbuf[1024];

static void warnf(void *ud, const char *msg, int tocont) {
  (void)ud; (void)tocont;
  if (strlen(warnbuf) + strlen(msg) < sizeof(warnbuf))
    strcat(warnbuf, msg);
}

static int l_setmetatable(lua_State *L) {
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

static int l_collect(lua_State *L) {
  lua_gc(L, LUA_GCCOLLECT);
  return 0;
}

static int l_step(lua_State *L) {
  lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, (int)luaL_optinteger(L, 1, 0)));
  return 1;
}

static int l_count(lua_State *L) {  /* (t) -> number of entries */
  lua_Integer n = 0;
  lua_settop(L, 1);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    n++;
    lua_pop(L, 1);
  }
  lua_pushinteger(L, n);
  return 1;
}

static int l_checkheap(lua_State *L) {
  lua_pushinteger(L, tyC_checkheap(L));
  return 1;
}

static int l_newudata(lua_State *L) {  /* (mt) -> userdata with that metatable */
  lua_newuserdatauv(L, 16, 1);
  lua_pushvalue(L, 1);
  lua_setmetatable(L, -2);
  return 1;
}

static int l_error(lua_State *L) {
  lua_settop(L, 1);
  return lua_error(L);
}

static int l_pcall(lua_State *L) {
  int st = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  lua_pushboolean(L, st == LUA_OK);
  lua_insert(L, 1);
  return lua_gettop(L);
}

static lua_State *newstate(void) {
  lua_State *L = lua_newstate(countalloc, NULL);
  if (L == NULL)
    return NULL;
  lua_setwarnf(L, warnf, NULL);
  lua_register(L, "setmetatable", l_setmetatable);
  lua_register(L, "collect", l_collect);
  lua_register(L, "step", l_step);
  lua_register(L, "count", l_count);
  lua_register(L, "checkheap", l_checkheap);
  lua_register(L, "newudata", l_newudata);
  lua_register(L, "error", l_error);
  lua_register(L, "pcall", l_pcall);
  return L;
}

/* runs code; returns its first result as an integer (or -1 on error) */
static lua_Integer run(lua_State *L, const char *code) {
  lua_Integer r = -1;
  if (luaL_loadstring(L, code) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
    printf("  error running snippet: %s\n", lua_tostring(L, -1));
    failures++;
  }
  else
    r = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return r;
}

static void test_weak(lua_State *L) {
  CHECK(run(L,
    "local k = setmetatable({}, {__mode = 'k'}) "
    "local keep = {} "
    "for i = 1, 100 do local key = {} k[key] = i if i % 10 == 0 then keep[#keep + 1] = key end end "
    "k[1] = {} k['s'] = {} "  /* non-collectable keys stay */
    "collect() return count(k)") == 12);
  CHECK(run(L,
    "local v = setmetatable({}, {__mode = 'v'}) "
    "local keep = {} "
    "for i = 1, 100 do local val = {} v[i] = val if i % 4 == 0 then keep[#keep + 1] = val end end "
    "v.str = 'a string value' "  /* strings are values: never cleared */
    "collect() return count(v)") == 26);
  CHECK(run(L,
    "local kv = setmetatable({}, {__mode = 'kv'}) "
    "local a = {} "
    "kv[a] = {} kv[{}] = a kv[1] = {} kv[2] = a "
    "collect() return count(kv)") == 1);
  /* ephemerons: a value that refers to its own key does not keep it */
  CHECK(run(L,
    "local e = setmetatable({}, {__mode = 'k'}) "
    "local keep = {} "
    "for i = 1, 50 do local key = {} e[key] = {key, i} if i <= 5 then keep[i] = key end end "
    "local a, b = {}, {} e[a] = b e[b] = {} keep.a = a "  /* chain a -> b -> {} */
    "collect() return count(e)") == 7);
}

static void test_finalizers(lua_State *L) {
  /* reverse order of marking, tables and userdata alike */
  CHECK(run(L,
    "local order = {} "
    "for i = 1, 5 do "
    "  if i % 2 == 0 then newudata({__gc = function() order[#order + 1] = i end}) "
    "  else setmetatable({}, {__gc = function() order[#order + 1] = i end}) end "
    "end "
    "collect() "
    "return order[1] * 10000 + order[2] * 1000 + order[3] * 100 + order[4] * 10 + order[5]") == 54321);
  /* __gc must be present when setmetatable is called */
  CHECK(run(L,
    "local called = 0 "
    "local mt = {} setmetatable({}, mt) mt.__gc = function() called = called + 1 end "
    "collect() return called") == 0);
  /* resurrection: the object is usable inside and after its finalizer */
  CHECK(run(L,
    "local saved "
    "setmetatable({value = 42}, {__gc = function(o) saved = o end}) "
    "collect() collect() return saved and saved.value or 0") == 42);
  /* an error in __gc becomes a warning and collection goes on */
  warnbuf[0] = '\0';
  CHECK(run(L,
    "local n = 0 "
    "setmetatable({}, {__gc = function() n = n + 1 end}) "
    "setmetatable({}, {__gc = function() error('boom') end}) "
    "setmetatable({}, {__gc = function() n = n + 1 end}) "
    "collect() return n") == 2);
  CHECK(strstr(warnbuf, "error in __gc") != NULL && strstr(warnbuf, "boom") != NULL);
}

static int closecount = 0;

static int l_closemark(lua_State *L) {
  (void)L;
  closecount++;
  return 0;
}

/* pending finalizers run at lua_close */
static void test_close_finalizers(void) {
  lua_State *L = newstate();
  lua_register(L, "mark", l_closemark);
  closecount = 0;
  run(L, "keep = {} for i = 1, 10 do keep[i] = setmetatable({}, {__gc = mark}) end "
         "for i = 1, 5 do setmetatable({}, {__gc = mark}) end return 0");
  lua_close(L);
  CHECK(closecount == 15);
  CHECK(inuse == 0);  /* everything was freed */
}

/* collectgarbage("count") is exact */
static void test_count(lua_State *L) {
  CHECK(gccount(L) == inuse);
  run(L, "t = {} for i = 1, 10000 do t[i] = {i, tostring and i or 'x'} end return 0");
  CHECK(gccount(L) == inuse);
  run(L, "t = nil collect() return 0");
  CHECK(gccount(L) == inuse);
  lua_newuserdatauv(L, 100000, 2);
  CHECK(gccount(L) == inuse);
  lua_pop(L, 1);
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(gccount(L) == inuse);
}

/* incremental steps keep the tri-color invariant, and memory stays bounded */
static void test_incremental(lua_State *L) {
  size_t peak = 0;
  int i;
  CHECK(run(L,
    "local bad = 0 local keep = {} "
    "local w = setmetatable({}, {__mode = 'v'}) "
    "for r = 1, 2000 do "
    "  local t = {r, {}, function() return r end} "
    "  keep[r % 50] = t w[r] = t[2] "
    "  for j = 1, 10 do t[#t + 1] = {j} end "
    "  step(1) bad = bad + checkheap() "
    "end return bad") == 0);
  lua_gc(L, LUA_GCCOLLECT);
  for (i = 0; i < 50; i++) {  /* garbage only: the automatic collector keeps up */
    run(L, "local t = {} for i = 1, 2000 do t[i] = {i} end return 0");
    if (inuse > peak)
      peak = inuse;
  }
  CHECK(peak < 8u * 1024 * 1024);
  /* the mode is recorded, collection stays incremental */
  CHECK(lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCINC);
  CHECK(lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCGEN);
}

static void test_memlimit(lua_State *L) {
  int st;
  size_t base;
  lua_gc(L, LUA_GCCOLLECT);
  base = gccount(L);
  tycho_setmemlimit(L, base + 512 * 1024);
  CHECK(tycho_getmemlimit(L) == base + 512 * 1024);
  st = luaL_loadstring(L, "local t = {} for i = 1, 1e8 do t[i] = {i} end");
  CHECK(st == LUA_OK);
  st = lua_pcall(L, 0, 0, 0);
  CHECK(st == LUA_ERRMEM);
  CHECK(lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "not enough memory") == 0);
  lua_pop(L, 1);
  CHECK(gccount(L) <= base + 512 * 1024);
  /* long strings too */
  st = luaL_loadstring(L, "local s = 'x' for i = 1, 40 do s = s .. s end");
  CHECK(st == LUA_OK);
  st = lua_pcall(L, 0, 0, 0);
  CHECK(st == LUA_ERRMEM);
  lua_pop(L, 1);
  /* garbage is collected in an emergency instead of failing */
  CHECK(run(L, "local n = 0 for i = 1, 200 do local t = {} for j = 1, 100 do t[j] = {} end n = n + #t end return n") == 20000);
  /* the state is still fine and works again without the limit */
  tycho_setmemlimit(L, 0);
  CHECK(run(L, "local t = {} for i = 1, 100000 do t[i] = i end return #t") == 100000);
  CHECK(gccount(L) == inuse);
}

/* threads: creation, collection and closing */
static void test_threads(lua_State *L) {
  int i;
  for (i = 0; i < 100; i++) {
    lua_State *co = lua_newthread(L);
    lua_pushinteger(co, i);
    lua_pop(L, 1);
  }
  lua_gc(L, LUA_GCCOLLECT);
  {
    lua_State *co = lua_newthread(L);
    CHECK(lua_closethread(co, L) == LUA_OK);
    lua_pop(L, 1);
  }
  CHECK(gccount(L) == inuse);
}

/* an image object (never swept, always black) written after load keeps its
** heap referents alive through g->remembered */
static void test_image(lua_State *L) {
  static TValue arr[4];
  static Table img;
  int i;
  memset(&img, 0, sizeof(img));
  img.tt = TY_VTABLE;
  img.marked = bitmask(TY_IMAGEBIT) | bitmask(BLACKBIT);
  img.flags = (lu_byte)~0;
  img.node = tyH_dummynode();
  img.lastfree = NULL;
  img.asize = 4;
  img.array = arr;
  for (i = 0; i < 4; i++)
    setempty(&arr[i]);
  sethvalue(L, L->top, &img);
  L->top++;
  lua_gc(L, LUA_GCCOLLECT);
  for (i = 1; i <= 4; i++) {  /* write fresh heap objects during a cycle */
    lua_gc(L, LUA_GCSTEP, 0);
    lua_newtable(L);
    lua_pushinteger(L, i * 11);
    lua_setfield(L, -2, "v");
    lua_rawseti(L, -2, i);
  }
  CHECK(G(L)->remembered == obj2gco(&img));
  CHECK(img.next == NULL);  /* only one remembered object */
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  for (i = 0; i < 200; i++)  /* some garbage and incremental cycles */
    run(L, "local t = {} for i = 1, 100 do t[i] = {} end return 0");
  for (i = 1; i <= 4; i++) {
    CHECK(lua_rawgeti(L, -1, i) == LUA_TTABLE);
    CHECK(lua_getfield(L, -1, "v") == LUA_TNUMBER && lua_tointeger(L, -1) == i * 11);
    lua_pop(L, 2);
  }
  CHECK(!iswhite(obj2gco(&img)) && isblack(obj2gco(&img)));
  CHECK(tyC_checkheap(L) == 0);
  for (i = 0; i < 4; i++)  /* detach before the state goes away */
    setempty(&arr[i]);
  G(L)->remembered = NULL;
  lua_pop(L, 1);
}

int main(void) {
  lua_State *L = newstate();
  if (L == NULL) {
    printf("FAIL: cannot create state\n");
    return 1;
  }
  test_weak(L);
  test_finalizers(L);
  test_count(L);
  test_incremental(L);
  test_memlimit(L);
  test_threads(L);
  test_image(L);
  CHECK(lua_gettop(L) == 0);
  lua_close(L);
  CHECK(inuse == 0);
  test_close_finalizers();
  if (failures)
    printf("test_gc: %d failure(s)\n", failures);
  else
    printf("test_gc: ok\n");
  return failures != 0;
}
