/* dblib.c: the Lua 5.4 debug library (introspection, hooks, tracebacks); public API only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"

/* registry key of the table thread -> Lua hook function (weak keys) */
#define HOOK_KEY "_HOOKKEY"

/* makes sure L1 (maybe another thread) has room for n more values */
static void check_room(lua_State *L, lua_State *L1, int n) {
  if (L != L1 && !lua_checkstack(L1, n))
    luaL_error(L, "stack overflow");
}

/* an optional leading thread argument: returns it (or L) and sets *arg
** to the number of arguments it takes (0 or 1) */
static lua_State *opt_thread(lua_State *L, int *arg) {
  if (lua_isthread(L, 1)) {
    *arg = 1;
    return lua_tothread(L, 1);
  }
  *arg = 0;
  return L;
}

/* ---- metatables, user values and the registry, bypassing metamethods ---- */

static int db_getregistry(lua_State *L) {
  lua_pushvalue(L, LUA_REGISTRYINDEX);
  return 1;
}

/* the real metatable of any value (a __metatable field does not hide it), or nil */
static int db_getmetatable(lua_State *L) {
  luaL_checkany(L, 1);
  if (lua_getmetatable(L, 1)) return 1;
  lua_pushnil(L);
  return 1;
}

/* sets (or, with nil, removes) the metatable of any value; returns the value */
static int db_setmetatable(lua_State *L) {
  luaL_argexpected(L, lua_istable(L, 2) || lua_isnil(L, 2), 2, "nil or table");
  lua_pushvalue(L, 2);
  lua_setmetatable(L, 1);
  lua_settop(L, 1);
  return 1;
}

/*
** debug.getuservalue(u [, n]) and debug.setuservalue(u, v [, n]): the index n
** (default 1) is read first, as argument 2 or 3.  Reading a value that u does
** not have gives just nil; reading from a non-userdata gives fail.  Setting
** returns u, or fail when u has no such value.
*/
static int uservalue_access(lua_State *L, int set) {
  int n = (int)luaL_optinteger(L, set ? 3 : 2, 1);
  if (!set) {
    if (lua_type(L, 1) != LUA_TUSERDATA) {
      luaL_pushfail(L);
      return 1;
    }
    if (lua_getiuservalue(L, 1, n) == LUA_TNONE) return 1;  /* the pushed nil */
    lua_pushboolean(L, 1);
    return 2;
  }
  luaL_checktype(L, 1, LUA_TUSERDATA);
  luaL_checkany(L, 2);
  lua_pushvalue(L, 2);
  if (lua_setiuservalue(L, 1, n)) {
    lua_settop(L, 1);
  } else {
    luaL_pushfail(L);
  }
  return 1;
}

static int db_getuservalue(lua_State *L) {
  return uservalue_access(L, 0);
}

static int db_setuservalue(lua_State *L) {
  return uservalue_access(L, 1);
}

/* ---- getinfo ---- */

static void set_str(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, int v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v) {
  lua_pushboolean(L, v);
  lua_setfield(L, -2, k);
}

/* moves the value lua_getinfo pushed on L1 into field k of the table on L */
static void take_pushed(lua_State *L, lua_State *L1, const char *k) {
  if (L == L1)
    lua_rotate(L, -2, 1);  /* value below the table */
  else
    lua_xmove(L1, L, 1);
  lua_setfield(L, -2, k);
}

static int db_getinfo(lua_State *L) {
  lua_Debug ar;
  int arg;
  lua_State *L1 = opt_thread(L, &arg);
  const char *what = luaL_optstring(L, arg + 2, "flnSrtu");
  check_room(L, L1, 3);
  luaL_argcheck(L, what[0] != '>', arg + 2, "invalid option '>'");
  if (lua_isfunction(L, arg + 1)) {
    what = lua_pushfstring(L, ">%s", what);
    lua_pushvalue(L, arg + 1);
    lua_xmove(L, L1, 1);
  } else if (!lua_getstack(L1, (int)luaL_checkinteger(L, arg + 1), &ar)) {
    luaL_pushfail(L);  /* level out of range */
    return 1;
  }
  if (!lua_getinfo(L1, what, &ar))
    return luaL_argerror(L, arg + 2, "invalid option");
  lua_newtable(L);
  if (strchr(what, 'S')) {
    lua_pushlstring(L, ar.source, ar.srclen);
    lua_setfield(L, -2, "source");
    set_str(L, "short_src", ar.short_src);
    set_int(L, "linedefined", ar.linedefined);
    set_int(L, "lastlinedefined", ar.lastlinedefined);
    set_str(L, "what", ar.what);
  }
  if (strchr(what, 'l'))
    set_int(L, "currentline", ar.currentline);
  if (strchr(what, 'u')) {
    set_int(L, "nups", ar.nups);
    set_int(L, "nparams", ar.nparams);
    set_bool(L, "isvararg", ar.isvararg);
  }
  if (strchr(what, 'n')) {
    set_str(L, "name", ar.name);
    set_str(L, "namewhat", ar.namewhat);
  }
  if (strchr(what, 'r')) {
    set_int(L, "ftransfer", ar.ftransfer);
    set_int(L, "ntransfer", ar.ntransfer);
  }
  if (strchr(what, 't'))
    set_bool(L, "istailcall", ar.istailcall);
  /* lua_getinfo pushed 'f' before 'L': take them in reverse */
  if (strchr(what, 'L'))
    take_pushed(L, L1, "activelines");
  if (strchr(what, 'f'))
    take_pushed(L, L1, "func");
  return 1;
}

/* ---- locals and upvalues ---- */

static int db_getlocal(lua_State *L) {
  int arg;
  lua_State *L1 = opt_thread(L, &arg);
  int n = (int)luaL_checkinteger(L, arg + 2);
  if (lua_isfunction(L, arg + 1)) {  /* parameter names of a function */
    lua_pushvalue(L, arg + 1);
    lua_pushstring(L, lua_getlocal(L, NULL, n));
    return 1;
  } else {
    lua_Debug ar;
    const char *name;
    int level = (int)luaL_checkinteger(L, arg + 1);
    if (!lua_getstack(L1, level, &ar))
      return luaL_argerror(L, arg + 1, "level out of range");
    check_room(L, L1, 1);
    name = lua_getlocal(L1, &ar, n);
    if (name == NULL) {
      luaL_pushfail(L);
      return 1;
    }
    lua_xmove(L1, L, 1);
    lua_pushstring(L, name);
    lua_rotate(L, -2, 1);  /* name, value */
    return 2;
  }
}

static int db_setlocal(lua_State *L) {
  int arg;
  lua_State *L1 = opt_thread(L, &arg);
  lua_Debug ar;
  const char *name;
  int level = (int)luaL_checkinteger(L, arg + 1);
  int n = (int)luaL_checkinteger(L, arg + 2);
  if (!lua_getstack(L1, level, &ar))
    return luaL_argerror(L, arg + 1, "level out of range");
  luaL_checkany(L, arg + 3);
  lua_settop(L, arg + 3);
  check_room(L, L1, 1);
  lua_xmove(L, L1, 1);
  name = lua_setlocal(L1, &ar, n);
  if (name == NULL)
    lua_pop(L1, 1);  /* lua_setlocal left the value */
  lua_pushstring(L, name);
  return 1;
}

/* debug.getupvalue (get = 1) and debug.setupvalue (get = 0) */
static int access_upvalue(lua_State *L, int get) {
  int n = (int)luaL_checkinteger(L, 2);
  const char *name;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  name = get ? lua_getupvalue(L, 1, n) : lua_setupvalue(L, 1, n);
  if (name == NULL) return 0;
  lua_pushstring(L, name);
  lua_insert(L, -(get + 1));  /* name before the value, when there is one */
  return get + 1;
}

static int db_getupvalue(lua_State *L) {
  return access_upvalue(L, 1);
}

static int db_setupvalue(lua_State *L) {
  luaL_checkany(L, 3);
  return access_upvalue(L, 0);
}

/*
** Reads the pair (f, n) at arguments arg, arg+1 (n is checked first) and
** returns the identity of f's n-th upvalue, NULL when f has no such upvalue.
*/
static void *upvalue_ref(lua_State *L, int arg, int *n) {
  lua_Integer i = luaL_checkinteger(L, arg + 1);
  luaL_checktype(L, arg, LUA_TFUNCTION);
  *n = (int)i;
  return lua_upvalueid(L, arg, *n);
}

static int db_upvalueid(lua_State *L) {
  int n;
  void *id = upvalue_ref(L, 1, &n);
  if (id == NULL) {
    luaL_pushfail(L);
  } else {
    lua_pushlightuserdata(L, id);
  }
  return 1;
}

/* makes upvalue n1 of Lua closure f1 refer to upvalue n2 of Lua closure f2 */
static int db_upvaluejoin(lua_State *L) {
  int n[2];
  for (int k = 0; k < 2; k++) {  /* both pairs valid before either kind check */
    int arg = 1 + 2 * k;
    luaL_argcheck(L, upvalue_ref(L, arg, &n[k]) != NULL, arg + 1, "invalid upvalue index");
  }
  for (int arg = 1; arg <= 3; arg += 2)
    luaL_argcheck(L, !lua_iscfunction(L, arg), arg, "Lua function expected");
  lua_upvaluejoin(L, 1, n[0], 3, n[1]);
  return 0;
}

/* ---- hooks ---- */

/* the lua_Hook that calls the thread's Lua hook function with (event, line) */
static void call_lua_hook(lua_State *L, lua_Debug *ar) {
  static const char *const events[] = {"call", "return", "line", "count", "tail call"};
  lua_getfield(L, LUA_REGISTRYINDEX, HOOK_KEY);
  lua_pushthread(L);
  if (lua_rawget(L, -2) == LUA_TFUNCTION) {
    lua_pushstring(L, events[ar->event]);
    if (ar->currentline >= 0)
      lua_pushinteger(L, ar->currentline);
    else
      lua_pushnil(L);
    lua_call(L, 2, 0);
  }
}

static int mask_from_string(const char *s, int count) {
  int mask = 0;
  if (strchr(s, 'c')) mask |= LUA_MASKCALL;
  if (strchr(s, 'r')) mask |= LUA_MASKRET;
  if (strchr(s, 'l')) mask |= LUA_MASKLINE;
  if (count > 0) mask |= LUA_MASKCOUNT;
  return mask;
}

static char *mask_to_string(int mask, char *buf) {
  int i = 0;
  if (mask & LUA_MASKCALL) buf[i++] = 'c';
  if (mask & LUA_MASKRET) buf[i++] = 'r';
  if (mask & LUA_MASKLINE) buf[i++] = 'l';
  buf[i] = '\0';
  return buf;
}

static int db_sethook(lua_State *L) {
  int arg, mask, count;
  lua_Hook hook;
  lua_State *L1 = opt_thread(L, &arg);
  if (lua_isnoneornil(L, arg + 1)) {  /* turn hooks off */
    lua_settop(L, arg + 1);
    hook = NULL;
    mask = count = 0;
  } else {
    const char *smask = luaL_checkstring(L, arg + 2);
    luaL_checktype(L, arg + 1, LUA_TFUNCTION);
    count = (int)luaL_optinteger(L, arg + 3, 0);
    hook = call_lua_hook;
    mask = mask_from_string(smask, count);
  }
  if (!luaL_getsubtable(L, LUA_REGISTRYINDEX, HOOK_KEY)) {
    lua_pushliteral(L, "k");  /* new table: make its keys weak */
    lua_setfield(L, -2, "__mode");
    lua_pushvalue(L, -1);
    lua_setmetatable(L, -2);
  }
  check_room(L, L1, 1);
  lua_pushthread(L1);
  lua_xmove(L1, L, 1);
  lua_pushvalue(L, arg + 1);
  lua_rawset(L, -3);  /* hooks[L1] = function (or nil) */
  lua_sethook(L1, hook, mask, count);
  return 0;
}

static int db_gethook(lua_State *L) {
  int arg;
  lua_State *L1 = opt_thread(L, &arg);
  char buf[5];
  int mask = lua_gethookmask(L1);
  lua_Hook hook = lua_gethook(L1);
  if (hook == NULL) {
    luaL_pushfail(L);
    return 1;
  }
  if (hook != call_lua_hook)
    lua_pushliteral(L, "external hook");
  else {
    lua_getfield(L, LUA_REGISTRYINDEX, HOOK_KEY);
    check_room(L, L1, 1);
    lua_pushthread(L1);
    lua_xmove(L1, L, 1);
    lua_rawget(L, -2);
    lua_remove(L, -2);
  }
  lua_pushstring(L, mask_to_string(mask, buf));
  lua_pushinteger(L, lua_gethookcount(L1));
  return 3;
}

/* ---- interactive debugging and tracebacks ---- */

static int db_debug(lua_State *L) {
  for (;;) {
    char line[250];
    fputs("lua_debug> ", stderr);
    fflush(stderr);
    if (fgets(line, sizeof line, stdin) == NULL || strcmp(line, "cont\n") == 0)
      return 0;
    if (luaL_loadbuffer(L, line, strlen(line), "=(debug command)") != LUA_OK ||
        lua_pcall(L, 0, 0, 0) != LUA_OK) {
      fprintf(stderr, "%s\n", luaL_tolstring(L, -1, NULL));
      fflush(stderr);
    }
    lua_settop(L, 0);
  }
}

static int db_traceback(lua_State *L) {
  int arg;
  lua_State *L1 = opt_thread(L, &arg);
  const char *msg = lua_tostring(L, arg + 1);
  if (msg == NULL && !lua_isnoneornil(L, arg + 1))
    lua_pushvalue(L, arg + 1);  /* not a message: returned untouched */
  else {
    int level = (int)luaL_optinteger(L, arg + 2, L == L1 ? 1 : 0);
    luaL_traceback(L, L1, msg, level);
  }
  return 1;
}

static int db_setcstacklimit(lua_State *L) {
  int limit = (int)luaL_checkinteger(L, 1);
  lua_pushinteger(L, lua_setcstacklimit(L, (unsigned int)limit));
  return 1;
}

const luaL_Reg tylib_debug_builtins[] = {
  {"debug.debug", db_debug},
  {"debug.getuservalue", db_getuservalue},
  {"debug.gethook", db_gethook},
  {"debug.getinfo", db_getinfo},
  {"debug.getlocal", db_getlocal},
  {"debug.getregistry", db_getregistry},
  {"debug.getmetatable", db_getmetatable},
  {"debug.getupvalue", db_getupvalue},
  {"debug.upvaluejoin", db_upvaluejoin},
  {"debug.upvalueid", db_upvalueid},
  {"debug.setuservalue", db_setuservalue},
  {"debug.sethook", db_sethook},
  {"debug.setlocal", db_setlocal},
  {"debug.setmetatable", db_setmetatable},
  {"debug.setupvalue", db_setupvalue},
  {"debug.traceback", db_traceback},
  {"debug.setcstacklimit", db_setcstacklimit},
  {NULL, NULL}
};

/* every entry of the list is a field of the debug table */
#define DB_NFIELDS ((int)(sizeof(tylib_debug_builtins) / sizeof(luaL_Reg)) - 1)

LUAMOD_API int luaopen_debug(lua_State *L) {
  tylib_newbuiltinlib(L, tylib_debug_builtins, DB_NFIELDS, 0);
  return 1;
}
