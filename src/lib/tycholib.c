/* tycholib.c: the `tycho` library: tycho.version, tycho.memlimit, tycho.atinit, tycho.code_llvm; image start-up hooks. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
#include "lualib.h"
#include "builtins.h"
#include "regkeys.h"
#include "../vm/jit.h"

/* tycho.memlimit([n]): returns the previous cap in bytes (0 = none); n = 0 removes it */
static int tycho_memlimit(lua_State *L) {
  size_t prev = tycho_getmemlimit(L);
  if (!lua_isnoneornil(L, 1)) {
    lua_Integer n = luaL_checkinteger(L, 1);
    luaL_argcheck(L, n >= 0, 1, "negative limit");
    tycho_setmemlimit(L, (size_t)n);
  }
  lua_pushinteger(L, (lua_Integer)prev);
  return 1;
}

/* tycho.atinit(fn): fn runs, in registration order, every time an image of this session starts */
static int tycho_atinit(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, TY_REG_ATINIT);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

/* after an image is loaded: fresh random seed, paths from the environment, user hooks */
LUALIB_API int tycho_initimage(lua_State *L) {
  lua_Integer i, n;
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (!ty_regflag(L, TY_REG_RANDPINNED)) {
    if (lua_getfield(L, -1, LUA_MATHLIBNAME) == LUA_TTABLE) {
      if (lua_getfield(L, -1, "randomseed") == LUA_TFUNCTION)
        lua_call(L, 0, 0);
      else
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  if (!ty_regflag(L, TY_REG_PINPATHS)) {
    if (lua_getfield(L, -1, LUA_LOADLIBNAME) == LUA_TTABLE)
      tylib_package_resetpaths(L);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (lua_getfield(L, LUA_REGISTRYINDEX, TY_REG_ATINIT) == LUA_TTABLE) {
    n = (lua_Integer)lua_rawlen(L, -1);
    for (i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      lua_call(L, 0, 0);
    }
  }
  lua_pop(L, 1);
  return 0;
}

/* the directory of libtycho for this install: next to the running binary
** (a build tree), else ../lib from it; buf gets "" when unknown */
LUALIB_API const char *tycho_libdir(char *buf, size_t len) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  char *slash;
  buf[0] = '\0';
  if (n <= 0) return buf;
  exe[n] = '\0';
  slash = strrchr(exe, '/');
  if (slash == NULL) return buf;
  *slash = '\0';
  {
    char probe[PATH_MAX + 32];
    snprintf(probe, sizeof probe, "%s/libtycho.a", exe);
    if (access(probe, R_OK) == 0 || (snprintf(probe, sizeof probe, "%s/libtycho.so", exe),
                                      access(probe, R_OK) == 0)) {
      snprintf(buf, len, "%s", exe);
      return buf;
    }
    slash = strrchr(exe, '/');
    if (slash != NULL) {
      *slash = '\0';
      snprintf(buf, len, "%s/lib", exe);
    }
  }
  return buf;
}

static const luaL_Reg tycho_funcs[] = {
  {"memlimit", tycho_memlimit},
  {"atinit", tycho_atinit},
  {"code_llvm", tyJ_codellvm},
  {"version", NULL},
  {NULL, NULL}
};

const luaL_Reg tylib_tycho_builtins[] = {
  {"tycho.memlimit", tycho_memlimit},
  {"tycho.atinit", tycho_atinit},
  {"tycho.code_llvm", tyJ_codellvm},
  {NULL, NULL}
};

LUA_API int luaopen_tycho(lua_State *L) {
  luaL_newlib(L, tycho_funcs);
  lua_pushliteral(L, TYCHO_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
