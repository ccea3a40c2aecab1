/* host_alloc.c: a host whose allocator fails every Nth allocation; every failure must surface as an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

typedef struct Heap {
  unsigned long count;   /* growing allocations so far */
  unsigned long every;   /* fail each `every`-th one (0: never) */
  unsigned long failed;
  size_t inuse;
  unsigned long after;   /* fail every growing allocation past this many (0: never) */
} Heap;

/* the 5.4 contract: free when nsize == 0; Lua assumes shrinking never fails */
static void *failalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Heap *h = (Heap *)ud;
  if (ptr == NULL) osize = 0;  /* osize is then a type tag */
  if (nsize == 0) {
    free(ptr);
    h->inuse -= osize;
    return NULL;
  }
  if (nsize > osize && h->every == 0 && h->after == 0) h->count++;  /* counting only */
  if (nsize > osize && ((h->every != 0 && ++h->count % h->every == 0) ||
                        (h->after != 0 && ++h->count > h->after))) {
    h->failed++;
    return NULL;
  }
  ptr = realloc(ptr, nsize);
  if (ptr != NULL) h->inuse += nsize - osize;
  return ptr;
}

static const char workload[] =
  "local t = {}\n"
  "for i = 1, 200 do t[i] = string.format('item %d %s', i, ('x'):rep(i % 7)) end\n"
  "local s = table.concat(t, ';')\n"
  "local n = 0\n"
  "for w in s:gmatch('%d+') do n = n + tonumber(w) end\n"
  "local h = {}\n"
  "for i = 1, 300 do h['k' .. i] = {i, tostring(i), function() return i end} end\n"
  "local sum = 0\n"
  "for k, v in pairs(h) do sum = sum + v[3]() end\n"
  "local co = coroutine.wrap(function() for i = 1, 50 do coroutine.yield(i) end end)\n"
  "local cs = 0 for i = 1, 50 do cs = cs + co() end\n"
  "local f = assert(load('local a, b = ... return a * b + #tostring(a)'))\n"
  "local mt = setmetatable({}, {__index = function(_, k) return k * 2 end})\n"
  "local g = s:gsub('item', 'I'):upper():sub(1, 40)\n"
  "local ok, e = pcall(error, 'caught')\n"
  "collectgarbage()\n"
  "return n + sum + cs + f(6, 7) + mt[21] + #g + #e\n";

static int openlibs(lua_State *L) { luaL_openlibs(L); return 0; }

/* one run with a given failure period: returns 0 when the outcome is acceptable */
static int run(unsigned long every, unsigned long after, lua_Integer expected, int *outcome) {
  Heap h = {0, every, 0, 0, after};
  lua_State *L = lua_newstate(failalloc, &h);
  int st;
  if (L == NULL) { *outcome = -1; return h.inuse == 0 ? 0 : 1; }
  lua_pushcfunction(L, openlibs);
  st = lua_pcall(L, 0, 0, 0);
  if (st == LUA_OK) {
    st = luaL_loadbuffer(L, workload, sizeof workload - 1, "=workload");
    if (st == LUA_OK) st = lua_pcall(L, 0, 1, 0);
  }
  *outcome = st;
  if (st == LUA_OK) {
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) != expected) {
      printf("every=%lu: wrong result %s\n", every, lua_tostring(L, -1));
      lua_close(L);
      return 1;
    }
  }
  else {
    const char *msg = lua_tostring(L, -1);
    int memerr = msg != NULL && strstr(msg, "not enough memory") != NULL;
    if (!(st == LUA_ERRMEM && memerr && strcmp(msg, "not enough memory") == 0) &&
        !(st == LUA_ERRRUN && memerr) && st != LUA_ERRERR) {
      printf("every=%lu: status %d, message '%s'\n", every, st, msg ? msg : "(none)");
      lua_close(L);
      return 1;
    }
  }
  lua_close(L);
  if (h.inuse != 0) { printf("every=%lu: %lu bytes leaked\n", every, (unsigned long)h.inuse); return 1; }
  return 0;
}

/* lua_getallocf/lua_setallocf: swap in a counting allocator on a live state */
static unsigned long swapped_calls = 0;
static void *countalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  swapped_calls++;
  return failalloc(ud, ptr, osize, nsize);
}

int main(int argc, char **argv) {
  unsigned long every, after, total, maxevery = argc > 1 ? strtoul(argv[1], NULL, 10) : 600;
  int bad = 0, outcome, oks = 0, errs = 0, nulls = 0;
  lua_Integer expected;
  /* the reference result, with an allocator that never fails */
  {
    Heap h = {0, 0, 0, 0, 0};
    lua_State *L = lua_newstate(failalloc, &h);
    void *ud;
    if (L == NULL) return 1;
    luaL_openlibs(L);
    if (luaL_loadbuffer(L, workload, sizeof workload - 1, "=workload") != LUA_OK ||
        lua_pcall(L, 0, 1, 0) != LUA_OK) {
      printf("reference run failed: %s\n", lua_tostring(L, -1));
      return 1;
    }
    expected = lua_tointeger(L, -1);
    total = h.count;
    printf("reference result %lld\n", (long long)expected);
    lua_pop(L, 1);
    printf("getallocf %d\n", lua_getallocf(L, &ud) == failalloc && ud == &h);
    lua_setallocf(L, countalloc, &h);
    lua_pushstring(L, "a fresh string that needs memory to be allocated");
    lua_newtable(L);
    lua_settop(L, 0);
    printf("setallocf %d\n", lua_getallocf(L, NULL) == countalloc && swapped_calls > 0);
    /* a failing allocation on a live state is an error that pcall catches */
    luaL_loadstring(L, "local t = {} for i = 1, 1e6 do t[i] = {} end");
    h.every = 1;
    h.count = 0;
    printf("live failure: %d\n", lua_pcall(L, 0, 0, 0) == LUA_ERRMEM);
    printf("message: %s\n", lua_tostring(L, -1));
    lua_settop(L, 0);
    h.every = 0;
    printf("recovered: %d\n", luaL_dostring(L, "return #string.rep('ab', 1000)") == LUA_OK &&
           lua_tointeger(L, -1) == 2000);
    lua_close(L);
    printf("all freed %d\n", h.inuse == 0);
  }
  for (every = 1; every <= maxevery; every++) {
    bad += run(every, 0, expected, &outcome);
    if (outcome == LUA_OK) oks++;
    else if (outcome == -1) nulls++;
    else errs++;
  }
  /* hard exhaustion: everything fails after `after` allocations, at points across the run */
  for (after = 1; after <= total + 50; after += 1 + after / 200) {
    bad += run(0, after, expected, &outcome);
    if (outcome == LUA_OK) oks++;
    else if (outcome == -1) nulls++;
    else errs++;
    if (outcome == LUA_OK && after < total / 2) {
      printf("after=%lu: completed with half the allocations failing\n", after);
      bad++;
    }
  }
  /* large periods: most runs complete */
  for (every = 1000; every <= 64000; every *= 2) {
    bad += run(every, 0, expected, &outcome);
    if (outcome == LUA_OK) oks++; else if (outcome == -1) nulls++; else errs++;
  }
  fprintf(stderr, "runs: %d completed, %d failed with memory errors, %d states not created\n", oks, errs, nulls);
  printf("some runs failed with memory errors: %d\n", errs > 0);
  printf("lua_newstate returned NULL when the first allocation failed: %d\n", nulls > 0);
  printf("%s\n", bad == 0 ? "alloc: ok" : "alloc: FAILED");
  return bad != 0;
}
