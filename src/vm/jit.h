/* jit.h: the runtime side of the native tier: policy, counters, specializations, entering native code. */
#ifndef TY_JIT_H
#define TY_JIT_H

#include "../core/state.h"

/* nonzero when the interpreter should offer fresh Lua frames to tyJ_enter */
extern int tyJ_active;

/* results of tyJ_enter */
#define TYJ_INTERPRET 0  /* nothing native ran: interpret the frame from its start */
#define TYJ_RETURNED  1  /* native code ran the whole call; the frame is gone */
#define TYJ_CONTINUE  2  /* native code left the frame at ci->u.l.savedpc */

/* the start of the runtime's record of a prototype (p->jit, see jit.c) */
typedef struct TyJHead {
  unsigned int calls;
  unsigned char nspec;
  unsigned char never;  /* never compiled: the interpreter need not call tyJ_enter */
} TyJHead;
#define tyJ_wanted(p) ((p)->jit == NULL || !((const TyJHead *)(p)->jit)->never)

/* called by tyV_execute at the start of a fresh Lua frame when no hook is set */
int tyJ_enter(lua_State *L, CallInfo *ci);
/* frees the runtime's record of a prototype (p->jit) */
void tyJ_freeproto(Proto *p);
/* frees the records of g's image prototypes (the collector never frees those) */
void tyJ_closestate(struct global_State *g);
/* tycho.code_llvm(f, types...) */
int tyJ_codellvm(lua_State *L);

#endif
