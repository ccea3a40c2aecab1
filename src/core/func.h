/* func.h: prototypes, closures, upvalues and to-be-closed variables. */
#ifndef TY_FUNC_H
#define TY_FUNC_H

#include "obj.h"

#define TY_MAXUPVAL 255
/* special status to close upvalues preserving the top of the stack */
#define CLOSEKTOP (-1)
#define NOCLOSINGMETH (-2)

Proto *tyF_newproto(lua_State *L);
CClosure *tyF_newCclosure(lua_State *L, int nupvals);
LClosure *tyF_newLclosure(lua_State *L, int nupvals);
void tyF_initupvals(lua_State *L, LClosure *cl);     /* fresh closed upvalues (main chunk) */
UpVal *tyF_findupval(lua_State *L, StkId level);     /* open upvalue for a stack slot */
void tyF_newtbcupval(lua_State *L, StkId level);     /* registers a to-be-closed slot; checks __close */
void tyF_closeupval(lua_State *L, StkId level);      /* closes upvalues >= level (no tbc) */
/* closes upvalues and calls __close of tbc slots >= level; status is the error
** status (LUA_OK for a normal exit, CLOSEKTOP keeps the top); returns level
** (restored, as the stack may move) */
StkId tyF_close(lua_State *L, StkId level, int status, int yy);
void tyF_unlinkupval(UpVal *uv);
void tyF_freeproto(lua_State *L, Proto *f);
const char *tyF_getlocalname(const Proto *func, int local_number, int pc);

#endif
