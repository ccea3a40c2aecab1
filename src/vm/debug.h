/* debug.h: debug information (lines, names of variables in messages), runtime errors, hooks. */
#ifndef TY_DEBUG_H
#define TY_DEBUG_H

#include "../core/state.h"

#define pcRel(pc, p) (cast_int((pc) - (p)->code) - 1)
#define ABSLINEINFO (-0x80)

int tyG_getfuncline(const Proto *f, int pc);
const char *tyG_findlocal(lua_State *L, CallInfo *ci, int n, StkId *pos);
/* "attempt to <op> a <type> value (local 'x')" and friends, with position */
l_noret tyG_typeerror(lua_State *L, const TValue *o, const char *opname);
l_noret tyG_callerror(lua_State *L, const TValue *o);
l_noret tyG_forerror(lua_State *L, const TValue *o, const char *what);
l_noret tyG_concaterror(lua_State *L, const TValue *p1, const TValue *p2);
l_noret tyG_opinterror(lua_State *L, const TValue *p1, const TValue *p2, const char *msg);
l_noret tyG_tointerror(lua_State *L, const TValue *p1, const TValue *p2);
l_noret tyG_ordererror(lua_State *L, const TValue *p1, const TValue *p2);
l_noret tyG_runerror(lua_State *L, const char *fmt, ...);  /* adds "chunk:line:" when in Lua code */
const char *tyG_addinfo(lua_State *L, const char *msg, TString *src, int line);
l_noret tyG_errormsg(lua_State *L);   /* calls the message handler, then throws LUA_ERRRUN */
int tyG_traceexec(lua_State *L, const Instruction *pc);  /* line/count hooks from the interpreter */

#endif
