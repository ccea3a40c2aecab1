/* state.c: creation and destruction of states and threads, CallInfo lists, C-stack limits, warnings. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "state.h"
#include "gc.h"
#include "mem.h"
#include "str.h"
#include "tab.h"
#include "func.h"
#include "../vm/do.h"
#include "../vm/debug.h"
#include "../vm/coro.h"
#include "../front/parse.h"
#include "tycho.h"
#include "../image/image.h"
#include "../vm/jit.h"

/* a thread with its LUA_EXTRASPACE bytes (lua_getextraspace) just before it */
typedef struct LX {
  lu_byte extra_[LUA_EXTRASPACE];
  lua_State l;
} LX;

/* the main thread and the global state, allocated together */
typedef struct LG {
  LX l;
  global_State g;
} LG;

#define fromstate(L) ((LX *)((lu_byte *)(L) - offsetof(LX, l)))
#define completestate(g) ttisnil(&(g)->nilvalue)
#define MAX_LMEM ((l_mem)(~(lu_mem)0 >> 1))

#define TY_GCPAUSE 200
#define TY_GCMUL 100
#define TY_GCSTEPSIZE 13  /* 8 KB */

/* a seed mixing addresses (ASLR) and the time */
static unsigned int makeseed(lua_State *L) {
  size_t buff[4];
  unsigned int h = (unsigned int)time(NULL);
  buff[0] = (size_t)h;
  buff[1] = (size_t)&h;
  buff[2] = (size_t)L;
  buff[3] = (size_t)(uintptr_t)&lua_newstate;
  return tyS_hash((const char *)buff, sizeof(buff), h);
}

/* keeps gettotalbytes(g) while setting the debt */
void tyE_setdebt(global_State *g, l_mem debt) {
  l_mem tb = (l_mem)gettotalbytes(g);
  if (debt < tb - MAX_LMEM)
    debt = tb - MAX_LMEM;  /* no overflow of totalbytes */
  g->totalbytes = tb - debt;
  g->GCdebt = debt;
}

/* ---- CallInfo list ----
** A thread's frames are a doubly linked list hanging from base_ci.  Entries
** past the current one are spares, kept for the next calls; L->nci counts
** every allocated entry. */

CallInfo *tyE_extendCI(lua_State *L) {
  CallInfo *cur = L->ci;
  CallInfo *fresh = tyM_new(L, CallInfo);
  fresh->previous = cur;
  fresh->next = NULL;
  fresh->u.l.trap = 0;  /* the VM reads it before the frame is set up */
  cur->next = fresh;
  L->nci++;
  return fresh;
}

static void dropCI(lua_State *L, CallInfo *ci) {
  tyM_free(L, ci);
  L->nci--;
}

/* frees all the spares */
void tyE_freeCI(lua_State *L) {
  CallInfo *spare = L->ci->next;
  L->ci->next = NULL;
  while (spare != NULL) {
    CallInfo *following = spare->next;
    dropCI(L, spare);
    spare = following;
  }
}

/* frees every other spare, halving the list past the current frame */
void tyE_shrinkCI(lua_State *L) {
  CallInfo *keep = L->ci->next;
  while (keep != NULL && keep->next != NULL) {
    CallInfo *gone = keep->next;
    CallInfo *after = gone->next;
    dropCI(L, gone);
    keep->next = after;
    if (after != NULL)
      after->previous = keep;
    keep = after;
  }
}

/* ---- C stack ---- */

void tyE_checkcstack(lua_State *L) {
  if (getCcalls(L) == TY_MAXCCALLS)
    tyG_runerror(L, "C stack overflow");
  else if (getCcalls(L) >= (TY_MAXCCALLS / 10 * 11))
    tyD_throw(L, LUA_ERRERR);  /* error while handling the overflow */
}

void tyE_incCstack(lua_State *L) {
  L->nCcalls++;
  if (l_unlikely(getCcalls(L) >= TY_MAXCCALLS))
    tyE_checkcstack(L);
}

/* ---- threads ---- */

static void stack_init(lua_State *L1, lua_State *L) {
  int i;
  CallInfo *ci;
  L1->stack = tyM_newvector(L, BASIC_STACK_SIZE + EXTRA_STACK, TValue);
  for (i = 0; i < BASIC_STACK_SIZE + EXTRA_STACK; i++)
    setnilvalue(L1->stack + i);
  L1->top = L1->stack;
  L1->stack_last = L1->stack + BASIC_STACK_SIZE;
  ci = &L1->base_ci;
  ci->next = ci->previous = NULL;
  ci->callstatus = CIST_C;
  ci->func = L1->top;
  ci->u.c.k = NULL;
  ci->u.c.ctx = 0;
  ci->u.c.old_errfunc = 0;
  ci->nresults = 0;
  setnilvalue(L1->top);  /* the 'function' slot of the base frame */
  L1->top++;
  ci->top = L1->top + LUA_MINSTACK;
  L1->ci = ci;
}

static void freestack(lua_State *L, lua_State *L1) {
  if (L1->stack == NULL)
    return;  /* never built */
  L1->ci = &L1->base_ci;
  tyE_freeCI(L1);
  tyM_freearray(L, L1->stack, stacksize(L1) + EXTRA_STACK);
  L1->stack = NULL;
  tyM_freearray(L, L1->tbc, L1->sizetbc);
  L1->tbc = NULL;
  L1->ntbc = L1->sizetbc = 0;
}

static void preinit_thread(lua_State *L, global_State *g) {
  G(L) = g;
  L->stack = NULL;
  L->stack_last = NULL;
  L->top = NULL;
  L->ci = NULL;
  L->nci = 0;
  L->twups = L;  /* not in the list of threads with open upvalues */
  L->nCcalls = 0;
  L->nny = 0;
  L->errorJmp = NULL;
  L->hook = NULL;
  L->hookmask = 0;
  L->basehookcount = 0;
  L->hookcount = 0;
  L->allowhook = 1;
  L->openupval = NULL;
  L->tbc = NULL;
  L->ntbc = L->sizetbc = 0;
  L->status = LUA_OK;
  L->errfunc = 0;
  L->oldpc = 0;
  L->gclist = NULL;
  L->coro = NULL;
  L->from = NULL;
  L->nresume = 0;
  L->nyields = 0;
}

LUA_API lua_State *lua_newthread(lua_State *L) {
  global_State *g = G(L);
  GCObject *o;
  lua_State *L1;
  tyC_checkGC(L);
  o = tyC_newobjdt(L, TY_VTHREAD, sizeof(LX), offsetof(LX, l));
  L1 = gco2th(o);
  preinit_thread(L1, g);
  /* anchor it on the stack before the stack allocation below */
  setthvalue(L, L->top, L1);
  L->top++;
  L1->hookmask = L->hookmask;
  L1->basehookcount = L->basehookcount;
  L1->hook = L->hook;
  L1->hookcount = L1->basehookcount;
  memcpy(lua_getextraspace(L1), lua_getextraspace(g->mainthread), LUA_EXTRASPACE);
  stack_init(L1, L);
  return L1;
}

void tyE_freethread(lua_State *L, lua_State *L1) {
  LX *l = fromstate(L1);
  if (L1->stack != NULL)
    tyF_closeupval(L1, L1->stack);  /* close all upvalues */
  tyD_freecoro(L, L1);
  freestack(L, L1);
  tyM_free(L, l);
}

/* unwinds the thread, runs pending __close (protected), resets the stack */
int tyE_resetthread(lua_State *L, int status) {
  CallInfo *ci = L->ci = &L->base_ci;
  setnilvalue(L->stack);  /* 'function' slot of the base frame */
  ci->func = L->stack;
  ci->callstatus = CIST_C;
  if (status == LUA_YIELD)
    status = LUA_OK;
  L->status = LUA_OK;  /* so it can run __close metamethods */
  status = tyD_closeprotected(L, savestack(L, L->stack + 1), status);
  if (status != LUA_OK)
    tyD_seterrorobj(L, status, L->stack + 1);
  else
    L->top = L->stack + 1;
  ci->top = L->top + LUA_MINSTACK;
  {  /* shrinking is optional: it must not raise (this runs on error paths) */
    lu_byte oldstopem = G(L)->gcstopem;
    G(L)->gcstopem = 1;
    tyD_reallocstack(L, (int)(ci->top - L->stack), 0);
    G(L)->gcstopem = oldstopem;
  }
  return status;
}

LUA_API int lua_closethread(lua_State *L, lua_State *from) {
  int status;
  L->nCcalls = (from) ? getCcalls(from) : 0;
  status = tyE_resetthread(L, L->status);
  /* a suspended or finished coroutine gives back its C stack */
  if (L->coro != NULL && L->coro->state != TYCO_RUNNING) {
    tyD_freecoro(L, L);
    L->errorJmp = NULL;  /* its recovery points lived on that C stack */
  }
  return status;
}

LUA_API int lua_resetthread(lua_State *L) {
  return lua_closethread(L, NULL);
}

/* ---- state ---- */

static void init_registry(lua_State *L, global_State *g) {
  Table *registry = tyH_new(L);
  sethvalue(L, &g->l_registry, registry);
  tyH_resize(L, registry, LUA_RIDX_LAST, 0);
  setthvalue(L, &registry->array[LUA_RIDX_MAINTHREAD - 1], L);
  sethvalue(L, &registry->array[LUA_RIDX_GLOBALS - 1], tyH_new(L));
}

/* the parts of lua_newstate that may fail (run in protected mode) */
static void f_luaopen(lua_State *L, void *ud) {
  global_State *g = G(L);
  TyImage *img = (TyImage *)ud;
  stack_init(L, L);
  if (img != NULL)  /* before the names below, so they resolve to the image's strings */
    tyI_install(L, img);
  else
    init_registry(L, g);
  tyS_init(L);
  tyT_init(L);
  tyX_init(L);
  g->gcstp = 0;  /* collection allowed from now on */
  setnilvalue(&g->nilvalue);  /* the state is complete */
}

static void close_state(lua_State *L) {
  global_State *g = G(L);
  if (!completestate(g))  /* closing a partially built state? */
    tyC_freeallobjects(L);
  else {
    L->ci = &L->base_ci;
    tyD_closeprotected(L, savestack(L, L->stack + 1), LUA_OK);
    tyC_freeallobjects(L);
  }
  tyM_freearray(L, g->strt.hash, g->strt.size);
  freestack(L, L);
  tyD_freecoro(L, L);
  tyassert(gettotalbytes(g) == sizeof(LG));
  tyJ_closestate(g);  /* native-tier records of image prototypes (vm/jit.c) */
  {
    TyImage *img = (TyImage *)g->image;  /* unmapped last: nothing points into it now */
    (*g->frealloc)(g->ud, fromstate(L), sizeof(LG), 0);
    tyI_close(img);
  }
}

static lua_State *newstate(lua_Alloc f, void *ud, TyImage *img) {
  LG *block = (LG *)(*f)(ud, NULL, LUA_TTHREAD, sizeof(LG));
  global_State *g;
  lua_State *L;
  if (block == NULL)
    return NULL;
  /* every field of both structures that is not set below starts as 0 or NULL:
  ** empty object lists and string table, no metatables, no panic or warning
  ** function, no memory limit, no image */
  memset(block, 0, sizeof(LG));
  g = &block->g;
  L = &block->l.l;
  /* the main thread is the first object: white, alone in allgc */
  g->currentwhite = bitmask(WHITE0BIT);
  L->tt = TY_VTHREAD;
  L->marked = tyC_white(g);
  preinit_thread(L, g);
  g->mainthread = L;
  g->allgc = obj2gco(L);
  /* memory: the allocator, and this block as the first allocation */
  g->frealloc = f;
  g->ud = ud;
  g->totalbytes = (l_mem)sizeof(LG);
  g->seed = makeseed(L);
  /* the collector: incremental, with the default tuning; it stays off until
  ** f_luaopen has built the state */
  g->gckind = KGC_INC;
  g->gcstate = GCSpause;
  g->gcstp = GCSTPGC;
  g->gcpause = TY_GCPAUSE;
  g->gcstepmul = TY_GCMUL;
  g->gcstepsize = TY_GCSTEPSIZE;
  g->genminormul = 20;
  g->genmajormul = 25;  /* 100%, stored divided by 4 (api.c) */
  setnilvalue(&g->l_registry);
  setivalue(&g->nilvalue, 0);  /* not a nil until the state is complete */
  if (tyD_rawrunprotected(L, f_luaopen, img) != LUA_OK) {
    close_state(L);  /* out of memory while building */
    return NULL;
  }
  return L;
}

LUA_API lua_State *lua_newstate(lua_Alloc f, void *ud) {
  return newstate(f, ud, NULL);
}

LUA_API lua_State *tycho_newstate_imagef(lua_Alloc f, void *ud, const char *path,
                                         char *err, size_t errlen) {
  lua_State *L;
  TyImage *img = tyI_open(path, err, errlen);
  if (img == NULL)
    return NULL;
  L = newstate(f, ud, img);
  if (L == NULL)
    snprintf(err, errlen, "not enough memory");
  return L;
}

LUA_API void lua_close(lua_State *L) {
  L = G(L)->mainthread;  /* only the main thread can be closed */
  close_state(L);
}

/* ---- warnings ---- */

void tyE_warning(lua_State *L, const char *msg, int tocont) {
  lua_WarnFunction wf = G(L)->warnf;
  if (wf != NULL)
    wf(G(L)->ud_warn, msg, tocont);
}

/* warns "error in <where> (<message>)", the message being the error object on
** the top (or a stand-in when that is not a string); one warning in pieces */
void tyE_warnerror(lua_State *L, const char *where) {
  const TValue *err = L->top - 1;
  const char *piece[5];
  int i;
  piece[0] = "error in ";
  piece[1] = where;
  piece[2] = " (";
  piece[3] = ttisstring(err) ? svalue(err) : "error object is not a string";
  piece[4] = ")";
  for (i = 0; i < 5; i++)
    tyE_warning(L, piece[i], i < 4);  /* all but the last continue the message */
}

/* ---- tycho extensions ---- */

LUA_API void tycho_setmemlimit(lua_State *L, size_t limit) {
  G(L)->memlimit = limit;
}

LUA_API size_t tycho_getmemlimit(lua_State *L) {
  return G(L)->memlimit;
}
