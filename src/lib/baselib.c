/* baselib.c: the basic library (_G): print, pcall, load, metatables, collectgarbage, ... */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"

static int base_print(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (i > 1) lua_writestring("\t", 1);
    lua_writestring(s, len);
    lua_pop(L, 1);
  }
  lua_writeline();
  return 0;
}

static int base_warn(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checkstring(L, 1);  /* at least one argument */
  for (int i = 2; i <= n; i++) luaL_checkstring(L, i);
  for (int i = 1; i < n; i++) lua_warning(L, lua_tostring(L, i), 1);
  lua_warning(L, lua_tostring(L, n), 0);
  return 0;
}

/* Parses an integer numeral in 'base' (spaces around, optional '-');
** returns a pointer past the trailing spaces, or NULL when malformed. */
static const char *str2int(const char *s, int base, lua_Integer *pn) {
  lua_Unsigned n = 0;
  int neg = 0;
  while (isspace((unsigned char)*s)) s++;
  if (*s == '-') { s++; neg = 1; }
  else if (*s == '+') s++;
  if (!isalnum((unsigned char)*s)) return NULL;  /* needs at least one digit */
  do {
    int c = (unsigned char)*s;
    int d = isdigit(c) ? c - '0' : (toupper(c) - 'A') + 10;
    if (d >= base) return NULL;
    n = n * (lua_Unsigned)base + (lua_Unsigned)d;  /* wraps around like Lua */
    s++;
  } while (isalnum((unsigned char)*s));
  while (isspace((unsigned char)*s)) s++;
  *pn = (lua_Integer)(neg ? (0u - n) : n);
  return s;
}

static int base_tonumber(lua_State *L) {
  if (lua_isnoneornil(L, 2)) {  /* standard conversion */
    if (lua_type(L, 1) == LUA_TNUMBER) {
      lua_settop(L, 1);
      return 1;
    }
    size_t len;
    const char *s = lua_tolstring(L, 1, &len);
    if (s != NULL && lua_stringtonumber(L, s) == len + 1) return 1;
    luaL_checkany(L, 1);
  } else {
    size_t len;
    lua_Integer n = 0;
    lua_Integer base = luaL_checkinteger(L, 2);
    luaL_checktype(L, 1, LUA_TSTRING);  /* no numbers as strings */
    const char *s = lua_tolstring(L, 1, &len);
    luaL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
    if (str2int(s, (int)base, &n) == s + len) {
      lua_pushinteger(L, n);
      return 1;
    }
  }
  luaL_pushfail(L);
  return 1;
}

static int base_error(lua_State *L) {
  int level = (int)luaL_optinteger(L, 2, 1);
  lua_settop(L, 1);
  if (lua_type(L, 1) == LUA_TSTRING && level > 0) {
    luaL_where(L, level);
    lua_pushvalue(L, 1);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

static int base_getmetatable(lua_State *L) {
  luaL_checkany(L, 1);
  if (!lua_getmetatable(L, 1)) {
    lua_pushnil(L);
    return 1;
  }
  luaL_getmetafield(L, 1, "__metatable");  /* protected? then return the field */
  return 1;
}

static int base_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

/* ---- raw access: no metamethods involved ---- */

static int base_rawequal(lua_State *L) {
  luaL_checkany(L, 1);
  luaL_checkany(L, 2);
  lua_pushboolean(L, lua_rawequal(L, 1, 2));
  return 1;
}

static int base_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

/*
** rawget(t, k) (nvals 0) and rawset(t, k, v) (nvals 1): t must be a real
** table and every operand present.  rawget returns t[k], rawset returns t.
*/
static int raw_index(lua_State *L, int nvals) {
  int last = 2 + nvals;  /* index of the last operand */
  luaL_checktype(L, 1, LUA_TTABLE);
  for (int i = 2; i <= last; i++) luaL_checkany(L, i);
  lua_settop(L, last);
  if (nvals == 0) {
    lua_rawget(L, 1);  /* replaces k with t[k] */
    return 1;
  }
  lua_rawset(L, 1);  /* pops k and v */
  return 1;  /* t */
}

static int base_rawget(lua_State *L) {
  return raw_index(L, 0);
}

static int base_rawset(lua_State *L) {
  return raw_index(L, 1);
}

/* ---- collectgarbage ---- */

/* how an option's result is returned */
enum { GC_INT, GC_BOOL, GC_KBYTES, GC_MODE };

/* the options of collectgarbage, in one table: name, lua_gc code, how many
** optional integer arguments it takes, how its result is shown */
static const struct {
  const char *name;
  int what, nargs, result;
} gc_options[] = {
  {"stop", LUA_GCSTOP, 0, GC_INT},
  {"restart", LUA_GCRESTART, 0, GC_INT},
  {"collect", LUA_GCCOLLECT, 0, GC_INT},
  {"count", LUA_GCCOUNT, 0, GC_KBYTES},
  {"step", LUA_GCSTEP, 1, GC_BOOL},
  {"setpause", LUA_GCSETPAUSE, 1, GC_INT},
  {"setstepmul", LUA_GCSETSTEPMUL, 1, GC_INT},
  {"isrunning", LUA_GCISRUNNING, 0, GC_BOOL},
  {"generational", LUA_GCGEN, 2, GC_MODE},
  {"incremental", LUA_GCINC, 3, GC_MODE},
};

#define GC_NOPTIONS ((int)(sizeof(gc_options) / sizeof(gc_options[0])))

/* collectgarbage([opt [, args]]): -1 from lua_gc means the collector cannot
** run now (the call comes from a finalizer), which gives fail */
static int base_collectgarbage(lua_State *L) {
  const char *names[GC_NOPTIONS + 1];
  int a[3] = {0, 0, 0};
  int o, res;
  for (o = 0; o < GC_NOPTIONS; o++) names[o] = gc_options[o].name;
  names[GC_NOPTIONS] = NULL;
  o = luaL_checkoption(L, 1, "collect", names);
  for (int i = 0; i < gc_options[o].nargs; i++)
    a[i] = (int)luaL_optinteger(L, i + 2, 0);
  /* lua_gc reads only the arguments its option takes */
  res = lua_gc(L, gc_options[o].what, a[0], a[1], a[2]);
  if (res == -1) {
    luaL_pushfail(L);
    return 1;
  }
  switch (gc_options[o].result) {
    case GC_BOOL:
      lua_pushboolean(L, res);
      break;
    case GC_KBYTES:  /* whole kilobytes plus the remaining bytes */
      lua_pushnumber(L, (lua_Number)res + (lua_Number)lua_gc(L, LUA_GCCOUNTB) / 1024);
      break;
    case GC_MODE:  /* the previous mode */
      lua_pushstring(L, res == LUA_GCINC ? "incremental" : "generational");
      break;
    default:
      lua_pushinteger(L, res);
      break;
  }
  return 1;
}

static int base_type(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argcheck(L, t != LUA_TNONE, 1, "value expected");
  lua_pushstring(L, lua_typename(L, t));
  return 1;
}

static int base_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);  /* missing key means nil */
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

static int pairs_cont(lua_State *L, int status, lua_KContext k) {
  (void)status; (void)k;
  return 3;
}

static int base_pairs(lua_State *L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") == LUA_TNIL) {
    lua_pushcfunction(L, base_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
  } else {
    lua_pushvalue(L, 1);
    lua_callk(L, 1, 3, 0, pairs_cont);
  }
  return 3;
}

static int ipairs_aux(lua_State *L) {
  lua_Integer i = luaL_checkinteger(L, 2);
  i = luaL_intop(+, i, 1);
  lua_pushinteger(L, i);
  return (lua_geti(L, 1, i) == LUA_TNIL) ? 1 : 2;
}

static int base_ipairs(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushcfunction(L, ipairs_aux);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

/* Finishes load/loadfile: sets the environment upvalue or returns fail+msg. */
static int load_result(lua_State *L, int status, int envidx) {
  if (status != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (envidx != 0) {
    lua_pushvalue(L, envidx);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);  /* no upvalues: drop env */
  }
  return 1;
}

static int base_loadfile(lua_State *L) {
  const char *fname = luaL_optstring(L, 1, NULL);
  const char *mode = luaL_optstring(L, 2, NULL);
  int env = !lua_isnone(L, 3) ? 3 : 0;
  return load_result(L, luaL_loadfilex(L, fname, mode), env);
}

/* slot that anchors the last piece returned by a load reader function */
#define READER_SLOT 5

static const char *load_reader(lua_State *L, void *ud, size_t *size) {
  (void)ud;
  luaL_checkstack(L, 2, "too many nested functions");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    *size = 0;
    return NULL;
  }
  if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
  lua_replace(L, READER_SLOT);
  return lua_tolstring(L, READER_SLOT, size);
}

static int base_load(lua_State *L) {
  size_t len;
  int status;
  const char *s = lua_tolstring(L, 1, &len);
  const char *mode = luaL_optstring(L, 3, "bt");
  int env = !lua_isnone(L, 4) ? 4 : 0;
  if (s != NULL) {
    const char *chunkname = luaL_optstring(L, 2, s);
    status = luaL_loadbufferx(L, s, len, chunkname, mode);
  } else {
    const char *chunkname = luaL_optstring(L, 2, "=(load)");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, READER_SLOT);
    status = lua_load(L, load_reader, NULL, chunkname, mode);
  }
  return load_result(L, status, env);
}

static int dofile_cont(lua_State *L, int status, lua_KContext k) {
  (void)status; (void)k;
  return lua_gettop(L) - 1;
}

static int base_dofile(lua_State *L) {
  const char *fname = luaL_optstring(L, 1, NULL);
  lua_settop(L, 1);
  if (luaL_loadfile(L, fname) != LUA_OK) return lua_error(L);
  lua_callk(L, 0, LUA_MULTRET, 0, dofile_cont);
  return dofile_cont(L, 0, 0);
}

static int base_assert(lua_State *L) {
  if (lua_toboolean(L, 1)) return lua_gettop(L);  /* all arguments */
  luaL_checkany(L, 1);
  lua_remove(L, 1);
  lua_pushliteral(L, "assertion failed!");
  lua_settop(L, 1);  /* user message if given, else the default */
  return base_error(L);  /* level 1: a string message gets the caller's position */
}

/* select('#', ...) counts the values; select(k, ...) returns those from the
** k-th on, and a negative k counts back from the last one */
static int base_select(lua_State *L) {
  int nvals = lua_gettop(L) - 1;  /* values after the selector */
  lua_Integer k;
  if (lua_type(L, 1) == LUA_TSTRING && lua_tostring(L, 1)[0] == '#') {
    lua_pushinteger(L, nvals);
    return 1;
  }
  k = luaL_checkinteger(L, 1);
  if (k < 0) {
    luaL_argcheck(L, k >= -(lua_Integer)nvals, 1, "index out of range");
    return (int)-k;  /* the last -k values */
  }
  luaL_argcheck(L, k != 0, 1, "index out of range");
  return (k > nvals) ? 0 : nvals - (int)k + 1;
}

/* Continuation of pcall/xpcall; 'extra' counts slots below the results. */
static int finish_pcall(lua_State *L, int status, lua_KContext extra) {
  if (status != LUA_OK && status != LUA_YIELD) {
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);  /* error object */
    return 2;
  }
  return lua_gettop(L) - (int)extra;  /* true + results */
}

static int base_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);
  lua_insert(L, 1);  /* true, f, args... */
  int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
  return finish_pcall(L, status, 0);
}

static int base_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2);  /* f, msgh, true, f, args... */
  int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
  return finish_pcall(L, status, 2);
}

static int base_tostring(lua_State *L) {
  luaL_checkany(L, 1);
  luaL_tolstring(L, 1, NULL);
  return 1;
}

/* the first BASE_NFIELDS entries are the globals; the rest are reachable only from them */
const luaL_Reg tylib_base_builtins[] = {
  {"base.assert", base_assert},
  {"base.collectgarbage", base_collectgarbage},
  {"base.dofile", base_dofile},
  {"base.error", base_error},
  {"base.getmetatable", base_getmetatable},
  {"base.ipairs", base_ipairs},
  {"base.loadfile", base_loadfile},
  {"base.load", base_load},
  {"base.next", base_next},
  {"base.pairs", base_pairs},
  {"base.pcall", base_pcall},
  {"base.print", base_print},
  {"base.warn", base_warn},
  {"base.rawequal", base_rawequal},
  {"base.rawlen", base_rawlen},
  {"base.rawget", base_rawget},
  {"base.rawset", base_rawset},
  {"base.select", base_select},
  {"base.setmetatable", base_setmetatable},
  {"base.tonumber", base_tonumber},
  {"base.tostring", base_tostring},
  {"base.type", base_type},
  {"base.xpcall", base_xpcall},
  {"base.ipairs_aux", ipairs_aux},
  /* continuations: a suspended coroutine in an image may hold them in its frames */
  {"base.pairs_cont", (lua_CFunction)(void (*)(void))pairs_cont},
  {"base.dofile_cont", (lua_CFunction)(void (*)(void))dofile_cont},
  {"base.finish_pcall", (lua_CFunction)(void (*)(void))finish_pcall},
  {NULL, NULL}
};

#define BASE_NFIELDS 23
_Static_assert(sizeof(tylib_base_builtins) / sizeof(luaL_Reg) == BASE_NFIELDS + 5,
               "BASE_NFIELDS: the globals of tylib_base_builtins");

LUAMOD_API int luaopen_base(lua_State *L) {
  lua_pushglobaltable(L);
  tylib_setbuiltins(L, tylib_base_builtins, 0, BASE_NFIELDS, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, LUA_GNAME);  /* _G._G = _G */
  lua_pushliteral(L, LUA_VERSION);
  lua_setfield(L, -2, "_VERSION");
  return 1;
}
