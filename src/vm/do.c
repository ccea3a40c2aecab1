/* do.c: calls and returns, errors (one throw path), protected calls, stack growth, hooks, coroutines. */
#include <stdlib.h>
#include <string.h>

#include "../core/state.h"
#include "../core/mem.h"
#include "../core/gc.h"
#include "../core/str.h"
#include "../core/func.h"
#include "do.h"
#include "vm.h"
#include "tm.h"
#include "debug.h"
#include "coro.h"

#if defined(__GNUC__) && !defined(__clang__)
#define ty_setjmp(b) _setjmp(b)
#define ty_longjmp(b, v) _longjmp(b, v)
#else
#define ty_setjmp(b) setjmp(b)
#define ty_longjmp(b, v) longjmp(b, v)
#endif

/* Landing points of C functions in coroutines (callCk) are jumped to only
** within one C stack and need no signal mask: GCC's builtin setjmp saves
** just the frame, stack pointer and resume address.  AddressSanitizer
** intercepts only the library longjmp, so it gets that one. */
#if defined(__SANITIZE_ADDRESS__)
#define TY_LIBLAND 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TY_LIBLAND 1
#endif
#endif
#if defined(__GNUC__) && !defined(TY_LIBLAND)
typedef void *tyland[5];
#define land_set(b) __builtin_setjmp(b)
#define land_jump(b) __builtin_longjmp(b, 1)
#else
typedef jmp_buf tyland;
#define land_set(b) _setjmp(b)
#define land_jump(b) _longjmp(b, 1)
#endif

/* a stack in error-handling mode has this extra room for the message handler */
#define ERRORSTACKSIZE (TY_MAXSTACK + 200)

/* ======================================================================
** Errors
** ====================================================================== */

void tyD_seterrorobj(lua_State *L, int errcode, StkId oldtop) {
  switch (errcode) {
    case LUA_ERRMEM:
      setsvalue(L, oldtop, G(L)->memerrmsg);
      break;
    case LUA_ERRERR:
      setsvalue(L, oldtop, tyS_newliteral(L, "error in error handling"));
      break;
    case LUA_OK:  /* closing upvalues after a normal end */
      setnilvalue(oldtop);
      break;
    default:  /* error object is on the top */
      setobjs2s(L, oldtop, L->top - 1);
      break;
  }
  L->top = oldtop + 1;
}

l_noret tyD_throw(lua_State *L, int errcode) {
  if (L->errorJmp) {
    L->errorJmp->status = errcode;
    ty_longjmp(L->errorJmp->b, 1);
  }
  else {
    /* no handler in L: rethrow in the thread owning the current C stack */
    global_State *g = G(L);
    struct tycoro *cur = tyR_current();
    lua_State *owner = (cur != NULL) ? cur->L : g->mainthread;
    errcode = tyE_resetthread(L, errcode);  /* closes upvalues; error object at top */
    if (owner != NULL && owner != L && owner->errorJmp != NULL) {
      setobjs2s(L, owner->top, L->top - 1);
      owner->top++;
      tyD_throw(owner, errcode);
    }
    if (g->panic)
      g->panic(L);  /* last chance to jump out */
    abort();
  }
}

int tyD_rawrunprotected(lua_State *L, Pfunc f, void *ud) {
  unsigned int oldnCcalls = L->nCcalls;
  unsigned int oldnny = L->nny;
  tyjmp lj;
  lj.status = LUA_OK;
  lj.previous = L->errorJmp;
  L->errorJmp = &lj;
  if (ty_setjmp(lj.b) == 0)
    (*f)(L, ud);
  L->errorJmp = lj.previous;
  L->nCcalls = oldnCcalls;
  L->nny = oldnny;
  return lj.status;
}

/* ======================================================================
** Stack
** ====================================================================== */

static void correctstack(lua_State *L, StkId oldstack, StkId newstack) {
  CallInfo *ci;
  UpVal *up;
  L->top = newstack + (L->top - oldstack);
  for (up = L->openupval; up != NULL; up = up->u.open.next)
    up->v = newstack + (up->v - oldstack);
  for (ci = L->ci; ci != NULL; ci = ci->previous) {
    ci->top = newstack + (ci->top - oldstack);
    ci->func = newstack + (ci->func - oldstack);
    if (isLua(ci))
      ci->u.l.trap = 1;  /* the interpreter must reload 'base' */
  }
}

/* the stack is copied, not realloc'ed: it stays valid while the new block is allocated */
int tyD_reallocstack(lua_State *L, int newsize, int raiseerror) {
  int oldsize, i, ncopy;
  StkId oldstack;
  /* try-variant: with raiseerror == 0 (shrinking, GC) a failure must not throw */
  StkId newstack = (StkId)tyM_tryrealloc_(L, NULL, 0,
                       (size_t)(newsize + EXTRA_STACK) * sizeof(TValue));
  if (l_unlikely(newstack == NULL)) {
    if (raiseerror)
      tyD_throw(L, LUA_ERRMEM);
    return 0;
  }
  oldstack = L->stack;
  oldsize = stacksize(L);
  ncopy = ((oldsize < newsize) ? oldsize : newsize) + EXTRA_STACK;
  memcpy(newstack, oldstack, (size_t)ncopy * sizeof(TValue));
  for (i = ncopy; i < newsize + EXTRA_STACK; i++)
    setnilvalue(newstack + i);
  correctstack(L, oldstack, newstack);
  L->stack = newstack;
  L->stack_last = newstack + newsize;
  tyM_freemem(L, oldstack, (size_t)(oldsize + EXTRA_STACK) * sizeof(TValue));
  return 1;
}

int tyD_growstack(lua_State *L, int n, int raiseerror) {
  int size = stacksize(L);
  if (l_unlikely(size > TY_MAXSTACK)) {
    /* already using the extra room: an error while handling a stack overflow */
    if (raiseerror)
      tyD_throw(L, LUA_ERRERR);
    return 0;
  }
  else if (n < TY_MAXSTACK) {
    int newsize = 2 * size;
    int needed = cast_int(L->top - L->stack) + n;
    if (newsize > TY_MAXSTACK) newsize = TY_MAXSTACK;
    if (newsize < needed) newsize = needed;
    if (l_likely(newsize <= TY_MAXSTACK))
      return tyD_reallocstack(L, newsize, raiseerror);
  }
  /* stack at its limit: add room for the message handler and fail */
  tyD_reallocstack(L, ERRORSTACKSIZE, raiseerror);
  if (raiseerror)
    tyG_runerror(L, "stack overflow");
  return 0;
}

static int stackinuse(lua_State *L) {
  CallInfo *ci;
  int res;
  StkId lim = L->top;
  for (ci = L->ci; ci != NULL; ci = ci->previous) {
    if (lim < ci->top) lim = ci->top;
  }
  res = cast_int(lim - L->stack) + 1;
  if (res < LUA_MINSTACK)
    res = LUA_MINSTACK;
  return res;
}

void tyD_shrinkstack(lua_State *L) {
  int inuse = stackinuse(L);
  int max = (inuse > TY_MAXSTACK / 3) ? TY_MAXSTACK : inuse * 3;
  if (inuse <= TY_MAXSTACK && stacksize(L) > max) {
    int nsize = (inuse > TY_MAXSTACK / 2) ? TY_MAXSTACK : inuse * 2;
    tyD_reallocstack(L, nsize, 0);  /* failing is fine */
  }
  tyE_shrinkCI(L);
}

void tyD_inctop(lua_State *L) {
  tyD_checkstack(L, 1);
  L->top++;
}

/* ======================================================================
** Hooks
** ====================================================================== */

void tyD_hook(lua_State *L, int event, int line, int ftransfer, int ntransfer) {
  lua_Hook hook = L->hook;
  if (hook && L->allowhook) {
    int mask = CIST_HOOKED;
    CallInfo *ci = L->ci;
    ptrdiff_t top = savestack(L, L->top);
    ptrdiff_t ci_top = savestack(L, ci->top);
    lua_Debug ar;
    memset(&ar, 0, sizeof(ar));
    ar.event = event;
    ar.currentline = line;
    ar.i_ci = ci;
    if (ntransfer != 0) {
      mask |= CIST_TRAN;
      ci->u2.transferinfo.ftransfer = (unsigned short)ftransfer;
      ci->u2.transferinfo.ntransfer = (unsigned short)ntransfer;
    }
    if (isLua(ci) && L->top < ci->top)
      L->top = ci->top;  /* protect the whole activation */
    tyD_checkstack(L, LUA_MINSTACK);
    if (ci->top < L->top + LUA_MINSTACK)
      ci->top = L->top + LUA_MINSTACK;
    L->allowhook = 0;
    ci->callstatus |= mask;
    (*hook)(L, &ar);
    L->allowhook = 1;
    ci->top = restorestack(L, ci_top);
    L->top = restorestack(L, top);
    ci->callstatus &= ~mask;
  }
}

void tyD_hookcall(lua_State *L, CallInfo *ci) {
  L->oldpc = 0;  /* new function: first line fires */
  if (L->hookmask & LUA_MASKCALL) {
    int event = (ci->callstatus & CIST_TAIL) ? LUA_HOOKTAILCALL : LUA_HOOKCALL;
    Proto *p = ci_func(ci)->p;
    ci->u.l.savedpc++;  /* hooks assume pc already incremented */
    tyD_hook(L, event, -1, 1, p->numparams);
    ci->u.l.savedpc--;
  }
}

/* How far VARARGPREP lifted a vararg Lua function's frame: above the copy
** of the function, its fixed parameters and the extra arguments. */
static int varargshift(CallInfo *ci) {
  const Proto *p;
  if (!isLua(ci))
    return 0;
  p = ci_func(ci)->p;
  return p->is_vararg ? ci->u.l.nextraargs + p->numparams + 1 : 0;
}

/* Return hook, then the caller's line tracking resumes at its current pc.
** The returning function's ci->func is back in the caller's slot by now;
** for the hook the frame is lifted again, as it was while the function ran,
** and ftransfer counts the first result from there. */
static void rethook(lua_State *L, CallInfo *ci, int nres) {
  if (L->hookmask & LUA_MASKRET) {
    StkId firstres = L->top - nres;
    int lift = varargshift(ci);
    ci->func += lift;
    tyD_hook(L, LUA_HOOKRET, -1, cast_int(firstres - ci->func), nres);
    ci->func -= lift;
  }
  ci = ci->previous;
  if (isLua(ci))
    L->oldpc = pcRel(ci->u.l.savedpc, ci_func(ci)->p);
}

/* ======================================================================
** Calls
** ====================================================================== */

StkId tyD_tryfuncTM(lua_State *L, StkId func) {
  const TValue *tm;
  StkId p;
  checkstackGCp(L, 1, func);  /* room for the handler */
  tm = tyT_gettmbyobj(L, func, TM_CALL);
  if (l_unlikely(ttisnil(tm)))
    tyG_callerror(L, func);
  for (p = L->top; p > func; p--)
    setobjs2s(L, p, p - 1);
  L->top++;
  setobj2s(L, func, tm);
  return func;
}

static void moveresults(lua_State *L, StkId res, int nres, int wanted) {
  StkId firstresult;
  int i;
  switch (wanted) {
    case 0:
      L->top = res;
      return;
    case 1:
      if (nres == 0)
        setnilvalue(res);
      else
        setobjs2s(L, res, L->top - nres);
      L->top = res + 1;
      return;
    case LUA_MULTRET:
      wanted = nres;
      break;
    default:
      break;
  }
  firstresult = L->top - nres;
  if (nres > wanted) nres = wanted;
  for (i = 0; i < nres; i++)
    setobjs2s(L, res + i, firstresult + i);
  for (; i < wanted; i++)
    setnilvalue(res + i);
  L->top = res + wanted;
}

/* C function with pending to-be-closed slots (lua_toclose) in its frame? */
#define hastbcC(L, ci) ((L)->ntbc > 0 && \
  (L)->tbc[(L)->ntbc - 1] > savestack(L, (ci)->func))

void tyD_poscall(lua_State *L, CallInfo *ci, int nres) {
  if (l_unlikely((ci->callstatus & CIST_C) && hastbcC(L, ci))) {
    ci->callstatus |= CIST_CLSRET;
    ci->u2.nres = nres;
    tyF_close(L, ci->func + 1, CLOSEKTOP, 1);  /* results stay on the top */
    ci->callstatus &= ~CIST_CLSRET;
  }
  if (l_unlikely(L->hookmask))
    rethook(L, ci, nres);
  moveresults(L, ci->func, nres, ci->nresults);
  L->ci = ci->previous;
}

#define next_ci(L) ((L)->ci->next ? (L)->ci->next : tyE_extendCI(L))

static inline CallInfo *prepCallInfo(lua_State *L, StkId func, int nresults,
                                     int mask, StkId top) {
  CallInfo *ci = next_ci(L);
  ci->func = func;
  ci->nresults = (short)nresults;
  ci->callstatus = (unsigned short)mask;
  ci->top = top;
  L->ci = ci;
  return ci;
}

/* A C function running in a coroutine gets a landing point, so that a
** continuation can replace the rest of the function after a yield inside
** lua_callk/lua_pcallk (tyD_finishk jumps here with the continuation's count). */
static int __attribute__((noinline)) callCk(lua_State *L, CallInfo *ci, lua_CFunction f) {
  tyland jb;
  ci->u.c.kjmp = &jb;
  if (land_set(jb) == 0)
    return (*f)(L);
  return L->ci->u2.nres;
}

l_noret tyD_finishk(lua_State *L, CallInfo *ci, int status) {
  int n = (*ci->u.c.k)(L, status, ci->u.c.ctx);
  tyassert(L->ci == ci);
  ci->u2.nres = n;
  land_jump(*(tyland *)ci->u.c.kjmp);
}

static inline int precallC(lua_State *L, StkId func, int nresults, lua_CFunction f) {
  int n;
  CallInfo *ci;
  checkstackGCp(L, LUA_MINSTACK, func);
  ci = prepCallInfo(L, func, nresults, CIST_C, L->top + LUA_MINSTACK);
  if (l_unlikely(L->hookmask & LUA_MASKCALL)) {
    int narg = cast_int(L->top - func) - 1;
    tyD_hook(L, LUA_HOOKCALL, -1, 1, narg);
  }
  if (L->coro != NULL)
    n = callCk(L, ci, f);
  else {
    ci->u.c.kjmp = NULL;
    n = (*f)(L);
  }
  tyD_poscall(L, ci, n);
  return n;
}

/*
** Prepares a call.  C functions run to completion here (NULL is returned);
** for a Lua function the new CallInfo is returned, ready for tyV_execute.
*/
CallInfo *tyD_precall(lua_State *L, StkId func, int nresults) {
 retry:
  switch (ttypetag(func)) {
    case TY_VCCL:
      precallC(L, func, nresults, clCvalue(func)->f);
      return NULL;
    case TY_VLCF:
      precallC(L, func, nresults, fvalue(func));
      return NULL;
    case TY_VLCL: {
      CallInfo *ci;
      Proto *p = clLvalue(func)->p;
      int narg = cast_int(L->top - func) - 1;
      int nfixparams = p->numparams;
      int fsize = p->maxstacksize;
      checkstackGCp(L, fsize, func);
      ci = prepCallInfo(L, func, nresults, 0, func + 1 + fsize);
      ci->u.l.savedpc = p->code;
      ci->u.l.trap = 0;
      for (; narg < nfixparams; narg++)
        setnilvalue(L->top++);
      return ci;
    }
    default:
      func = tyD_tryfuncTM(L, func);  /* 'func' now is the __call handler */
      goto retry;
  }
}

/*
** Tail call from the Lua frame ci.  func + 1 .. func + narg1 - 1 are the
** arguments; delta is the vararg displacement of ci->func.  Returns -1 for
** a Lua function (frame reused) or the number of results of a C function
** (already called; results on the top).
*/
int tyD_pretailcall(lua_State *L, CallInfo *ci, StkId func, int narg1, int delta) {
 retry:
  switch (ttypetag(func)) {
    case TY_VCCL:
      return precallC(L, func, LUA_MULTRET, clCvalue(func)->f);
    case TY_VLCF:
      return precallC(L, func, LUA_MULTRET, fvalue(func));
    case TY_VLCL: {
      Proto *p = clLvalue(func)->p;
      int fsize = p->maxstacksize;
      int nfixparams = p->numparams;
      int i;
      checkstackGCp(L, fsize - delta, func);
      ci->func -= delta;  /* restore func of a vararg frame */
      for (i = 0; i < narg1; i++)  /* move down function and arguments */
        setobjs2s(L, ci->func + i, func + i);
      func = ci->func;
      for (; narg1 <= nfixparams; narg1++)
        setnilvalue(func + narg1);  /* complete missing parameters */
      ci->top = func + 1 + fsize;
      ci->u.l.savedpc = p->code;
      ci->callstatus |= CIST_TAIL;
      L->top = func + narg1;
      return -1;
    }
    default:
      func = tyD_tryfuncTM(L, func);
      narg1++;
      goto retry;
  }
}

static inline void ccall(lua_State *L, StkId func, int nresults) {
  CallInfo *ci;
  L->nCcalls++;
  if (l_unlikely(getCcalls(L) >= TY_MAXCCALLS)) {
    checkstackGCp(L, 0, func);
    tyE_checkcstack(L);
  }
  if ((ci = tyD_precall(L, func, nresults)) != NULL) {
    ci->callstatus |= CIST_FRESH;
    tyV_execute(L, ci);
  }
  L->nCcalls--;
}

void tyD_call(lua_State *L, StkId func, int nresults) {
  ccall(L, func, nresults);
}

void tyD_callnoyield(lua_State *L, StkId func, int nresults) {
  L->nny++;
  ccall(L, func, nresults);
  L->nny--;
}

/* ======================================================================
** Protected calls
** ====================================================================== */

struct CloseP {
  StkId level;
  int status;
};

/* __close handlers may yield when the thread is yieldable (pcall inside a
** coroutine): this C stack stays alive across the yield */
static void closepaux(lua_State *L, void *ud) {
  struct CloseP *pcl = (struct CloseP *)ud;
  tyF_close(L, pcl->level, pcl->status, 1);
}

/* closes tbc variables >= level; an error in a __close restarts with the new error */
int tyD_closeprotected(lua_State *L, ptrdiff_t level, int status) {
  CallInfo *old_ci = L->ci;
  lu_byte old_allowhook = L->allowhook;
  for (;;) {
    struct CloseP pcl;
    pcl.level = restorestack(L, level);
    pcl.status = status;
    status = tyD_rawrunprotected(L, &closepaux, &pcl);
    if (l_likely(status == LUA_OK))
      return pcl.status;
    L->ci = old_ci;
    L->allowhook = old_allowhook;
  }
}

/* back to the frame of a protected call after an error: __close handlers run,
** the error object lands at old_top */
static int pcallrecover(lua_State *L, CallInfo *old_ci, lu_byte old_allowhook,
                        ptrdiff_t old_top, int status) {
  unsigned short rec = old_ci->callstatus & CIST_RECOVER;
  L->ci = old_ci;
  L->allowhook = old_allowhook;
  old_ci->callstatus |= CIST_RECOVER;  /* a yield in a __close keeps this C frame */
  status = tyD_closeprotected(L, old_top, status);
  old_ci->callstatus = (unsigned short)((old_ci->callstatus & ~CIST_RECOVER) | rec);
  tyD_seterrorobj(L, status, restorestack(L, old_top));
  tyD_shrinkstack(L);  /* the error may have been a stack overflow */
  return status;
}

int tyD_pcall(lua_State *L, Pfunc func, void *u, ptrdiff_t old_top, ptrdiff_t ef) {
  int status;
  CallInfo *old_ci = L->ci;
  lu_byte old_allowhook = L->allowhook;
  ptrdiff_t old_errfunc = L->errfunc;
  L->errfunc = ef;
  status = tyD_rawrunprotected(L, func, u);
  if (l_unlikely(status != LUA_OK))
    status = pcallrecover(L, old_ci, old_allowhook, old_top, status);
  L->errfunc = old_errfunc;
  return status;
}

/* ======================================================================
** Coroutines: each runs on its own C stack (coro.c)
** ====================================================================== */

static int resume_error(lua_State *L, const char *msg, int narg, int *nres) {
  L->top -= narg;
  setsvalue(L, L->top, tyS_new(L, msg));
  L->top++;
  if (nres) *nres = 1;
  return LUA_ERRRUN;
}

static void resume_body(lua_State *L, void *ud) {
  int n = *(int *)ud;
  StkId func = L->top - n - 1;
  CallInfo *ci;
  if (l_unlikely(getCcalls(L) >= TY_MAXCCALLS))  /* as PUC's ccall: the body itself overflows */
    tyE_checkcstack(L);
  ci = tyD_precall(L, func, LUA_MULTRET);
  if (ci != NULL) {
    ci->callstatus |= CIST_FRESH;
    tyV_execute(L, ci);
  }
}

static void seterr_aux(lua_State *L, void *ud) {
  tyD_seterrorobj(L, *(int *)ud, L->top);
}

/*
** A suspended coroutine restored from an image has its CallInfos but no C
** stack.  Its first resume unrolls them on a fresh one, as PUC Lua does after
** every yield: the yielding C function returns the resume values (through its
** continuation, if any), each Lua frame resumes at its saved pc (the image
** writer admits only frames stopped in a call: OP_CALL, OP_TAILCALL,
** OP_TFORCALL), and each C frame below finishes through its continuation,
** protected when it was inside lua_pcallk (CIST_YPCALL).
*/
typedef struct Unroll {
  CallInfo *stop;  /* unroll the frames above this one */
  CallInfo *top;   /* the yielding frame, until it is finished */
  int nargs;
} Unroll;

/* runs the continuation of ci with a landing point, as callCk gives the
** function itself: a lua_callk/lua_pcallk inside k that yields keeping its C
** stack ends through its own continuation (tyD_finishk) */
static int __attribute__((noinline)) callkland(lua_State *L, CallInfo *ci, int status) {
  tyland jb;
  ci->u.c.kjmp = &jb;
  if (land_set(jb) == 0)
    return (*ci->u.c.k)(L, status, ci->u.c.ctx);
  return L->ci->u2.nres;
}

static void unrollC(lua_State *L, CallInfo *ci, int status, Unroll *u) {
  int n;
  ci->callstatus &= ~CIST_YCALL;  /* its lua_callk is over */
  if (ci == u->top) {  /* the yield returns the resume values */
    u->top = NULL;
    n = u->nargs;
    if (ci->u.c.k != NULL)
      n = callkland(L, ci, LUA_YIELD);
  }
  else {  /* a lua_callk/lua_pcallk returned: its continuation ends the function */
    if (ci->top < L->top) ci->top = L->top;
    n = callkland(L, ci, status);
  }
  tyD_poscall(L, ci, n);
}

static void unroll_aux(lua_State *L, void *ud);

static void unroll(lua_State *L, Unroll *u) {
  CallInfo *ci, *p = NULL;
  for (ci = u->stop->next; ci != NULL && ci != L->ci; ci = ci->next)
    if (!isLua(ci) && (ci->callstatus & CIST_YPCALL)) {
      p = ci;  /* the lowest pending lua_pcallk: the frames above run protected */
      break;
    }
  if (p != NULL) {
    Unroll inner = *u;
    int status;
    inner.stop = p;
    status = tyD_rawrunprotected(L, unroll_aux, &inner);
    u->top = inner.top;
    p->callstatus &= ~CIST_YPCALL;
    if (status != LUA_OK)
      status = pcallrecover(L, p, 1, p->u2.funcidx, status);
    L->errfunc = p->u.c.old_errfunc;
    unrollC(L, p, status == LUA_OK ? LUA_YIELD : status, u);
  }
  while ((ci = L->ci) != u->stop) {
    if (isLua(ci)) {
      tyV_finishOp(L);     /* the instruction the call interrupted (checked at write) */
      tyV_execute(L, ci);  /* returns when a CIST_FRESH frame returns */
    }
    else
      unrollC(L, ci, LUA_YIELD, u);
  }
}

static void unroll_aux(lua_State *L, void *ud) {
  unroll(L, (Unroll *)ud);
}

static void restored_body(lua_State *L, void *ud) {
  Unroll u;
  u.stop = &L->base_ci;
  u.top = L->ci;
  u.nargs = *(int *)ud;
  unroll(L, &u);
}

/* body of every coroutine C stack */
static void coro_run(struct tycoro *co, Pfunc body) {
  lua_State *L = co->L;
  int status = tyD_rawrunprotected(L, body, &co->nargs);
  if (l_unlikely(status != LUA_OK)) {
    /* the coroutine dies; its CallInfos and stack stay for inspection */
    L->status = (lu_byte)status;
    if (tyD_rawrunprotected(L, seterr_aux, &status) != LUA_OK) {
      setsvalue(L, L->top - 1, G(L)->memerrmsg);
    }
    L->ci->top = L->top;
  }
  co->status = status;
  co->state = TYCO_DONE;
  tyR_exit(co);
}

static void coro_main(struct tycoro *co) {
  coro_run(co, resume_body);
}

static void coro_restored(struct tycoro *co) {
  coro_run(co, restored_body);
}

LUA_API int lua_resume(lua_State *L, lua_State *from, int nargs, int *nresults) {
  int status;
  struct tycoro *co;
  if (L->status == LUA_OK) {  /* may be starting a coroutine */
    if (L->ci != &L->base_ci)  /* not in base level? */
      return resume_error(L, "cannot resume non-suspended coroutine", nargs, nresults);
    else if (L->top - (L->ci->func + 1) == nargs)  /* no function? */
      return resume_error(L, "cannot resume dead coroutine", nargs, nresults);
  }
  else if (L->status != LUA_YIELD)
    return resume_error(L, "cannot resume dead coroutine", nargs, nresults);
  if (l_unlikely(L->coro != NULL && L->coro->state == TYCO_RUNNING))
    return resume_error(L, "cannot resume non-suspended coroutine", nargs, nresults);
  L->nCcalls = (from) ? getCcalls(from) : 0;
  if (getCcalls(L) >= TY_MAXCCALLS)
    return resume_error(L, "C stack overflow", nargs, nresults);
  L->nCcalls++;
  co = L->coro;
  if (L->status == LUA_YIELD && co != NULL) {  /* C frames pending in the body keep their count */
    co->cbase = L->nCcalls;
    L->nCcalls += co->cdepth;
  }
  if (L->status == LUA_OK || co == NULL) {  /* start (or restored from an image): fresh C context */
    int restored = (L->status == LUA_YIELD);
    if (co == NULL) {
      co = tyR_new();
      if (co == NULL) {
        L->top -= nargs;
        setsvalue(L, L->top, G(L)->memerrmsg);
        L->top++;
        if (nresults) *nresults = 1;
        return LUA_ERRMEM;
      }
      L->coro = co;
    }
    co->L = L;
    L->errorJmp = NULL;  /* any chain left by an abandoned run is void */
    L->nny = 0;
    if (!restored)
      L->errfunc = 0;  /* a restored one keeps the handler of its pending xpcall */
    L->allowhook = 1;
    co->cbase = L->nCcalls;
    co->cdepth = 0;
    L->status = LUA_OK;
    tyR_prepare(co, restored ? coro_restored : coro_main);
  }
  else
    L->status = LUA_OK;  /* back to running */
  L->from = from;
  L->nresume = nargs;
  co->nargs = nargs;
  co->state = TYCO_RUNNING;
  tyR_resume(co);
  L->from = NULL;
  if (co->state == TYCO_UNWOUND) {  /* yielded; its frames need no C stack */
    status = LUA_YIELD;
    L->coro = NULL;
    tyR_free(co);
    if (nresults)
      *nresults = L->ci->u2.nyield;
  }
  else if (co->state == TYCO_DONE) {
    status = co->status;
    L->coro = NULL;
    tyR_free(co);  /* the C stack is not needed any more */
    if (nresults)
      *nresults = cast_int(L->top - (L->ci->func + 1));
  }
  else {  /* yielded */
    status = LUA_YIELD;
    if (nresults)
      *nresults = L->ci->u2.nyield;
  }
  return status;
}

/*
** Can the suspended thread be finished from its CallInfos alone, as the
** unroll above does?  The yielding frame must be a C function; every frame
** below it a Lua function stopped in an instruction tyV_finishOp completes,
** or a C function waiting in a lua_callk/lua_pcallk with a continuation.
** Hooks, finalizers and __close handlers keep their C frames.
*/
static int canunwind(lua_State *L) {
  CallInfo *ci = L->ci;
  if (isLua(ci))  /* a yield from a hook */
    return 0;
  for (; ci != &L->base_ci; ci = ci->previous) {
    if (ci->callstatus & (CIST_HOOKED | CIST_FIN | CIST_CLSRET | CIST_RECOVER))
      return 0;
    if (ci == L->ci)
      continue;
    if (isLua(ci)) {
      if (!tyV_canfinish(ci->u.l.savedpc[-1]))
        return 0;
    }
    else if (!(ci->callstatus & (CIST_YCALL | CIST_YPCALL)))
      return 0;
  }
  return 1;
}

LUA_API int lua_isyieldable(lua_State *L) {
  return yieldable(L);
}

/*
** Yield: switch back to the resumer.  Returns after the next resume with
** the number of values it passed (on the top), or the result of k.
*/
static int yieldk(lua_State *L, int nresults, lua_KContext ctx, lua_KFunction k, int tail);

LUA_API int lua_yieldk(lua_State *L, int nresults, lua_KContext ctx, lua_KFunction k) {
  return yieldk(L, nresults, ctx, k, 0);
}

/* coroutine.yield: its caller returns the result at once, so a kept yield
** needs no jump to the landing point (a jump costs mispredicted returns) */
int tyD_yieldtail(lua_State *L, int nresults) {
  return yieldk(L, nresults, 0, NULL, 1);
}

static int yieldk(lua_State *L, int nresults, lua_KContext ctx, lua_KFunction k, int tail) {
  CallInfo *ci = L->ci;
  struct tycoro *co = L->coro;
  int n;
  if (l_unlikely(!yieldable(L) || co == NULL || co->state != TYCO_RUNNING ||
                 tyR_current() != co)) {
    if (L != G(L)->mainthread)
      tyG_runerror(L, "attempt to yield across a C-call boundary");
    else
      tyG_runerror(L, "attempt to yield from outside a coroutine");
  }
  L->status = LUA_YIELD;
  L->nyields++;
  ci->u2.nyield = nresults;
  if (!isLua(ci)) {  /* kept for an image: a restored coroutine finishes the yield with k */
    ci->u.c.k = k;
    ci->u.c.ctx = ctx;
  }
  if (!tyR_keepstack() && canunwind(L)) {
    /* drop the C stack: the next resume unrolls the frames on a fresh one */
    for (ci = L->ci; ci != &L->base_ci; ci = ci->previous)
      if (!isLua(ci)) ci->u.c.kjmp = NULL;  /* landing points die with the stack */
    L->errorJmp = NULL;
    co->state = TYCO_UNWOUND;
    tyR_exit(co);
  }
  co->cdepth = (L->nCcalls > co->cbase) ? L->nCcalls - co->cbase : 0;
  co->state = TYCO_SUSPENDED;
  tyR_suspend(co);
  /* resumed: status is LUA_OK again and the resume arguments are on the top */
  n = co->nargs;
  if (!isLua(ci)) {
    /* as after an unwound yield, the rest of the C function is skipped: k's
    ** results, or the resume values, are its results */
    if (k != NULL)
      n = (*k)(L, LUA_YIELD, ctx);
    if (!tail && ci->u.c.kjmp != NULL && L->ci == ci) {
      ci->u2.nres = n;
      land_jump(*(tyland *)ci->u.c.kjmp);
    }
  }
  return n;
}

void tyD_freecoro(lua_State *L, lua_State *co) {
  (void)L;
  if (co->coro != NULL) {
    tyR_free(co->coro);
    co->coro = NULL;
  }
}
