/* tm.c: metamethod lookup and calls, type names, arithmetic fallbacks, vararg frames. */
#include <string.h>

#include "../core/state.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../core/gc.h"
#include "do.h"
#include "vm.h"
#include "tm.h"
#include "debug.h"

static const char udatatypename[] = "userdata";

const char *const tyT_typenames_[TY_TOTALTYPES + 1] = {
  "no value", "nil", "boolean", udatatypename, "number",
  "string", "table", "function", udatatypename, "thread",
  "upvalue", "proto"
};

void tyT_init(lua_State *L) {
  static const char *const names[TM_N] = {
    "__index", "__newindex", "__gc", "__mode", "__len", "__eq",
    "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
    "__band", "__bor", "__bxor", "__shl", "__shr",
    "__unm", "__bnot", "__lt", "__le", "__concat", "__call", "__close"
  };
  int i;
  for (i = 0; i < TM_N; i++) {
    G(L)->tmname[i] = tyS_new(L, names[i]);
    tyC_fix(L, obj2gco(G(L)->tmname[i]));  /* never collect these names */
  }
}

/* only for events <= TM_EQ: an absent entry is cached in events->flags */
const TValue *tyT_gettm(Table *events, TMS event, TString *ename) {
  const TValue *tm = tyH_getshortstr(events, ename);
  if (notm(tm)) {
    events->flags |= (lu_byte)(1u << event);
    return NULL;
  }
  return tm;
}

const TValue *tyT_gettmbyobj(lua_State *L, const TValue *o, TMS event) {
  Table *mt;
  switch (ttype(o)) {
    case LUA_TTABLE: mt = hvalue(o)->metatable; break;
    case LUA_TUSERDATA: mt = uvalue(o)->metatable; break;
    default: mt = G(L)->mt[ttype(o)];
  }
  return (mt ? tyH_getshortstr(mt, G(L)->tmname[event]) : &G(L)->nilvalue);
}

/* The type name used in messages: for a table or full userdata whose
** metatable has a string __name, that name; otherwise the basic type's. */
const char *tyT_objtypename(lua_State *L, const TValue *o) {
  Table *mt = ttistable(o) ? hvalue(o)->metatable
            : ttisfulluserdata(o) ? uvalue(o)->metatable
            : NULL;
  if (mt != NULL) {
    const TValue *name = tyH_getshortstr(mt, tyS_new(L, "__name"));
    if (ttisstring(name))
      return getstr(tsvalue(name));
  }
  return ttypename(ttype(o));
}

/* metamethods called from Lua code may yield; from C code (API) they may not */
#define isLuacode(ci) (!((ci)->callstatus & (CIST_C | CIST_HOOKED)))

void tyT_callTM(lua_State *L, const TValue *f, const TValue *p1,
                const TValue *p2, const TValue *p3) {
  StkId func = L->top;  /* EXTRA_STACK guarantees room for 4 values */
  setobj2s(L, func, f);
  setobj2s(L, func + 1, p1);
  setobj2s(L, func + 2, p2);
  setobj2s(L, func + 3, p3);
  L->top = func + 4;
  if (isLuacode(L->ci))
    tyD_call(L, func, 0);
  else
    tyD_callnoyield(L, func, 0);
}

void tyT_callTMres(lua_State *L, const TValue *f, const TValue *p1,
                   const TValue *p2, TValue *res) {
  ptrdiff_t result = savestack(L, res);
  StkId func = L->top;
  setobj2s(L, func, f);
  setobj2s(L, func + 1, p1);
  setobj2s(L, func + 2, p2);
  L->top = func + 3;
  if (isLuacode(L->ci))
    tyD_call(L, func, 1);
  else
    tyD_callnoyield(L, func, 1);
  res = restorestack(L, result);
  L->top--;
  setobjs2s(L, res, L->top);
}

static int callbinTM(lua_State *L, const TValue *p1, const TValue *p2,
                     TValue *res, TMS event) {
  const TValue *tm = tyT_gettmbyobj(L, p1, event);
  if (notm(tm))
    tm = tyT_gettmbyobj(L, p2, event);
  if (notm(tm))
    return 0;
  tyT_callTMres(L, tm, p1, p2, res);
  return 1;
}

void tyT_trybinTM(lua_State *L, const TValue *p1, const TValue *p2,
                  TValue *res, TMS event) {
  if (l_likely(callbinTM(L, p1, p2, res, event)))
    return;
  switch (event) {
    case TM_BAND: case TM_BOR: case TM_BXOR:
    case TM_SHL: case TM_SHR: case TM_BNOT:
      if (ttisnumber(p1) && ttisnumber(p2))
        tyG_tointerror(L, p1, p2);
      else
        tyG_opinterror(L, p1, p2, "perform bitwise operation on");
      break;
    case TM_CONCAT:
      tyG_concaterror(L, p1, p2);
      break;
    default:
      tyG_opinterror(L, p1, p2, "perform arithmetic on");
  }
}

void tyT_trybinassocTM(lua_State *L, const TValue *p1, const TValue *p2,
                       int flip, TValue *res, TMS event) {
  if (flip)
    tyT_trybinTM(L, p2, p1, res, event);
  else
    tyT_trybinTM(L, p1, p2, res, event);
}

void tyT_trybiniTM(lua_State *L, const TValue *p1, lua_Integer i2,
                   int flip, TValue *res, TMS event) {
  TValue aux;
  setivalue(&aux, i2);
  tyT_trybinassocTM(L, p1, &aux, flip, res, event);
}

/*
** Calls an order metamethod.  With LUA_COMPAT_LT_LE (PUC's default build,
** LUA_COMPAT_5_3) a missing __le is emulated as not (p2 < p1) with __lt.
*/
int tyT_callorderTM(lua_State *L, const TValue *p1, const TValue *p2, TMS event) {
  if (callbinTM(L, p1, p2, L->top, event))
    return !l_isfalse(L->top);
#if defined(LUA_COMPAT_LT_LE)
  if (event == TM_LE) {
    int found;
    L->ci->callstatus |= CIST_LEQ;  /* a frame restored from an image must negate too */
    found = callbinTM(L, p2, p1, L->top, TM_LT);
    L->ci->callstatus ^= CIST_LEQ;
    if (found) return l_isfalse(L->top);
  }
#endif
  tyG_ordererror(L, p1, p2);
  return 0;  /* not reached */
}

int tyT_callorderiTM(lua_State *L, const TValue *p1, int v2, int flip,
                     int isfloat, TMS event) {
  TValue aux;
  const TValue *p2;
  if (isfloat) {
    setfltvalue(&aux, cast_num(v2));
  }
  else {
    setivalue(&aux, v2);
  }
  if (flip) {  /* arguments were exchanged? */
    p2 = p1;
    p1 = &aux;
  }
  else
    p2 = &aux;
  return tyT_callorderTM(L, p1, p2, event);
}

/*
** Vararg frame: the function and its fixed parameters are copied above the
** actual arguments; the extra arguments stay below the new 'func'.
*/
void tyT_adjustvarargs(lua_State *L, int nfixparams, CallInfo *ci, const Proto *p) {
  int i;
  int actual = cast_int(L->top - ci->func) - 1;  /* number of arguments */
  int nextra = actual - nfixparams;
  if (nextra < 0) nextra = 0;  /* precall already filled missing params */
  ci->u.l.nextraargs = nextra;
  checkstackGC(L, p->maxstacksize + 1);
  setobjs2s(L, L->top, ci->func);  /* copy function to the top */
  L->top++;
  for (i = 1; i <= nfixparams; i++) {  /* move fixed parameters */
    setobjs2s(L, L->top, ci->func + i);
    L->top++;
    setnilvalue(ci->func + i);  /* erase original (for the collector) */
  }
  ci->func += actual + 1;
  ci->top += actual + 1;
}

void tyT_getvarargs(lua_State *L, CallInfo *ci, TValue *where, int wanted) {
  int i;
  int nextra = ci->u.l.nextraargs;
  if (wanted < 0) {
    wanted = nextra;  /* get all extra arguments available */
    checkstackGCp(L, nextra, where);
    L->top = where + nextra;
  }
  for (i = 0; i < wanted && i < nextra; i++)
    setobjs2s(L, where + i, ci->func - nextra + i);
  for (; i < wanted; i++)
    setnilvalue(where + i);
}
