/* api.h: helpers shared by the C API implementation (index translation, stack checks). */
#ifndef TY_API_H
#define TY_API_H

#include "../core/state.h"

/* argument checks of the public API: active only in TY_DEBUG builds */
#ifdef TY_DEBUG
#include <assert.h>
#define api_check(L, e, msg) ((void)(L), assert((e) && msg))
#else
#define api_check(L, e, msg) ((void)(L), (void)0)
#endif

#define api_incr_top(L) \
  { (L)->top++; api_check(L, (L)->top <= (L)->ci->top, "stack overflow"); }

#define api_checknelems(L, n) \
  api_check(L, (n) < ((L)->top - (L)->ci->func), "not enough elements in the stack")

/* after a call, make room for all results when nresults is LUA_MULTRET */
#define adjustresults(L, nres) \
  { if ((nres) <= LUA_MULTRET && (L)->ci->top < (L)->top) (L)->ci->top = (L)->top; }

/* pseudo-indices: the registry and upvalues (not valid absolute/relative stack indices) */
#define ispseudo(i) ((i) <= LUA_REGISTRYINDEX)

/* the value an acceptable index refers to (&G(L)->nilvalue when there is none) */
TValue *tyA_index2value(lua_State *L, int idx);
/* the stack slot of a valid (non-pseudo) index */
StkId tyA_index2stack(lua_State *L, int idx);
/* the globals table (registry[LUA_RIDX_GLOBALS]) */
const TValue *tyA_globals(lua_State *L);

#define index2value tyA_index2value
#define index2stack tyA_index2stack

#endif
