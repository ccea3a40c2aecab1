/* regkeys.h: the registry keys through which the libraries and the image writer share session state. */
#ifndef TY_REGKEYS_H
#define TY_REGKEYS_H

#include "lua.h"

#define TY_REG_ATINIT     "_TYCHO_ATINIT"      /* list of tycho.atinit hooks (part of images) */
#define TY_REG_PKGSRC     "_TYCHO_PKGSRC"      /* package name -> source file it was loaded from */
#define TY_REG_PINPATHS   "_TYCHO_PINPATHS"    /* true: images keep package.path/cpath as written */
#define TY_REG_RANDPINNED "_TYCHO_RANDPINNED"  /* true: math.randomseed(n) was called; images keep the sequence */

/* the truth value of registry[k] */
static inline int ty_regflag(lua_State *L, const char *k) {
  int b;
  lua_getfield(L, LUA_REGISTRYINDEX, k);
  b = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return b;
}

#endif
