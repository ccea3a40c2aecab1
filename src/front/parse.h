/* parse.h: the compiler's entry points: Lua source or a binary chunk -> a closure on the stack. */
#ifndef TY_PARSE_H
#define TY_PARSE_H

#include "zio.h"

/* kinds of variables (Upvaldesc.kind) */
#define VDKREG     0  /* regular */
#define RDKCONST   1  /* <const> */
#define RDKTOCLOSE 2  /* <close> */
#define RDKCTC     3  /* compile-time constant */

/*
** Loads a chunk (text, or binary if it starts with LUA_SIGNATURE) from z in
** protected mode.  mode is "b", "t", "bt" or NULL (= "bt"); a mismatch gives
** "attempt to load a text chunk (mode is 'b')".  On success pushes a Lua
** closure whose upvalues are fresh closed upvalues (nil) and returns LUA_OK;
** on error pushes the message ("chunk:line: msg near 'tok'") and returns
** LUA_ERRSYNTAX or LUA_ERRMEM.  All scratch memory is released either way.
*/
int tyY_protectedparser(lua_State *L, ZIO *z, const char *name, const char *mode);

/* interns and fixes the reserved words (TString.extra = token index + 1); called by lua_newstate */
void tyX_init(lua_State *L);

#endif
