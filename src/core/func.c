/* func.c: prototypes, closures, upvalues (open list per thread) and to-be-closed variables. */
#include <stddef.h>
#include <string.h>
#include "func.h"
#include "gc.h"
#include "mem.h"
#include "../vm/do.h"
#include "../vm/debug.h"
#include "../vm/tm.h"
#include "../vm/jit.h"

CClosure *tyF_newCclosure(lua_State *L, int nupvals) {
  GCObject *o = tyC_newobj(L, TY_VCCL, sizeCclosure(nupvals));
  CClosure *c = gco2ccl(o);
  int i;
  c->nupvalues = (lu_byte)nupvals;
  c->gclist = NULL;
  c->f = NULL;
  for (i = 0; i < nupvals; i++)
    setnilvalue(&c->upvalue[i]);
  return c;
}

LClosure *tyF_newLclosure(lua_State *L, int nupvals) {
  GCObject *o = tyC_newobj(L, TY_VLCL, sizeLclosure(nupvals));
  LClosure *c = gco2lcl(o);
  int i;
  c->nupvalues = (lu_byte)nupvals;
  c->gclist = NULL;
  c->p = NULL;
  for (i = 0; i < nupvals; i++)
    c->upvals[i] = NULL;
  return c;
}

/* a new upvalue object; the caller makes it open or closed */
static UpVal *allocupval(lua_State *L) {
  UpVal *uv = gco2upv(tyC_newobj(L, TY_VUPVAL, sizeof(UpVal)));
  uv->tbc = 0;
  return uv;
}

/* gives every upvalue of cl a fresh closed upvalue holding nil (main chunks
** and functions loaded from a binary chunk, whose upvalues no stack owns) */
void tyF_initupvals(lua_State *L, LClosure *cl) {
  UpVal **cell = cl->upvals;
  UpVal **end = cell + cl->nupvalues;
  for (; cell < end; cell++) {
    UpVal *uv = allocupval(L);
    uv->v = &uv->u.value;
    setnilvalue(&uv->u.value);
    *cell = uv;
    tyC_objbarrier(L, cl, uv);
  }
}

/* a new open upvalue for `level`, linked after *prev in L's open list */
static UpVal *newupval(lua_State *L, StkId level, UpVal **prev) {
  UpVal *uv = allocupval(L);
  UpVal *next = *prev;
  uv->v = level;
  uv->u.open.next = next;
  uv->u.open.previous = prev;
  if (next)
    next->u.open.previous = &uv->u.open.next;
  *prev = uv;
  if (L->twups == L) {  /* thread not in the list of threads with upvalues? */
    L->twups = G(L)->twups;
    G(L)->twups = L;
  }
  return uv;
}

UpVal *tyF_findupval(lua_State *L, StkId level) {
  UpVal **pp = &L->openupval;
  UpVal *p;
  while ((p = *pp) != NULL && p->v >= level) {  /* list is sorted, highest first */
    if (p->v == level)
      return p;
    pp = &p->u.open.next;
  }
  return newupval(L, level, pp);
}

void tyF_unlinkupval(UpVal *uv) {
  *uv->u.open.previous = uv->u.open.next;
  if (uv->u.open.next)
    uv->u.open.next->u.open.previous = uv->u.open.previous;
}

void tyF_closeupval(lua_State *L, StkId level) {
  UpVal *uv;
  while ((uv = L->openupval) != NULL && uv->v >= level) {
    TValue *slot = &uv->u.value;
    TValue *from = uv->v;
    tyF_unlinkupval(uv);
    setobj(L, slot, from);
    uv->v = slot;
    if (!iswhite(uv)) {  /* open upvalues are gray; a closed one may be black */
      uv->marked = (lu_byte)((uv->marked & ~WHITEBITS) | bitmask(BLACKBIT));
      tyC_barrier(L, uv, slot);
    }
  }
}

void tyF_newtbcupval(lua_State *L, StkId level) {
  if (l_isfalse(level))  /* false and nil need no closing */
    return;
  if (ttisnil(tyT_gettmbyobj(L, level, TM_CLOSE))) {
    int idx = (int)(level - L->ci->func);
    const char *vname = tyG_findlocal(L, L->ci, idx, NULL);
    if (vname == NULL)
      vname = "?";
    tyG_runerror(L, "variable '%s' got a non-closable value", vname);
  }
  tyM_growvector(L, L->tbc, L->ntbc, L->sizetbc, ptrdiff_t, INT_MAX,
                 "to-be-closed variables");
  L->tbc[L->ntbc++] = savestack(L, level);
}

/* calls obj's __close(obj, err); 3 slots above top are guaranteed by EXTRA_STACK */
static void callclosemethod(lua_State *L, TValue *obj, TValue *err, int yy) {
  StkId top = L->top;
  const TValue *tm = tyT_gettmbyobj(L, obj, TM_CLOSE);
  setobj2s(L, top, tm);
  setobj2s(L, top + 1, obj);
  setobj2s(L, top + 2, err);
  L->top = top + 3;
  if (yy)
    tyD_call(L, top, 0);
  else
    tyD_callnoyield(L, top, 0);
}

static void prepcallclosemth(lua_State *L, StkId level, int status, int yy) {
  TValue *errobj;
  if (status == CLOSEKTOP)
    errobj = &G(L)->nilvalue;  /* no error; keep the stack top */
  else {
    errobj = level + 1;  /* error object goes after the variable */
    tyD_seterrorobj(L, status, level + 1);
  }
  callclosemethod(L, level, errobj, yy);
}

StkId tyF_close(lua_State *L, StkId level, int status, int yy) {
  ptrdiff_t levelrel = savestack(L, level);
  tyF_closeupval(L, level);
  while (L->ntbc > 0 && L->tbc[L->ntbc - 1] >= levelrel) {
    /* pop before calling: an error in __close must not run it again */
    StkId tbc = restorestack(L, L->tbc[--L->ntbc]);
    prepcallclosemth(L, tbc, status, yy);
  }
  return restorestack(L, levelrel);
}

Proto *tyF_newproto(lua_State *L) {
  Proto *f = gco2p(tyC_newobj(L, TY_VPROTO, sizeof(Proto)));
  /* everything after the GC header starts empty: no parameters, code,
  ** constants, nested functions, debug information or native code */
  memset(&f->numparams, 0, sizeof(Proto) - offsetof(Proto, numparams));
  return f;
}

void tyF_freeproto(lua_State *L, Proto *f) {
  if (f->jit) tyJ_freeproto(f);  /* the native tier's record (vm/jit.c) */
  /* the bytecode with its line table, the constants and nested prototypes,
  ** the remaining debug tables, then the prototype itself */
  tyM_freearray(L, f->code, f->sizecode);
  tyM_freearray(L, f->lineinfo, f->sizelineinfo);
  tyM_freearray(L, f->k, f->sizek);
  tyM_freearray(L, f->p, f->sizep);
  tyM_freearray(L, f->upvalues, f->sizeupvalues);
  tyM_freearray(L, f->locvars, f->sizelocvars);
  tyM_free(L, f);
}

/* name of the local_number-th active local variable at pc, or NULL */
const char *tyF_getlocalname(const Proto *f, int local_number, int pc) {
  int i;
  for (i = 0; i < f->sizelocvars && f->locvars[i].startpc <= pc; i++) {
    if (pc < f->locvars[i].endpc) {  /* variable is active? */
      local_number--;
      if (local_number == 0)
        return getstr(f->locvars[i].varname);
    }
  }
  return NULL;
}
