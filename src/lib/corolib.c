/* corolib.c: the coroutine library (create, resume, yield, wrap, status, close, ...). */
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"
#include "../vm/do.h"

static lua_State *getco(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  luaL_argexpected(L, co, 1, "thread");
  return co;
}

/* Resumes 'co' with the top 'narg' values of L; moves its results (or the
** error object) to L.  Returns the number of results, or -1 on error. */
static int auxresume(lua_State *L, lua_State *co, int narg) {
  int nres;
  if (!lua_checkstack(co, narg)) {
    lua_pushliteral(L, "too many arguments to resume");
    return -1;
  }
  lua_xmove(L, co, narg);
  int status = lua_resume(co, L, narg, &nres);
  if (status == LUA_OK || status == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) {
      lua_pop(co, nres);
      lua_pushliteral(L, "too many results to resume");
      return -1;
    }
    lua_xmove(co, L, nres);
    return nres;
  }
  lua_xmove(co, L, 1);  /* error object */
  return -1;
}

static int co_resume(lua_State *L) {
  lua_State *co = getco(L);
  int r = auxresume(L, co, lua_gettop(L) - 1);
  if (r < 0) {
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
  }
  lua_pushboolean(L, 1);
  lua_insert(L, -(r + 1));
  return r + 1;
}

static int co_auxwrap(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int r = auxresume(L, co, lua_gettop(L));
  if (r >= 0) return r;
  int status = lua_status(co);
  if (status != LUA_OK && status != LUA_YIELD) {  /* the coroutine died with an error */
    status = lua_closethread(co, L);  /* run its pending to-be-closed variables */
    lua_xmove(co, L, 1);  /* the (possibly updated) error object */
  }
  if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
    luaL_where(L, 1);
    lua_insert(L, -2);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

static int co_create(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  return 1;
}

static int co_wrap(lua_State *L) {
  co_create(L);
  lua_pushcclosure(L, co_auxwrap, 1);
  return 1;
}

static int co_yield(lua_State *L) {
  return tyD_yieldtail(L, lua_gettop(L));
}

enum { CO_RUN, CO_DEAD, CO_YIELD, CO_NORM };
static const char *const statname[] = {"running", "dead", "suspended", "normal"};

static int costatus(lua_State *L, lua_State *co) {
  if (L == co) return CO_RUN;
  switch (lua_status(co)) {
    case LUA_YIELD:
      return CO_YIELD;
    case LUA_OK: {
      lua_Debug ar;
      if (lua_getstack(co, 0, &ar)) return CO_NORM;  /* it resumed another one */
      if (lua_gettop(co) == 0) return CO_DEAD;
      return CO_YIELD;  /* not started yet */
    }
    default:
      return CO_DEAD;  /* died with an error */
  }
}

static int co_status(lua_State *L) {
  lua_State *co = getco(L);
  lua_pushstring(L, statname[costatus(L, co)]);
  return 1;
}

static int co_running(lua_State *L) {
  int ismain = lua_pushthread(L);
  lua_pushboolean(L, ismain);
  return 2;
}

static int co_isyieldable(lua_State *L) {
  lua_State *co = lua_isnone(L, 1) ? L : getco(L);
  lua_pushboolean(L, lua_isyieldable(co));
  return 1;
}

static int co_close(lua_State *L) {
  lua_State *co = getco(L);
  int st = costatus(L, co);
  if (st != CO_DEAD && st != CO_YIELD)
    return luaL_error(L, "cannot close a %s coroutine", statname[st]);
  if (lua_closethread(co, L) == LUA_OK) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushboolean(L, 0);
  lua_xmove(co, L, 1);  /* error object */
  return 2;
}

static const luaL_Reg co_funcs[] = {
  {"create", co_create},
  {"resume", co_resume},
  {"running", co_running},
  {"status", co_status},
  {"wrap", co_wrap},
  {"yield", co_yield},
  {"isyieldable", co_isyieldable},
  {"close", co_close},
  {NULL, NULL}
};

const luaL_Reg tylib_coroutine_builtins[] = {
  {"coroutine.create", co_create},
  {"coroutine.resume", co_resume},
  {"coroutine.running", co_running},
  {"coroutine.status", co_status},
  {"coroutine.wrap", co_wrap},
  {"coroutine.yield", co_yield},
  {"coroutine.isyieldable", co_isyieldable},
  {"coroutine.close", co_close},
  {"coroutine.auxwrap", co_auxwrap},
  {NULL, NULL}
};

LUAMOD_API int luaopen_coroutine(lua_State *L) {
  luaL_newlib(L, co_funcs);
  return 1;
}
