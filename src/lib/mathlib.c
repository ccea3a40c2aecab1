/* mathlib.c: the math library, with the xoshiro256** generator of Lua 5.4. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
#include "lualib.h"
#include "builtins.h"
#include "regkeys.h"

#define PI 3.141592653589793238462643383279502884

/* Pushes 'd' as an integer when it has an exact integer representation. */
static void pushnumint(lua_State *L, lua_Number d) {
  lua_Integer n;
  if (lua_numbertointeger(d, &n))
    lua_pushinteger(L, n);
  else
    lua_pushnumber(L, d);
}

static int math_abs(lua_State *L) {
  if (lua_isinteger(L, 1)) {
    lua_Integer n = lua_tointeger(L, 1);
    if (n < 0) n = (lua_Integer)(0u - (lua_Unsigned)n);  /* mininteger wraps */
    lua_pushinteger(L, n);
  } else {
    lua_pushnumber(L, fabs(luaL_checknumber(L, 1)));
  }
  return 1;
}

#define MATH_UNARY(name, fn) \
  static int math_##name(lua_State *L) { \
    lua_pushnumber(L, fn(luaL_checknumber(L, 1))); \
    return 1; \
  }
MATH_UNARY(sin, sin)
MATH_UNARY(cos, cos)
MATH_UNARY(tan, tan)
MATH_UNARY(asin, asin)
MATH_UNARY(acos, acos)
MATH_UNARY(sqrt, sqrt)
MATH_UNARY(exp, exp)

static int math_deg(lua_State *L) {
  lua_pushnumber(L, luaL_checknumber(L, 1) * (180.0 / PI));
  return 1;
}

static int math_rad(lua_State *L) {
  lua_pushnumber(L, luaL_checknumber(L, 1) * (PI / 180.0));
  return 1;
}

static int math_atan(lua_State *L) {
  lua_Number y = luaL_checknumber(L, 1);
  lua_Number x = luaL_optnumber(L, 2, 1);
  lua_pushnumber(L, atan2(y, x));
  return 1;
}

static int math_toint(lua_State *L) {
  int valid;
  lua_Integer n = lua_tointegerx(L, 1, &valid);
  if (valid) {
    lua_pushinteger(L, n);
  } else {
    luaL_checkany(L, 1);
    luaL_pushfail(L);
  }
  return 1;
}

static int math_floor(lua_State *L) {
  if (lua_isinteger(L, 1))
    lua_settop(L, 1);
  else
    pushnumint(L, floor(luaL_checknumber(L, 1)));
  return 1;
}

static int math_ceil(lua_State *L) {
  if (lua_isinteger(L, 1))
    lua_settop(L, 1);
  else
    pushnumint(L, ceil(luaL_checknumber(L, 1)));
  return 1;
}

static int math_fmod(lua_State *L) {
  if (lua_isinteger(L, 1) && lua_isinteger(L, 2)) {
    lua_Integer d = lua_tointeger(L, 2);
    if ((lua_Unsigned)d + 1u <= 1u) {  /* d is 0 or -1 */
      luaL_argcheck(L, d != 0, 2, "zero");
      lua_pushinteger(L, 0);  /* x % -1 == 0, avoiding overflow of mininteger */
    } else {
      lua_pushinteger(L, lua_tointeger(L, 1) % d);  /* C truncating remainder */
    }
  } else {
    lua_pushnumber(L, fmod(luaL_checknumber(L, 1), luaL_checknumber(L, 2)));
  }
  return 1;
}

static int math_modf(lua_State *L) {
  if (lua_isinteger(L, 1)) {
    lua_settop(L, 1);  /* its own integral part */
    lua_pushnumber(L, 0);
  } else {
    lua_Number n = luaL_checknumber(L, 1);
    lua_Number ip = (n < 0) ? ceil(n) : floor(n);
    pushnumint(L, ip);  /* integral part as an integer when representable */
    lua_pushnumber(L, (n == ip) ? 0.0 : (n - ip));  /* inf - inf would be nan */
  }
  return 2;
}

/* math.ult(m, n): m < n, both read as unsigned integers */
static int math_ult(lua_State *L) {
  lua_Unsigned m = (lua_Unsigned)luaL_checkinteger(L, 1);
  lua_Unsigned n = (lua_Unsigned)luaL_checkinteger(L, 2);
  lua_pushboolean(L, m < n);
  return 1;
}

/* logarithm of x in base b; bases 2 and 10 use the exact C functions */
static lua_Number log_base(lua_Number x, lua_Number b) {
  if (b == 2.0) return log2(x);
  if (b == 10.0) return log10(x);
  return log(x) / log(b);
}

/* math.log(x [, base]): natural logarithm without a base */
static int math_log(lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1);
  if (lua_isnoneornil(L, 2))
    lua_pushnumber(L, log(x));
  else
    lua_pushnumber(L, log_base(x, luaL_checknumber(L, 2)));
  return 1;
}

static int math_min(lua_State *L) {
  int n = lua_gettop(L);
  int imin = 1;
  luaL_argcheck(L, n >= 1, 1, "value expected");
  for (int i = 2; i <= n; i++)
    if (lua_compare(L, i, imin, LUA_OPLT)) imin = i;
  lua_pushvalue(L, imin);
  return 1;
}

static int math_max(lua_State *L) {
  int n = lua_gettop(L);
  int imax = 1;
  luaL_argcheck(L, n >= 1, 1, "value expected");
  for (int i = 2; i <= n; i++)
    if (lua_compare(L, imax, i, LUA_OPLT)) imax = i;
  lua_pushvalue(L, imax);
  return 1;
}

static int math_type(lua_State *L) {
  if (lua_type(L, 1) == LUA_TNUMBER) {
    lua_pushstring(L, lua_isinteger(L, 1) ? "integer" : "float");
  } else {
    luaL_checkany(L, 1);
    luaL_pushfail(L);
  }
  return 1;
}

/* ---- xoshiro256** ---- */

typedef struct RanState {
  uint64_t s[4];
} RanState;

static uint64_t rotl(uint64_t x, int n) {
  return (x << n) | (x >> (64 - n));
}

static uint64_t nextrand(uint64_t *s) {
  uint64_t s0 = s[0], s1 = s[1], s2 = s[2] ^ s0, s3 = s[3] ^ s1;
  uint64_t res = rotl(s1 * 5, 7) * 9;
  s1 <<= 17;
  s[0] = s0 ^ s3;
  s[1] = s[1] ^ s2;
  s[2] = s2 ^ s1;
  s[3] = rotl(s3, 45);
  return res;
}

/* float in [0,1) from the 53 high bits */
static lua_Number i2d(uint64_t x) {
  return (lua_Number)(x >> 11) * (0.5 / ((uint64_t)1 << 52));
}

/*
** Maps a random 64-bit value into [0, n] without bias, with Lua 5.4's method
** (so a given seed gives lua5.4's sequence): keep the bits below n's highest
** set bit, and draw again while the result exceeds n.
*/
static lua_Unsigned project(lua_Unsigned ran, lua_Unsigned n, RanState *st) {
  lua_Unsigned mask;
  if ((n & (n + 1)) == 0)  /* n is 2^b - 1 (or 0): every masked value fits */
    return ran & n;
  mask = ~(lua_Unsigned)0 >> __builtin_clzll(n);  /* here n > 0 */
  for (ran &= mask; ran > n; ran = (lua_Unsigned)nextrand(st->s) & mask)
    ;
  return ran;
}

static int math_random(lua_State *L) {
  lua_Integer low, up;
  RanState *st = (RanState *)lua_touserdata(L, lua_upvalueindex(1));
  uint64_t rv = nextrand(st->s);
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, i2d(rv));
      return 1;
    case 1:
      low = 1;
      up = luaL_checkinteger(L, 1);
      if (up == 0) {  /* the full 64-bit range */
        lua_pushinteger(L, (lua_Integer)rv);
        return 1;
      }
      break;
    case 2:
      low = luaL_checkinteger(L, 1);
      up = luaL_checkinteger(L, 2);
      break;
    default:
      return luaL_error(L, "wrong number of arguments");
  }
  luaL_argcheck(L, low <= up, 1, "interval is empty");
  lua_Unsigned r = project((lua_Unsigned)rv, (lua_Unsigned)up - (lua_Unsigned)low, st);
  lua_pushinteger(L, (lua_Integer)(r + (lua_Unsigned)low));
  return 1;
}

static void setseed(lua_State *L, uint64_t *s, lua_Unsigned n1, lua_Unsigned n2) {
  s[0] = (uint64_t)n1;
  s[1] = 0xff;  /* avoids an all-zero state */
  s[2] = (uint64_t)n2;
  s[3] = 0;
  for (int i = 0; i < 16; i++) nextrand(s);  /* spread the seed */
  lua_pushinteger(L, (lua_Integer)n1);
  lua_pushinteger(L, (lua_Integer)n2);
}

static void randseed(lua_State *L, RanState *st) {
  lua_Unsigned seed1 = (lua_Unsigned)time(NULL);
  lua_Unsigned seed2 = (lua_Unsigned)(size_t)L ^ ((lua_Unsigned)clock() << 32);
  setseed(L, st->s, seed1, seed2);
}

static int math_randomseed(lua_State *L) {
  RanState *st = (RanState *)lua_touserdata(L, lua_upvalueindex(1));
  if (lua_isnone(L, 1)) {
    randseed(L, st);
  } else {
    lua_Integer n1 = luaL_checkinteger(L, 1);
    lua_Integer n2 = luaL_optinteger(L, 2, 0);
    setseed(L, st->s, (lua_Unsigned)n1, (lua_Unsigned)n2);
    lua_pushboolean(L, 1);  /* images keep an explicitly seeded sequence */
    lua_setfield(L, LUA_REGISTRYINDEX, TY_REG_RANDPINNED);
  }
  return 2;
}

#if defined(LUA_COMPAT_MATHLIB)
/* Lua 5.3 functions kept by PUC's default build (LUA_COMPAT_5_3), as Debian ships it */
MATH_UNARY(cosh, cosh)
MATH_UNARY(sinh, sinh)
MATH_UNARY(tanh, tanh)
MATH_UNARY(log10, log10)

/* math.pow(x, y) */
static int math_pow(lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1);
  lua_pushnumber(L, pow(x, luaL_checknumber(L, 2)));
  return 1;
}

/* math.frexp(x): m, e with x == m * 2^e and 0.5 <= |m| < 1 (or m == 0) */
static int math_frexp(lua_State *L) {
  int e = 0;
  lua_Number m = frexp(luaL_checknumber(L, 1), &e);
  lua_pushnumber(L, m);
  lua_pushinteger(L, (lua_Integer)e);
  return 2;
}

/* math.ldexp(m, e): m * 2^e */
static int math_ldexp(lua_State *L) {
  lua_Number m = luaL_checknumber(L, 1);
  lua_Integer e = luaL_checkinteger(L, 2);
  lua_pushnumber(L, ldexp(m, (int)e));
  return 1;
}

#define COMPAT_MATH_BUILTINS {"math.cosh", math_cosh}, {"math.sinh", math_sinh}, \
  {"math.tanh", math_tanh}, {"math.pow", math_pow}, {"math.frexp", math_frexp}, \
  {"math.ldexp", math_ldexp}, {"math.log10", math_log10},
#else
#define COMPAT_MATH_BUILTINS
#endif

/* The math table holds every entry of this list; the two generator functions
** come last, as closures over the generator state. */
const luaL_Reg tylib_math_builtins[] = {
  COMPAT_MATH_BUILTINS
  {"math.abs", math_abs},
  {"math.ceil", math_ceil},
  {"math.floor", math_floor},
  {"math.fmod", math_fmod},
  {"math.modf", math_modf},
  {"math.sqrt", math_sqrt},
  {"math.ult", math_ult},
  {"math.log", math_log},
  {"math.exp", math_exp},
  {"math.deg", math_deg},
  {"math.rad", math_rad},
  {"math.sin", math_sin},
  {"math.cos", math_cos},
  {"math.tan", math_tan},
  {"math.asin", math_asin},
  {"math.acos", math_acos},
  {"math.atan", math_atan},
  {"math.tointeger", math_toint},
  {"math.type", math_type},
  {"math.max", math_max},
  {"math.min", math_min},
  {"math.random", math_random},
  {"math.randomseed", math_randomseed},
  {NULL, NULL}
};

#define MATH_NENTRIES ((int)(sizeof(tylib_math_builtins) / sizeof(luaL_Reg)) - 1)
#define MATH_NRANDOM 2  /* random, randomseed: the list's last entries */
#define MATH_NCONST 4   /* pi, huge, maxinteger, mininteger */

static void set_float(lua_State *L, const char *k, lua_Number v) {
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static void set_integer(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

LUAMOD_API int luaopen_math(lua_State *L) {
  RanState *st;
  tylib_newbuiltinlib(L, tylib_math_builtins, MATH_NENTRIES - MATH_NRANDOM,
                      MATH_NRANDOM + MATH_NCONST);
  st = (RanState *)lua_newuserdatauv(L, sizeof(RanState), 0);
  tycho_setimagesafe(L, -1);  /* four integers: images copy it */
  randseed(L, st);
  lua_pop(L, 2);  /* the two seeds randseed returns */
  tylib_setbuiltins(L, tylib_math_builtins, MATH_NENTRIES - MATH_NRANDOM, MATH_NRANDOM, 1);
  set_float(L, "pi", PI);
  set_float(L, "huge", (lua_Number)HUGE_VAL);
  set_integer(L, "maxinteger", LUA_MAXINTEGER);
  set_integer(L, "mininteger", LUA_MININTEGER);
  return 1;
}
