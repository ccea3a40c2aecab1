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

/*
** The slice i..j of a string of length len, in Lua's terms: i from
** tystr_posrelat, j clipped to 0..len (negative counts from the end).
** Returns the slice's length (0 when empty) and its offset in *off.
*/
static size_t slice(size_t len, lua_Integer i, lua_Integer j, size_t *off) {
  size_t from = tystr_posrelat(i, len);  /* 1-based */
  size_t to;
  if (j > (lua_Integer)len) to = len;
  else if (j >= 0) to = (size_t)j;
  else if (j < -(lua_Integer)len) to = 0;
  else to = len - (size_t)(-(j + 1));  /* j == -1 is the last byte */
  *off = from - 1;
  return (from > to) ? 0 : to - from + 1;
}

/* string.sub(s, i [, j]) */
static int str_sub(lua_State *L) {
  size_t len, off, n;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer i = luaL_checkinteger(L, 2);
  n = slice(len, i, luaL_optinteger(L, 3, -1), &off);
  lua_pushlstring(L, n > 0 ? s + off : "", n);
  return 1;
}

/* string.byte(s [, i [, j]]): j defaults to i, i to 1 */
static int str_byte(lua_State *L) {
  size_t len, off, n;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer i = luaL_optinteger(L, 2, 1);
  n = slice(len, i, luaL_optinteger(L, 3, i), &off);
  if (n == 0) return 0;
  if (n - 1 >= (size_t)INT_MAX) return luaL_error(L, "string slice too long");
  luaL_checkstack(L, (int)n, "string slice too long");
  for (size_t k = 0; k < n; k++)
    lua_pushinteger(L, (unsigned char)s[off + k]);
  return (int)n;
}

/* string.len(s): the byte count, embedded zeros included */
static int str_len(lua_State *L) {
  size_t n = 0;
  (void)luaL_checklstring(L, 1, &n);
  lua_pushinteger(L, (lua_Integer)n);
  return 1;
}

/* byte-wise transformations of a whole string */
enum { MAP_REVERSE, MAP_LOWER, MAP_UPPER };

static int bytemap(lua_State *L, int how) {
  size_t len, k;
  luaL_Buffer b;
  const unsigned char *src = (const unsigned char *)luaL_checklstring(L, 1, &len);
  char *dst = luaL_buffinitsize(L, &b, len);
  switch (how) {  /* one loop per map, so that each stays tight */
    case MAP_REVERSE:
      for (k = 0; k < len; k++) dst[len - 1 - k] = (char)src[k];
      break;
    case MAP_LOWER:
      for (k = 0; k < len; k++) dst[k] = (char)tolower(src[k]);
      break;
    default:
      for (k = 0; k < len; k++) dst[k] = (char)toupper(src[k]);
      break;
  }
  luaL_pushresultsize(&b, len);
  return 1;
}

static int str_reverse(lua_State *L) { return bytemap(L, MAP_REVERSE); }
static int str_lower(lua_State *L) { return bytemap(L, MAP_LOWER); }
static int str_upper(lua_State *L) { return bytemap(L, MAP_UPPER); }

/* string.rep(s, n [, sep]): n copies of s with sep between them */
static int str_rep(lua_State *L) {
  size_t slen, seplen, unit, total;
  luaL_Buffer b;
  char *p;
  const char *s = luaL_checklstring(L, 1, &slen);
  lua_Integer n = luaL_checkinteger(L, 2);
  const char *sep = luaL_optlstring(L, 3, "", &seplen);
  unit = slen + seplen;  /* one copy with its separator */
  if (n <= 0 || unit == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (unit < slen || unit > TYSTR_MAXSIZE / (size_t)n)  /* wrapped, or too long */
    return luaL_error(L, "resulting string too large");
  total = unit * (size_t)n - seplen;  /* no separator after the last copy */
  p = luaL_buffinitsize(L, &b, total);
  memcpy(p, s, slen);
  for (lua_Integer k = 1; k < n; k++) {
    p += slen;
    memcpy(p, sep, seplen);
    p += seplen;
    memcpy(p, s, slen);
  }
  luaL_pushresultsize(&b, total);
  return 1;
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

/* The list has three parts: the library's functions (STR_NFIELDS), the gmatch
** iterator, then the arithmetic metamethods of strings (STR_NMETA). */
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

#define STR_NFIELDS 17
#define STR_NMETA 8
_Static_assert(sizeof(tylib_string_builtins) / sizeof(luaL_Reg) == STR_NFIELDS + 1 + STR_NMETA + 1,
               "STR_NFIELDS, STR_NMETA: the parts of tylib_string_builtins");

/* Opens the library and gives every string the metatable
** {__index = string, arithmetic metamethods}. */
LUAMOD_API int luaopen_string(lua_State *L) {
  tylib_newbuiltinlib(L, tylib_string_builtins, STR_NFIELDS, 0);
  lua_createtable(L, 0, STR_NMETA + 1);  /* the metatable */
  tylib_setbuiltins(L, tylib_string_builtins, STR_NFIELDS + 1, STR_NMETA, 0);
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "");  /* any string will do: they all share it */
  lua_insert(L, -2);
  lua_setmetatable(L, -2);
  lua_pop(L, 1);  /* the string */
  return 1;
}
