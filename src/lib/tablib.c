/* tablib.c: the table library (insert, remove, move, concat, sort, pack, unpack). */
#include <limits.h>
#include <stddef.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"

/* what an argument must support when it is not a plain table */
#define TAB_R 1  /* read (__index) */
#define TAB_W 2  /* write (__newindex) */
#define TAB_L 4  /* length (__len) */
#define TAB_RW (TAB_R | TAB_W)

static int has_field(lua_State *L, const char *key, int n) {
  lua_pushstring(L, key);
  return lua_rawget(L, -n) != LUA_TNIL;
}

/* Accepts a table, or a value whose metatable provides the needed events. */
static void checktab(lua_State *L, int arg, int what) {
  if (lua_type(L, arg) == LUA_TTABLE) return;
  int n = 1;  /* values pushed: metatable and fields */
  if (lua_getmetatable(L, arg) &&
      (!(what & TAB_R) || has_field(L, "__index", ++n)) &&
      (!(what & TAB_W) || has_field(L, "__newindex", ++n)) &&
      (!(what & TAB_L) || has_field(L, "__len", ++n))) {
    lua_pop(L, n);
  } else {
    luaL_checktype(L, arg, LUA_TTABLE);  /* raises the standard error */
  }
}

static lua_Integer aux_getn(lua_State *L, int arg, int what) {
  checktab(L, arg, what | TAB_L);
  return luaL_len(L, arg);
}

static int tinsert(lua_State *L) {
  lua_Integer e = aux_getn(L, 1, TAB_RW);
  lua_Integer pos;
  e = luaL_intop(+, e, 1);  /* first empty slot */
  switch (lua_gettop(L)) {
    case 2:
      pos = e;
      break;
    case 3: {
      pos = luaL_checkinteger(L, 2);
      /* 1 <= pos <= e, checked with one unsigned comparison */
      luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2,
                    "position out of bounds");
      for (lua_Integer i = e; i > pos; i--) {
        lua_geti(L, 1, i - 1);
        lua_seti(L, 1, i);
      }
      break;
    }
    default:
      return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  lua_seti(L, 1, pos);
  return 0;
}

static int tremove(lua_State *L) {
  lua_Integer size = aux_getn(L, 1, TAB_RW);
  lua_Integer pos = luaL_optinteger(L, 2, size);
  if (pos != size)  /* 1 <= pos <= size + 1 */
    luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2,
                  "position out of bounds");
  lua_geti(L, 1, pos);
  for (; pos < size; pos++) {
    lua_geti(L, 1, pos + 1);
    lua_seti(L, 1, pos);
  }
  lua_pushnil(L);
  lua_seti(L, 1, pos);
  return 1;
}

static int tmove(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2);
  lua_Integer e = luaL_checkinteger(L, 3);
  lua_Integer t = luaL_checkinteger(L, 4);
  int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
  checktab(L, 1, TAB_R);
  checktab(L, tt, TAB_W);
  if (e >= f) {
    luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
    lua_Integer n = e - f + 1;
    luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
    if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
      for (lua_Integer i = 0; i < n; i++) {
        lua_geti(L, 1, f + i);
        lua_seti(L, tt, t + i);
      }
    } else {  /* overlapping, destination after source: copy backwards */
      for (lua_Integer i = n - 1; i >= 0; i--) {
        lua_geti(L, 1, f + i);
        lua_seti(L, tt, t + i);
      }
    }
  }
  lua_pushvalue(L, tt);
  return 1;
}

/* appends t[i] (t is argument 1), which must be a string or a number */
static void concat_item(lua_State *L, luaL_Buffer *b, lua_Integer i) {
  int t = lua_geti(L, 1, i);
  if (t != LUA_TSTRING && t != LUA_TNUMBER)
    luaL_error(L, "invalid value (%s) at index %I in table for 'concat'",
               lua_typename(L, t), (LUAI_UACINT)i);
  luaL_addvalue(b);
}

/* table.concat(t [, sep [, i [, j]]]): the length is taken (and checked) first */
static int tconcat(lua_State *L) {
  lua_Integer n = aux_getn(L, 1, TAB_R);
  size_t seplen;
  const char *sep = luaL_optlstring(L, 2, "", &seplen);
  lua_Integer first = luaL_optinteger(L, 3, 1);
  lua_Integer last = luaL_optinteger(L, 4, n);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (lua_Integer i = first; i <= last; i++) {
    concat_item(L, &b, i);
    if (i == last) break;  /* no i + 1: last may be maxinteger */
    luaL_addlstring(&b, sep, seplen);
  }
  luaL_pushresult(&b);
  return 1;
}

static int tpack(lua_State *L) {
  int n = lua_gettop(L);
  lua_createtable(L, n, 1);
  lua_insert(L, 1);
  for (int i = n; i >= 1; i--) lua_seti(L, 1, i);
  lua_pushinteger(L, n);
  lua_setfield(L, 1, "n");
  return 1;
}

static int tunpack(lua_State *L) {
  lua_Integer i = luaL_optinteger(L, 2, 1);
  lua_Integer e = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
  if (i > e) return 0;
  lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;  /* count - 1 */
  if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
    return luaL_error(L, "too many results to unpack");
  for (; i < e; i++) lua_geti(L, 1, i);
  lua_geti(L, 1, e);
  return (int)n;
}

/* ---- sort: quicksort, median of three, randomized pivot on bad splits ---- */

typedef unsigned int SortIdx;

#define SORT_RANLIMIT 100u  /* below this size pivots are not randomized */

static int sort_less(lua_State *L, int a, int b, int cmp) {
  if (!cmp)  /* no comparator (t[2] is nil): use '<' */
    return lua_compare(L, a, b, LUA_OPLT);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, a - 1);  /* -1 shifts: the function was pushed */
  lua_pushvalue(L, b - 2);
  lua_call(L, 2, 1);
  int res = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return res;
}

/* t[i] = top-1, t[j] = top; pops both */
static void sort_set2(lua_State *L, SortIdx i, SortIdx j) {
  lua_seti(L, 1, i);
  lua_seti(L, 1, j);
}

static SortIdx sort_seed(void) {
  clock_t c = clock();
  time_t t = time(NULL);
  return (SortIdx)((unsigned long)c ^ (unsigned long)t);
}

/* Partitions lo..up around the pivot P (on the stack top, also at t[up-1]);
** returns its final position. Detects inconsistent comparators. */
static SortIdx sort_partition(lua_State *L, SortIdx lo, SortIdx up, int cmp) {
  SortIdx i = lo;
  SortIdx j = up - 1;
  for (;;) {
    /* scan right while t[i] < P */
    while (lua_geti(L, 1, ++i), sort_less(L, -1, -2, cmp)) {
      if (i == up - 1) luaL_error(L, "invalid order function for sorting");
      lua_pop(L, 1);
    }
    /* scan left while P < t[j] */
    while (lua_geti(L, 1, --j), sort_less(L, -3, -1, cmp)) {
      if (j < i) luaL_error(L, "invalid order function for sorting");
      lua_pop(L, 1);
    }
    if (j < i) {
      lua_pop(L, 1);  /* t[j] */
      sort_set2(L, up - 1, i);  /* swap pivot (t[up-1]) with t[i] */
      return i;
    }
    sort_set2(L, i, j);  /* swap t[i] and t[j] */
  }
}

static SortIdx sort_choose_pivot(SortIdx lo, SortIdx up, unsigned int rnd) {
  SortIdx r4 = (up - lo) / 4;
  return rnd % (r4 * 2) + (lo + r4);
}

static void sort_aux(lua_State *L, SortIdx lo, SortIdx up, unsigned int rnd, int cmp) {
  while (lo < up) {
    /* order t[lo], t[up] */
    lua_geti(L, 1, lo);
    lua_geti(L, 1, up);
    if (sort_less(L, -1, -2, cmp))
      sort_set2(L, lo, up);
    else
      lua_pop(L, 2);
    if (up - lo == 1) break;
    SortIdx p = (up - lo < SORT_RANLIMIT || rnd == 0) ? lo + (up - lo) / 2
                                                        : sort_choose_pivot(lo, up, rnd);
    /* median of t[lo], t[p], t[up] goes to t[p] */
    lua_geti(L, 1, p);
    lua_geti(L, 1, lo);
    if (sort_less(L, -2, -1, cmp)) {
      sort_set2(L, p, lo);
    } else {
      lua_pop(L, 1);
      lua_geti(L, 1, up);
      if (sort_less(L, -1, -2, cmp))
        sort_set2(L, p, up);
      else
        lua_pop(L, 2);
    }
    if (up - lo == 2) break;
    /* move the pivot to t[up-1]; keep a copy on the stack */
    lua_geti(L, 1, p);
    lua_pushvalue(L, -1);
    lua_geti(L, 1, up - 1);
    sort_set2(L, p, up - 1);
    p = sort_partition(L, lo, up, cmp);
    /* recurse into the smaller half, loop on the larger */
    SortIdx n;
    if (p - lo < up - p) {
      sort_aux(L, lo, p - 1, rnd, cmp);
      n = p - lo;
      lo = p + 1;
    } else {
      sort_aux(L, p + 1, up, rnd, cmp);
      n = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > n)  /* very unbalanced split: randomize pivots */
      rnd = sort_seed() | 1u;
  }
}

static int tsort(lua_State *L) {
  lua_Integer n = aux_getn(L, 1, TAB_RW);
  if (n > 1) {
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    sort_aux(L, 1, (SortIdx)n, 0, !lua_isnil(L, 2));
  }
  return 0;
}

const luaL_Reg tylib_table_builtins[] = {
  {"table.concat", tconcat},
  {"table.insert", tinsert},
  {"table.pack", tpack},
  {"table.unpack", tunpack},
  {"table.remove", tremove},
  {"table.move", tmove},
  {"table.sort", tsort},
  {NULL, NULL}
};

/* every entry of the list is a field of the table library */
#define TAB_NFIELDS ((int)(sizeof(tylib_table_builtins) / sizeof(luaL_Reg)) - 1)

LUAMOD_API int luaopen_table(lua_State *L) {
  tylib_newbuiltinlib(L, tylib_table_builtins, TAB_NFIELDS, 0);
  return 1;
}
