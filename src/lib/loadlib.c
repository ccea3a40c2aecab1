/* loadlib.c: the package library: require, searchers, package.path/cpath, loadlib (dlopen). */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"
#include "regkeys.h"
#include "tycho.h"

/*
** How module names map to files and symbols.  A '.' in a module name is a
** directory level in both package.path and package.cpath.  The open function
** of C module "a.b" is luaopen_a_b; for "a.b-v2" the name is cut at the mark
** (luaopen_a_b), and failing that the old-style name after the mark is tried
** (luaopen_v2).
*/
#define MOD_LEVELSEP LUA_DIRSEP
#define OPEN_PREFIX "luaopen_"
#define OPEN_LEVELSEP "_"
#define IGNORE_MARK "-"

/* registry key of the table of loaded C libraries (path -> handle, and a list) */
static const char *const CLIBS = "_CLIBS";

/* error kinds of lookforfunc */
#define ERRLIB 1
#define ERRFUNC 2

/* ---- dynamic linking ---- */

static void *sys_load(lua_State *L, const char *path, int seeglb) {
  void *lib = dlopen(path, RTLD_NOW | (seeglb ? RTLD_GLOBAL : RTLD_LOCAL));
  if (lib == NULL) lua_pushstring(L, dlerror());
  return lib;
}

static lua_CFunction sys_sym(lua_State *L, void *lib, const char *sym) {
  void *f = dlsym(lib, sym);
  if (f == NULL) {
    lua_pushstring(L, dlerror());
    return NULL;
  }
  lua_CFunction cf;
  memcpy(&cf, &f, sizeof(cf));  /* object-to-function pointer, as dlsym requires */
  return cf;
}

static void *clib_find(lua_State *L, const char *path) {
  lua_getfield(L, LUA_REGISTRYINDEX, CLIBS);
  lua_getfield(L, -1, path);
  void *h = lua_touserdata(L, -1);
  lua_pop(L, 2);
  return h;
}

static void clib_add(lua_State *L, const char *path, void *h) {
  lua_getfield(L, LUA_REGISTRYINDEX, CLIBS);
  lua_pushlightuserdata(L, h);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, path);  /* CLIBS[path] = h */
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);  /* and in the list */
  lua_pop(L, 1);
}

/* __gc of CLIBS: unloads libraries in reverse order of loading */
static int clib_gc(lua_State *L) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  for (lua_Integer i = n; i >= 1; i--) {
    lua_rawgeti(L, 1, i);
    void *h = lua_touserdata(L, -1);
    if (h != NULL) dlclose(h);
    lua_pop(L, 1);
  }
  return 0;
}

/* Pushes the C function 'sym' of library 'path' (or true when sym is "*",
** which only links the library globally).  On failure pushes a message. */
static int lookforfunc(lua_State *L, const char *path, const char *sym) {
  void *h = clib_find(L, path);
  if (h == NULL) {
    h = sys_load(L, path, *sym == '*');
    if (h == NULL) return ERRLIB;
    clib_add(L, path, h);
  }
  if (*sym == '*') {
    lua_pushboolean(L, 1);
    return 0;
  }
  lua_CFunction f = sys_sym(L, h, sym);
  if (f == NULL) return ERRFUNC;
  lua_pushcfunction(L, f);
  return 0;
}

static int pkg_loadlib(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *init = luaL_checkstring(L, 2);
  int stat = lookforfunc(L, path, init);
  if (stat == 0) return 1;
  luaL_pushfail(L);
  lua_insert(L, -2);
  lua_pushstring(L, (stat == ERRLIB) ? "open" : "init");
  return 3;  /* fail, message, where */
}

/* ---- path search ---- */

static int readable(const char *name) {
  FILE *f = fopen(name, "r");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

/*
** Pushes the message of a failed search: "no file 'T'" for every template T of
** the expanded path 'all', empty ones included, one per line ("\n\t" between).
*/
static void push_notfound(lua_State *L, const char *all) {
  luaL_Buffer b;
  const char *t = all;
  luaL_buffinit(L, &b);
  for (;;) {
    const char *end = strchr(t, *LUA_PATH_SEP);
    size_t n = (end != NULL) ? (size_t)(end - t) : strlen(t);
    if (t != all) luaL_addstring(&b, "\n\t");
    luaL_addstring(&b, "no file '");
    luaL_addlstring(&b, t, n);
    luaL_addchar(&b, '\'');
    if (end == NULL) break;
    t = end + 1;
  }
  luaL_pushresult(&b);
}

/* Pushes and returns the first readable file of 'path' for 'name', or
** returns NULL with the list of tried files pushed. */
static const char *searchpath(lua_State *L, const char *name, const char *path,
                              const char *sep, const char *dirsep) {
  if (*sep != '\0' && strchr(name, *sep) != NULL)
    name = luaL_gsub(L, name, sep, dirsep);  /* "a.b" -> "a/b" */
  const char *all = luaL_gsub(L, path, LUA_PATH_MARK, name);
  const char *p = all;
  for (;;) {
    while (*p == *LUA_PATH_SEP) p++;  /* skip empty templates */
    if (*p == '\0') break;
    const char *e = strchr(p, *LUA_PATH_SEP);
    if (e == NULL) e = p + strlen(p);
    const char *fname = lua_pushlstring(L, p, (size_t)(e - p));
    if (readable(fname)) return fname;
    lua_pop(L, 1);
    p = e;
  }
  push_notfound(L, all);
  return NULL;
}

static int pkg_searchpath(lua_State *L) {
  const char *f = searchpath(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2),
                             luaL_optstring(L, 3, "."), luaL_optstring(L, 4, LUA_DIRSEP));
  if (f != NULL) return 1;
  luaL_pushfail(L);
  lua_insert(L, -2);
  return 2;
}

static const char *findfile(lua_State *L, const char *name, const char *pname,
                            const char *dirsep) {
  lua_getfield(L, lua_upvalueindex(1), pname);
  const char *path = lua_tostring(L, -1);
  if (path == NULL) luaL_error(L, "'package.%s' must be a string", pname);
  return searchpath(L, name, path, ".", dirsep);
}

static int checkload(lua_State *L, int ok, const char *filename) {
  if (ok) {
    lua_pushstring(L, filename);  /* second argument to the loader */
    return 2;
  }
  return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s",
                    lua_tostring(L, 1), filename, lua_tostring(L, -1));
}

/* ---- searchers ---- */

static int searcher_preload(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  if (lua_getfield(L, -1, name) == LUA_TNIL) {
    lua_pushfstring(L, "no field package.preload['%s']", name);
    return 1;
  }
  lua_pushliteral(L, ":preload:");
  return 2;
}

static int searcher_lua(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *filename = findfile(L, name, "path", MOD_LEVELSEP);
  if (filename == NULL) return 1;
  return checkload(L, luaL_loadfile(L, filename) == LUA_OK, filename);
}

/* Looks for the open function of 'modname' in 'filename': with a hyphen,
** "a.b-c" tries luaopen_a_b first, then the old-style luaopen_c. */
static int loadfunc(lua_State *L, const char *filename, const char *modname) {
  modname = luaL_gsub(L, modname, ".", OPEN_LEVELSEP);
  const char *mark = strchr(modname, *IGNORE_MARK);
  if (mark != NULL) {
    const char *fn = lua_pushlstring(L, modname, (size_t)(mark - modname));
    fn = lua_pushfstring(L, OPEN_PREFIX "%s", fn);
    int stat = lookforfunc(L, filename, fn);
    if (stat != ERRFUNC) return stat;
    modname = mark + 1;  /* else try the name after the mark */
  }
  const char *fn = lua_pushfstring(L, OPEN_PREFIX "%s", modname);
  return lookforfunc(L, filename, fn);
}

static int searcher_c(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *filename = findfile(L, name, "cpath", MOD_LEVELSEP);
  if (filename == NULL) return 1;
  return checkload(L, loadfunc(L, filename, name) == 0, filename);
}

static int searcher_croot(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *p = strchr(name, '.');
  if (p == NULL) return 0;  /* a root module is handled by searcher_c */
  lua_pushlstring(L, name, (size_t)(p - name));
  const char *filename = findfile(L, lua_tostring(L, -1), "cpath", MOD_LEVELSEP);
  if (filename == NULL) return 1;
  int stat = loadfunc(L, filename, name);
  if (stat != 0) {
    if (stat != ERRFUNC) return checkload(L, 0, filename);  /* real error */
    lua_pushfstring(L, "no module '%s' in file '%s'", name, filename);
    return 1;
  }
  lua_pushstring(L, filename);
  return 2;
}

/* ---- require ---- */

/* Leaves loader and loader data on the top, or raises "module not found". */
static void findloader(lua_State *L, const char *name) {
  if (lua_getfield(L, lua_upvalueindex(1), "searchers") != LUA_TTABLE)
    luaL_error(L, "'package.searchers' must be a table");
  int searchers = lua_gettop(L);
  lua_pushliteral(L, "");
  int msg = lua_gettop(L);  /* accumulated "\n\t<reason>" lines */
  for (int i = 1;; i++) {
    if (lua_rawgeti(L, searchers, i) == LUA_TNIL)
      luaL_error(L, "module '%s' not found:%s", name, lua_tostring(L, msg));
    lua_pushstring(L, name);
    lua_call(L, 1, 2);
    if (lua_isfunction(L, -2)) return;
    if (lua_isstring(L, -2)) {
      lua_pop(L, 1);
      lua_pushvalue(L, msg);
      lua_insert(L, -2);
      lua_pushliteral(L, "\n\t");
      lua_insert(L, -2);
      lua_concat(L, 3);
      lua_replace(L, msg);
    } else {
      lua_pop(L, 2);
    }
  }
}

/* TYCHO_IMAGE_STALE: 'w'arn (default), 'e'rror or 'i'gnore, read once */
static int stalemode(void) {
  static int mode = 0;
  if (mode == 0) {
    const char *e = getenv("TYCHO_IMAGE_STALE");
    mode = (e != NULL && strcmp(e, "error") == 0) ? 'e'
         : (e != NULL && strcmp(e, "ignore") == 0) ? 'i' : 'w';
  }
  return mode;
}

/* a package.loaded hit: if the package came from the image and its source
** changed since, warn once or raise (TYCHO_IMAGE_STALE) */
static void checkstale(lua_State *L, const char *name) {
  const char *path;
  int mode = stalemode(), st;
  if (mode == 'i' || (st = tycho_imagestale(L, name, &path)) == 0) return;
  if (mode == 'e')
    luaL_error(L, "image package '%s' is stale (source %s changed since the image was built)",
               name, path);
  else if (st == 1) {
    fprintf(stderr, "tycho: warning: image package '%s' is stale (source %s changed since "
            "the image was built)\n", name, path);
    fflush(stderr);
  }
}

static int pkg_require(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);  /* 2 */
  lua_getfield(L, 2, name);
  if (lua_toboolean(L, -1)) {  /* already loaded */
    checkstale(L, name);
    return 1;
  }
  lua_pop(L, 1);
  findloader(L, name);  /* ..., loader, data */
  lua_pushvalue(L, -2);
  lua_pushvalue(L, 1);
  lua_pushvalue(L, -3);
  lua_call(L, 2, 1);  /* loader(name, data) */
  if (lua_type(L, -2) == LUA_TSTRING && lua_tostring(L, -2)[0] != ':') {
    /* source file of the package, for images (staleness checks) */
    luaL_getsubtable(L, LUA_REGISTRYINDEX, TY_REG_PKGSRC);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
  }
  if (!lua_isnil(L, -1))
    lua_setfield(L, 2, name);  /* LOADED[name] = result */
  else
    lua_pop(L, 1);
  if (lua_getfield(L, 2, name) == LUA_TNIL) {
    lua_pushboolean(L, 1);
    lua_copy(L, -1, -2);
    lua_setfield(L, 2, name);  /* LOADED[name] = true */
  }
  lua_rotate(L, -2, 1);  /* module value, loader data */
  return 2;
}

/* ---- opening ---- */

static int noenv(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
  int b = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return b;
}

/* package[field] = $envname_5_4 or $envname or default, ";;" -> default */
static void setpath(lua_State *L, const char *field, const char *envname,
                    const char *dft) {
  const char *nver = lua_pushfstring(L, "%s%s", envname, LUA_VERSUFFIX);
  const char *path = getenv(nver);
  if (path == NULL) path = getenv(envname);
  const char *mark;
  if (path == NULL || noenv(L)) {
    lua_pushstring(L, dft);
  } else if ((mark = strstr(path, LUA_PATH_SEP LUA_PATH_SEP)) == NULL) {
    lua_pushstring(L, path);
  } else {
    size_t len = strlen(path);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (path < mark) {
      luaL_addlstring(&b, path, (size_t)(mark - path));
      luaL_addchar(&b, *LUA_PATH_SEP);
    }
    luaL_addstring(&b, dft);
    if (mark < path + len - 2) {
      luaL_addchar(&b, *LUA_PATH_SEP);
      luaL_addlstring(&b, mark + 2, (size_t)((path + len - 2) - mark));
    }
    luaL_pushresult(&b);
  }
  lua_setfield(L, -3, field);
  lua_pop(L, 1);  /* nver */
}

/* images: package.path/cpath from the environment again (package table on top) */
LUALIB_API void tylib_package_resetpaths(lua_State *L) {
  setpath(L, "path", "LUA_PATH", LUA_PATH_DEFAULT);
  setpath(L, "cpath", "LUA_CPATH", LUA_CPATH_DEFAULT);
}

/* the list starts with the two plain functions of the package table */
#define PKG_NFUNCS 2
const luaL_Reg tylib_package_builtins[] = {
  {"package.loadlib", pkg_loadlib},
  {"package.searchpath", pkg_searchpath},
  {"package.require", pkg_require},
  {"package.searcher_preload", searcher_preload},
  {"package.searcher_Lua", searcher_lua},
  {"package.searcher_C", searcher_c},
  {"package.searcher_Croot", searcher_croot},
  {"package.clib_gc", clib_gc},
  {NULL, NULL}
};

static void create_searchers(lua_State *L) {
  static const lua_CFunction searchers[] = {searcher_preload, searcher_lua, searcher_c,
                                            searcher_croot};
  int n = (int)(sizeof(searchers) / sizeof(searchers[0]));
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_pushvalue(L, -2);  /* package table as upvalue */
    lua_pushcclosure(L, searchers[i], 1);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "searchers");
}

static void create_clibs(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, CLIBS);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, clib_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
}

LUAMOD_API int luaopen_package(lua_State *L) {
  create_clibs(L);
  /* + preload, cpath, path, searchers, loaded, config */
  tylib_newbuiltinlib(L, tylib_package_builtins, PKG_NFUNCS, 6);
  create_searchers(L);
  setpath(L, "path", "LUA_PATH", LUA_PATH_DEFAULT);
  setpath(L, "cpath", "LUA_CPATH", LUA_CPATH_DEFAULT);
  lua_pushliteral(L, LUA_DIRSEP "\n" LUA_PATH_SEP "\n" LUA_PATH_MARK "\n"
                     LUA_EXEC_DIR "\n" IGNORE_MARK "\n");
  lua_setfield(L, -2, "config");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_setfield(L, -2, "loaded");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_setfield(L, -2, "preload");
  lua_pushglobaltable(L);
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, pkg_require, 1);  /* require sees package as upvalue */
  lua_setfield(L, -2, "require");
  lua_pop(L, 1);
  return 1;
}
