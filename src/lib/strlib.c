/* strlib.c: the string library's basic functions, its registration and the string metatable. */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"
#include "strlib.h"

size_t tystr_posrelat(lua_Integer pos, size_t len) {
  if (pos > 0) return (size_t)pos;
  if (pos == 0) return 1;
  if (pos < -(lua_Integer)len) return 1;   /* clipped to the start */
  return len + (size_t)pos + 1;
}

/* final position of a slice: argument 'arg' (default 'def') clipped to 0..len */
static size_t endpos(lua_State *L, int arg, lua_Integer def, size_t len) {
  lua_Integer pos = luaL_optinteger(L, arg, def);
  if (pos > (lua_Integer)len) return len;
  if (pos >= 0) return (size_t)pos;
  if (pos < -(lua_Integer)len) return 0;
  return len + (size_t)pos + 1;
}

static int str_len(lua_State *L) {
  size_t l;
  luaL_checklstring(L, 1, &l);
  lua_pushinteger(L, (lua_Integer)l);
  return 1;
}

static int str_sub(lua_State *L) {
  size_t l;
  const char *s = luaL_checklstring(L, 1, &l);
  size_t i = tystr_posrelat(luaL_checkinteger(L, 2), l);
  size_t j = endpos(L, 3, -1, l);
  if (i <= j) lua_pushlstring(L, s + i - 1, j - i + 1);
  else lua_pushliteral(L, "");
  return 1;
}

static int str_reverse(lua_State *L) {
  size_t l, i;
  luaL_Buffer b;
  const char *s = luaL_checklstring(L, 1, &l);
  char *p = luaL_buffinitsize(L, &b, l);
  for (i = 0; i < l; i++) p[i] = s[l - i - 1];
  luaL_pushresultsize(&b, l);
  return 1;
}

static int casemap(lua_State *L, int upper) {
  size_t l, i;
  luaL_Buffer b;
  const char *s = luaL_checklstring(L, 1, &l);
  char *p = luaL_buffinitsize(L, &b, l);
  for (i = 0; i < l; i++) {
    unsigned char c = (unsigned char)s[i];
    p[i] = (char)(upper ? toupper(c) : tolower(c));
  }
  luaL_pushresultsize(&b, l);
  return 1;
}

static int str_lower(lua_State *L) { return casemap(L, 0); }
static int str_upper(lua_State *L) { return casemap(L, 1); }

static int str_rep(lua_State *L) {
  size_t l, lsep;
  const char *s = luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  const char *sep = luaL_optlstring(L, 3, "", &lsep);
  if (n <= 0 || l + lsep == 0) {
    lua_pushliteral(L, "");
  } else if (l + lsep < l || l + lsep > TYSTR_MAXSIZE / (size_t)n) {
    return luaL_error(L, "resulting string too large");
  } else {
    size_t total = (size_t)n * l + (size_t)(n - 1) * lsep;
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, total);
    for (; n > 0; n--) {
      memcpy(p, s, l);
      p += l;
      if (n > 1 && lsep > 0) {
        memcpy(p, sep, lsep);
        p += lsep;
      }
    }
    luaL_pushresultsize(&b, total);
  }
  return 1;
}

static int str_byte(lua_State *L) {
  size_t l, i, n;
  const char *s = luaL_checklstring(L, 1, &l);
  lua_Integer first = luaL_optinteger(L, 2, 1);
  size_t pi = tystr_posrelat(first, l);
  size_t pe = endpos(L, 3, first, l);
  if (pi > pe) return 0;
  if (pe - pi >= (size_t)INT_MAX) return luaL_error(L, "string slice too long");
  n = pe - pi + 1;
  luaL_checkstack(L, (int)n, "string slice too long");
  for (i = 0; i < n; i++) lua_pushinteger(L, (unsigned char)s[pi + i - 1]);
  return (int)n;
}

static int str_char(lua_State *L) {
  int n = lua_gettop(L), i;
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, (size_t)n);
  for (i = 1; i <= n; i++) {
    lua_Unsigned c = (lua_Unsigned)luaL_checkinteger(L, i);
    luaL_argcheck(L, c <= (lua_Unsigned)UCHAR_MAX, i, "value out of range");
    p[i - 1] = (char)(unsigned char)c;
  }
  luaL_pushresultsize(&b, (size_t)n);
  return 1;
}

/* string.dump: the buffer is opened lazily, on the first write, above the function */
typedef struct DumpState {
  int started;
  luaL_Buffer b;
} DumpState;

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  DumpState *d = (DumpState *)ud;
  if (!d->started) {
    d->started = 1;
    luaL_buffinit(L, &d->b);
  }
  luaL_addlstring(&d->b, (const char *)p, sz);
  return 0;
}

static int str_dump(lua_State *L) {
  DumpState d;
  int strip = lua_toboolean(L, 2);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  d.started = 0;
  if (lua_dump(L, dump_writer, &d, strip) != 0)
    return luaL_error(L, "unable to dump given function");
  if (!d.started) {   /* nothing written (cannot happen for Lua functions) */
    lua_pushliteral(L, "");
    return 1;
  }
  luaL_pushresult(&d.b);
  return 1;
}

/* ---- arithmetic metamethods: numeric strings take part in arithmetic ---- */

/* pushes the numeric value of argument 'arg' when it is a number or a numeric string */
static int tonumarg(lua_State *L, int arg) {
  size_t len;
  const char *s;
  if (lua_type(L, arg) == LUA_TNUMBER) {
    lua_pushvalue(L, arg);
    return 1;
  }
  if (lua_type(L, arg) != LUA_TSTRING) return 0;
  s = lua_tolstring(L, arg, &len);
  if (lua_stringtonumber(L, s) == len + 1) return 1;
  return 0;   /* lua_stringtonumber pushed nothing on failure */
}

/* conversion failed: defer to the second operand's metamethod or raise the error */
static int trymeta(lua_State *L, const char *event) {
  lua_settop(L, 2);
  if (lua_type(L, 2) == LUA_TSTRING || !luaL_getmetafield(L, 2, event))
    return luaL_error(L, "attempt to %s a '%s' with a '%s'", event + 2,
                      luaL_typename(L, -2), luaL_typename(L, -1));
  lua_insert(L, -3);   /* metamethod, arg1, arg2 */
  lua_call(L, 2, 1);
  return 1;
}

static int arith(lua_State *L, int op, const char *event) {
  if (tonumarg(L, 1) && tonumarg(L, 2)) {
    lua_arith(L, op);
    return 1;
  }
  return trymeta(L, event);
}

static int arith_add(lua_State *L) { return arith(L, LUA_OPADD, "__add"); }
static int arith_sub(lua_State *L) { return arith(L, LUA_OPSUB, "__sub"); }
static int arith_mul(lua_State *L) { return arith(L, LUA_OPMUL, "__mul"); }
static int arith_mod(lua_State *L) { return arith(L, LUA_OPMOD, "__mod"); }
static int arith_pow(lua_State *L) { return arith(L, LUA_OPPOW, "__pow"); }
static int arith_div(lua_State *L) { return arith(L, LUA_OPDIV, "__div"); }
static int arith_idiv(lua_State *L) { return arith(L, LUA_OPIDIV, "__idiv"); }
static int arith_unm(lua_State *L) { return arith(L, LUA_OPUNM, "__unm"); }

static const luaL_Reg string_meta[] = {
  {"__add", arith_add}, {"__sub", arith_sub}, {"__mul", arith_mul},
  {"__mod", arith_mod}, {"__pow", arith_pow}, {"__div", arith_div},
  {"__idiv", arith_idiv}, {"__unm", arith_unm},
  {"__index", NULL},   /* placeholder, set to the string table */
  {NULL, NULL}
};

static const luaL_Reg string_funcs[] = {
  {"byte", str_byte}, {"char", str_char}, {"dump", str_dump},
  {"find", tystr_find}, {"format", tystr_format}, {"gmatch", tystr_gmatch},
  {"gsub", tystr_gsub}, {"len", str_len}, {"lower", str_lower},
  {"match", tystr_match}, {"rep", str_rep}, {"reverse", str_reverse},
  {"sub", str_sub}, {"upper", str_upper}, {"pack", tystr_pack},
  {"packsize", tystr_packsize}, {"unpack", tystr_unpack},
  {NULL, NULL}
};

const luaL_Reg tylib_string_builtins[] = {
  {"string.byte", str_byte}, {"string.char", str_char},
  {"string.dump", str_dump}, {"string.find", tystr_find},
  {"string.format", tystr_format}, {"string.gmatch", tystr_gmatch},
  {"string.gsub", tystr_gsub}, {"string.len", str_len},
  {"string.lower", str_lower}, {"string.match", tystr_match},
  {"string.rep", str_rep}, {"string.reverse", str_reverse},
  {"string.sub", str_sub}, {"string.upper", str_upper},
  {"string.pack", tystr_pack}, {"string.packsize", tystr_packsize},
  {"string.unpack", tystr_unpack},
  {"string.gmatch_step", tystr_gmatch_step},
  {"string.__add", arith_add}, {"string.__sub", arith_sub},
  {"string.__mul", arith_mul}, {"string.__mod", arith_mod},
  {"string.__pow", arith_pow}, {"string.__div", arith_div},
  {"string.__idiv", arith_idiv}, {"string.__unm", arith_unm},
  {NULL, NULL}
};

LUAMOD_API int luaopen_string(lua_State *L) {
  luaL_newlib(L, string_funcs);
  luaL_newlibtable(L, string_meta);
  luaL_setfuncs(L, string_meta, 0);
  lua_pushliteral(L, "");
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);   /* every string shares this metatable */
  lua_pop(L, 1);
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  return 1;
}
