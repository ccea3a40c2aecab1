/* do.h: calls, returns, errors (one throw path), protected execution, stack growth, coroutines. */
#ifndef TY_DO_H
#define TY_DO_H

#include "../core/state.h"

/*
** Design note: every coroutine runs on its own C stack (struct tycoro,
** allocated at first resume).  resume switches to it, yield switches back,
** so a yield can cross any C frame (pcall, metamethods, native code) that
** is not marked non-yieldable (L->nny, raised by lua_call/lua_pcall without
** a continuation, as the 5.4 manual requires).  Errors unwind with
** longjmp within one C stack; an error that reaches a coroutine's base ends
** the coroutine and is returned by resume.
** Continuations are never needed to survive a yield: lua_yieldk returns
** after the next resume with the number of values the resume passed (on the
** top), or with k(L, LUA_YIELD, ctx) when k is given.  lua_callk/lua_pcallk
** still honour the manual after a yield: tyD_finishk runs k and lands in the
** C function's caller (callCk), skipping the rest of the function.
** A C function's to-be-closed slots (lua_toclose) are closed by
** tyD_poscall when it returns.
*/

/* ensure n free slots above top (may reallocate the stack) */
#define tyD_checkstackaux(L, n, pre, pos) \
  if (l_unlikely((L)->stack_last - (L)->top <= (n))) { pre; tyD_growstack(L, n, 1); pos; }
#define tyD_checkstack(L, n) tyD_checkstackaux(L, n, (void)0, (void)0)
#define checkstackGCp(L, n, p) \
  tyD_checkstackaux(L, n, ptrdiff_t t__ = savestack(L, p); tyC_checkGC(L), p = restorestack(L, t__))
#define checkstackGC(L, fsize) tyD_checkstackaux(L, (fsize), tyC_checkGC(L), (void)0)

typedef void (*Pfunc)(lua_State *L, void *ud);

l_noret tyD_throw(lua_State *L, int errcode);
int tyD_rawrunprotected(lua_State *L, Pfunc f, void *ud);
/* runs func in protected mode; on error restores top to oldtop and puts the error object there */
int tyD_pcall(lua_State *L, Pfunc func, void *u, ptrdiff_t oldtop, ptrdiff_t ef);
void tyD_seterrorobj(lua_State *L, int errcode, StkId oldtop);
int tyD_closeprotected(lua_State *L, ptrdiff_t level, int status);

void tyD_call(lua_State *L, StkId func, int nresults);
void tyD_callnoyield(lua_State *L, StkId func, int nresults);
CallInfo *tyD_precall(lua_State *L, StkId func, int nresults);  /* NULL when func was a C function (done) */
int tyD_pretailcall(lua_State *L, CallInfo *ci, StkId func, int narg1, int delta);
void tyD_poscall(lua_State *L, CallInfo *ci, int nres);
StkId tyD_tryfuncTM(lua_State *L, StkId func);  /* __call: inserts the handler; error if none */

int tyD_growstack(lua_State *L, int n, int raiseerror);  /* "stack overflow" error past TY_MAXSTACK */
int tyD_reallocstack(lua_State *L, int newsize, int raiseerror);
void tyD_shrinkstack(lua_State *L);
void tyD_inctop(lua_State *L);

void tyD_hook(lua_State *L, int event, int line, int fTransfer, int nTransfer);
/* after a yield inside lua_callk/lua_pcallk: runs the continuation with status and
** returns its results from the C function ci, discarding the rest of that function
** (manual 4.5); needs the landing point set up for C functions in coroutines */
l_noret tyD_finishk(lua_State *L, CallInfo *ci, int status);
void tyD_hookcall(lua_State *L, CallInfo *ci);


/* frees a coroutine's C stack (called when the thread is freed) */
void tyD_freecoro(lua_State *L, lua_State *co);
/* coroutine.yield: lua_yield for a caller that returns its result at once */
int tyD_yieldtail(lua_State *L, int nresults);

#endif
