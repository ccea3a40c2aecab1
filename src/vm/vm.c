/* vm.c: the interpreter loop (computed goto) and the conversions and operators it shares with the API. */

/* keep one indirect jump per opcode (no tail merging of the dispatch code) */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize ("no-crossjumping")
#endif
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../core/state.h"
#include "../core/gc.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../core/func.h"
#include "opcodes.h"
#include "do.h"
#include "vm.h"
#include "tm.h"
#include "debug.h"
#include "jit.h"

#define MAXTAGLOOP 2000  /* limit for __index/__newindex chains */
#define MAXCONCATLEN ((size_t)PTRDIFF_MAX - sizeof(TString) - 1)

/* integers in [-2^53, 2^53] convert to floats exactly */
#define NBM (DBL_MANT_DIG)
#define MAXINTFITSF ((lua_Unsigned)1 << NBM)
#define l_intfitsf(i) ((MAXINTFITSF + l_castS2U(i)) <= (2 * MAXINTFITSF))

/* ======================================================================
** Conversions
** ====================================================================== */

static int l_strton(const TValue *obj, TValue *result) {
  if (!cvt2num(obj))
    return 0;
  else {
    TString *ts = tsvalue(obj);
    return (tyO_str2num(getstr(ts), result) == tsslen(ts) + 1);
  }
}

int tyV_tonumber_(lua_State *L, const TValue *obj, lua_Number *n) {
  TValue v;
  (void)L;
  if (ttisinteger(obj)) {
    *n = cast_num(ivalue(obj));
    return 1;
  }
  else if (l_strton(obj, &v)) {
    *n = nvalue(&v);
    return 1;
  }
  return 0;
}

int tyV_flttointns(lua_Number n, lua_Integer *p, F2Imod mode) {
  lua_Number f = l_floor(n);
  if (n != f) {  /* not an integral value? */
    if (mode == F2Ieq) return 0;
    else if (mode == F2Iceil) f += 1;
  }
  return lua_numbertointeger(f, p);
}

int tyV_tointegerns(const TValue *obj, lua_Integer *p, F2Imod mode) {
  if (ttisfloat(obj))
    return tyV_flttointns(fltvalue(obj), p, mode);
  else if (ttisinteger(obj)) {
    *p = ivalue(obj);
    return 1;
  }
  return 0;
}

int tyV_tointeger(const TValue *obj, lua_Integer *p, F2Imod mode) {
  TValue v;
  if (l_strton(obj, &v))
    obj = &v;
  return tyV_tointegerns(obj, p, mode);
}

/* ======================================================================
** Arithmetic helpers
** ====================================================================== */

lua_Integer tyV_idiv(lua_State *L, lua_Integer m, lua_Integer n) {
  if (l_unlikely(l_castS2U(n) + 1u <= 1u)) {  /* n is 0 or -1 */
    if (n == 0)
      tyG_runerror(L, "attempt to divide by zero");
    return intop(-, 0, m);  /* avoids overflow of minint // -1 */
  }
  else {
    lua_Integer q = m / n;
    if ((m ^ n) < 0 && m % n != 0)  /* negative non-exact result: round down */
      q -= 1;
    return q;
  }
}

lua_Integer tyV_mod(lua_State *L, lua_Integer m, lua_Integer n) {
  if (l_unlikely(l_castS2U(n) + 1u <= 1u)) {
    if (n == 0)
      tyG_runerror(L, "attempt to perform 'n%%0'");
    return 0;
  }
  else {
    lua_Integer r = m % n;
    if (r != 0 && (r ^ n) < 0)  /* result and divisor of different signs */
      r += n;
    return r;
  }
}

lua_Number tyV_modf(lua_State *L, lua_Number m, lua_Number n) {
  lua_Number r = fmod(m, n);
  (void)L;
  if ((r > 0) ? n < 0 : (r < 0 && n > 0))  /* signs differ: floor, not trunc */
    r += n;
  return r;
}

#define NBITS ((int)(sizeof(lua_Integer) * CHAR_BIT))

lua_Integer tyV_shiftl(lua_Integer x, lua_Integer y) {
  if (y < 0) {
    if (y <= -NBITS) return 0;
    return intop(>>, x, -y);
  }
  else {
    if (y >= NBITS) return 0;
    return intop(<<, x, y);
  }
}

#define tyV_shiftr(x, y) tyV_shiftl(x, intop(-, 0, y))

/* ======================================================================
** Comparisons
** ====================================================================== */

static int LTintfloat(lua_Integer i, lua_Number f) {
  if (l_intfitsf(i))
    return cast_num(i) < f;
  else {  /* i < f <=> i < ceil(f) */
    lua_Integer fi;
    if (tyV_flttointns(f, &fi, F2Iceil))
      return i < fi;
    return f > 0;  /* f out of integer range (or NaN) */
  }
}

static int LEintfloat(lua_Integer i, lua_Number f) {
  if (l_intfitsf(i))
    return cast_num(i) <= f;
  else {  /* i <= f <=> i <= floor(f) */
    lua_Integer fi;
    if (tyV_flttointns(f, &fi, F2Ifloor))
      return i <= fi;
    return f > 0;
  }
}

static int LTfloatint(lua_Number f, lua_Integer i) {
  if (l_intfitsf(i))
    return f < cast_num(i);
  else {  /* f < i <=> floor(f) < i */
    lua_Integer fi;
    if (tyV_flttointns(f, &fi, F2Ifloor))
      return fi < i;
    return f < 0;
  }
}

static int LEfloatint(lua_Number f, lua_Integer i) {
  if (l_intfitsf(i))
    return f <= cast_num(i);
  else {  /* f <= i <=> ceil(f) <= i */
    lua_Integer fi;
    if (tyV_flttointns(f, &fi, F2Iceil))
      return fi <= i;
    return f < 0;
  }
}

static inline int LTnum(const TValue *l, const TValue *r) {
  if (ttisinteger(l)) {
    lua_Integer li = ivalue(l);
    if (ttisinteger(r)) return li < ivalue(r);
    return LTintfloat(li, fltvalue(r));
  }
  else {
    lua_Number lf = fltvalue(l);
    if (ttisfloat(r)) return lf < fltvalue(r);
    return LTfloatint(lf, ivalue(r));
  }
}

static inline int LEnum(const TValue *l, const TValue *r) {
  if (ttisinteger(l)) {
    lua_Integer li = ivalue(l);
    if (ttisinteger(r)) return li <= ivalue(r);
    return LEintfloat(li, fltvalue(r));
  }
  else {
    lua_Number lf = fltvalue(l);
    if (ttisfloat(r)) return lf <= fltvalue(r);
    return LEfloatint(lf, ivalue(r));
  }
}

static int lessthanothers(lua_State *L, const TValue *l, const TValue *r) {
  if (ttisstring(l) && ttisstring(r))
    return tyS_cmp(tsvalue(l), tsvalue(r)) < 0;
  return tyT_callorderTM(L, l, r, TM_LT);
}

static int lessequalothers(lua_State *L, const TValue *l, const TValue *r) {
  if (ttisstring(l) && ttisstring(r))
    return tyS_cmp(tsvalue(l), tsvalue(r)) <= 0;
  return tyT_callorderTM(L, l, r, TM_LE);
}

int tyV_lessthan(lua_State *L, const TValue *l, const TValue *r) {
  if (ttisnumber(l) && ttisnumber(r))
    return LTnum(l, r);
  return lessthanothers(L, l, r);
}

int tyV_lessequal(lua_State *L, const TValue *l, const TValue *r) {
  if (ttisnumber(l) && ttisnumber(r))
    return LEnum(l, r);
  return lessequalothers(L, l, r);
}

/* L == NULL: raw equality (no __eq) */
int tyV_equalobj(lua_State *L, const TValue *t1, const TValue *t2) {
  const TValue *tm;
  if (ttypetag(t1) != ttypetag(t2)) {  /* different variants */
    if (ttype(t1) != ttype(t2) || ttype(t1) != LUA_TNUMBER)
      return 0;
    else {  /* integer vs float: compare mathematically */
      lua_Integer i1, i2;
      return (tyV_tointegerns(t1, &i1, F2Ieq) &&
              tyV_tointegerns(t2, &i2, F2Ieq) && i1 == i2);
    }
  }
  switch (ttypetag(t1)) {
    case TY_VNIL: case TY_VFALSE: case TY_VTRUE: return 1;
    case TY_VNUMINT: return (ivalue(t1) == ivalue(t2));
    case TY_VNUMFLT: return fltvalue(t1) == fltvalue(t2);
    case TY_VLIGHTUD: return pvalue(t1) == pvalue(t2);
    case TY_VLCF: return fvalue(t1) == fvalue(t2);
    case TY_VSHRSTR: return eqshrstr(tsvalue(t1), tsvalue(t2));
    case TY_VLNGSTR: return tyS_eqlngstr(tsvalue(t1), tsvalue(t2));
    case TY_VUSERDATA: {
      if (uvalue(t1) == uvalue(t2)) return 1;
      if (L == NULL) return 0;
      tm = fasttm(L, uvalue(t1)->metatable, TM_EQ);
      if (tm == NULL)
        tm = fasttm(L, uvalue(t2)->metatable, TM_EQ);
      break;
    }
    case TY_VTABLE: {
      if (hvalue(t1) == hvalue(t2)) return 1;
      if (L == NULL) return 0;
      tm = fasttm(L, hvalue(t1)->metatable, TM_EQ);
      if (tm == NULL)
        tm = fasttm(L, hvalue(t2)->metatable, TM_EQ);
      break;
    }
    default:
      return gcvalue(t1) == gcvalue(t2);
  }
  if (tm == NULL)
    return 0;
  tyT_callTMres(L, tm, t1, t2, L->top);  /* result above everything */
  return !l_isfalse(L->top);
}

/* ======================================================================
** Table access with metamethods
** ====================================================================== */

#define invalidateTMcache(t) ((t)->flags &= (lu_byte)~maskflags)

void tyV_finishget(lua_State *L, const TValue *t, TValue *key, StkId val,
                   const TValue *slot) {
  int loop;
  const TValue *tm;
  for (loop = 0; loop < MAXTAGLOOP; loop++) {
    if (slot == NULL) {  /* t is not a table */
      tm = tyT_gettmbyobj(L, t, TM_INDEX);
      if (l_unlikely(notm(tm)))
        tyG_typeerror(L, t, "index");
    }
    else {  /* t is a table whose raw entry is empty */
      tm = fasttm(L, hvalue(t)->metatable, TM_INDEX);
      if (tm == NULL) {
        setnilvalue(val);
        return;
      }
    }
    if (ttisfunction(tm)) {
      tyT_callTMres(L, tm, t, key, val);
      return;
    }
    t = tm;  /* repeat with the metamethod's value */
    if (ttistable(t)) {
      slot = tyH_get(hvalue(t), key);
      if (!isempty(slot)) {
        setobj2s(L, val, slot);
        return;
      }
    }
    else
      slot = NULL;
  }
  tyG_runerror(L, "'__index' chain too long; possible loop");
}

void tyV_finishset(lua_State *L, const TValue *t, TValue *key, TValue *val,
                   const TValue *slot) {
  int loop;
  for (loop = 0; loop < MAXTAGLOOP; loop++) {
    const TValue *tm;
    if (slot != NULL) {  /* t is a table whose raw entry is empty */
      Table *h = hvalue(t);
      tm = fasttm(L, h->metatable, TM_NEWINDEX);
      if (tm == NULL) {
        tyH_finishset(L, h, key, slot, val);
        invalidateTMcache(h);
        tyC_barrierback(L, obj2gco(h), val);
        return;
      }
    }
    else {
      tm = tyT_gettmbyobj(L, t, TM_NEWINDEX);
      if (l_unlikely(notm(tm)))
        tyG_typeerror(L, t, "index");
    }
    if (ttisfunction(tm)) {
      tyT_callTM(L, tm, t, key, val);
      return;
    }
    t = tm;
    if (ttistable(t)) {
      slot = tyH_get(hvalue(t), key);
      if (!isempty(slot)) {
        setobj2t(L, (TValue *)slot, val);
        tyC_barrierback(L, gcvalue(t), val);
        return;
      }
    }
    else
      slot = NULL;
  }
  tyG_runerror(L, "'__newindex' chain too long; possible loop");
}

void tyV_gettable(lua_State *L, const TValue *t, TValue *key, StkId val) {
  const TValue *slot;
  if (ttistable(t)) {
    slot = tyH_get(hvalue(t), key);
    if (!isempty(slot)) {
      setobj2s(L, val, slot);
      return;
    }
  }
  else
    slot = NULL;
  tyV_finishget(L, t, key, val, slot);
}

void tyV_settable(lua_State *L, const TValue *t, TValue *key, TValue *val) {
  const TValue *slot;
  if (ttistable(t)) {
    slot = tyH_get(hvalue(t), key);
    if (!isempty(slot)) {
      setobj2t(L, (TValue *)slot, val);
      tyC_barrierback(L, gcvalue(t), val);
      return;
    }
  }
  else
    slot = NULL;
  tyV_finishset(L, t, key, val, slot);
}

void tyV_objlen(lua_State *L, StkId ra, const TValue *rb) {
  const TValue *tm;
  switch (ttypetag(rb)) {
    case TY_VTABLE: {
      Table *h = hvalue(rb);
      tm = fasttm(L, h->metatable, TM_LEN);
      if (tm != NULL) break;
      setivalue(ra, l_castU2S(tyH_getn(h)));
      return;
    }
    case TY_VSHRSTR:
      setivalue(ra, tsvalue(rb)->shrlen);
      return;
    case TY_VLNGSTR:
      setivalue(ra, (lua_Integer)tsvalue(rb)->u.lnglen);
      return;
    default:
      tm = tyT_gettmbyobj(L, rb, TM_LEN);
      if (l_unlikely(notm(tm)))
        tyG_typeerror(L, rb, "get length of");
      break;
  }
  tyT_callTMres(L, tm, rb, rb, ra);
}

/* ======================================================================
** Concatenation
** ====================================================================== */

#define isemptystr(o) (ttisshrstring(o) && tsvalue(o)->shrlen == 0)
/* converts a number in place; true if o is (now) a string */
#define tostring(L, o) (ttisstring(o) || (cvt2str(o) && (tyO_tostring(L, o), 1)))

static void copy2buff(StkId top, int n, char *buff) {
  size_t tl = 0;
  do {
    TString *st = tsvalue(top - n);
    size_t l = tsslen(st);
    memcpy(buff + tl, getstr(st), l);
    tl += l;
  } while (--n > 0);
}

/* concatenates the 'total' values below the top, leaving the result in the first */
void tyV_concat(lua_State *L, int total) {
  if (total == 1)
    return;
  do {
    StkId top = L->top;
    int n = 2;  /* values handled in this pass */
    if (!(ttisstring(top - 2) || cvt2str(top - 2)) || !tostring(L, top - 1))
      tyT_trybinTM(L, top - 2, top - 1, top - 2, TM_CONCAT);
    else if (isemptystr(top - 1))
      (void)tostring(L, top - 2);  /* result is the first operand */
    else if (isemptystr(top - 2)) {
      setobjs2s(L, top - 2, top - 1);
    }
    else {  /* at least two non-empty strings: take as many as possible */
      size_t tl = tsslen(tsvalue(top - 1));
      TString *ts;
      for (n = 1; n < total && tostring(L, top - n - 1); n++) {
        size_t l = tsslen(tsvalue(top - n - 1));
        if (l_unlikely(l >= (MAXCONCATLEN - tl))) {
          L->top = top - total;
          tyG_runerror(L, "string length overflow");
        }
        tl += l;
      }
      if (tl <= TY_MAXSHORTLEN) {
        char buff[TY_MAXSHORTLEN];
        copy2buff(top, n, buff);
        ts = tyS_newlstr(L, buff, tl);
      }
      else {  /* build the long string in place, once */
        ts = tyS_createlngstrobj(L, tl);
        copy2buff(top, n, getstr(ts));
        getstr(ts)[tl] = '\0';
      }
      setsvalue(L, top - n, ts);
    }
    total -= n - 1;
    L->top -= n - 1;
  } while (total > 1);
}

/* ======================================================================
** Numeric for
** ====================================================================== */

/*
** Converts the limit of an integer loop; returns 1 if the loop must be
** skipped.  Float limits are floored/ceiled; out-of-range ones are clipped.
*/
static int forlimit(lua_State *L, lua_Integer init, const TValue *lim,
                    lua_Integer *p, lua_Integer step) {
  if (!tyV_tointeger(lim, p, (step < 0 ? F2Iceil : F2Ifloor))) {
    lua_Number flim;
    if (!tonumber(lim, &flim))
      tyG_forerror(L, lim, "limit");
    /* flim is a float out of integer bounds (or NaN) */
    if (0 < flim) {
      if (step < 0) return 1;
      *p = LUA_MAXINTEGER;
    }
    else {
      if (step > 0) return 1;
      *p = LUA_MININTEGER;
    }
  }
  return (step > 0 ? init > *p : init < *p);
}

/* returns 1 if the loop must not run */
static int forprep(lua_State *L, StkId ra) {
  TValue *pinit = ra;
  TValue *plimit = ra + 1;
  TValue *pstep = ra + 2;
  if (ttisinteger(pinit) && ttisinteger(pstep)) {
    lua_Integer init = ivalue(pinit);
    lua_Integer step = ivalue(pstep);
    lua_Integer limit;
    if (step == 0)
      tyG_runerror(L, "'for' step is zero");
    setivalue(ra + 3, init);
    if (forlimit(L, init, plimit, &limit, step))
      return 1;
    else {  /* iteration count, computed without overflow */
      lua_Unsigned count;
      if (step > 0) {
        count = l_castS2U(limit) - l_castS2U(init);
        if (step != 1)
          count /= l_castS2U(step);
      }
      else {
        count = l_castS2U(init) - l_castS2U(limit);
        count /= l_castS2U(-(step + 1)) + 1u;
      }
      setivalue(plimit, l_castU2S(count));
    }
  }
  else {
    lua_Number init, flimit, step;
    if (l_unlikely(!tonumber(plimit, &flimit)))
      tyG_forerror(L, plimit, "limit");
    if (l_unlikely(!tonumber(pstep, &step)))
      tyG_forerror(L, pstep, "step");
    if (l_unlikely(!tonumber(pinit, &init)))
      tyG_forerror(L, pinit, "initial value");
    if (step == 0)
      tyG_runerror(L, "'for' step is zero");
    if ((0 < step) ? (flimit < init) : (init < flimit))
      return 1;
    setfltvalue(plimit, flimit);
    setfltvalue(pstep, step);
    setfltvalue(ra, init);
    setfltvalue(ra + 3, init);
  }
  return 0;
}

static inline int floatforloop(StkId ra) {
  lua_Number step = fltvalue(ra + 2);
  lua_Number limit = fltvalue(ra + 1);
  lua_Number idx = fltvalue(ra);
  idx += step;
  if ((0 < step) ? (idx <= limit) : (limit <= idx)) {
    setfltvalue(ra, idx);  /* set the tag too: a crafted chunk may reach FORLOOP without FORPREP */
    setfltvalue(ra + 3, idx);
    return 1;
  }
  return 0;
}

/* ======================================================================
** Closures
** ====================================================================== */

static void pushclosure(lua_State *L, Proto *p, UpVal **encup, StkId base, StkId ra) {
  int nup = p->sizeupvalues;
  Upvaldesc *uv = p->upvalues;
  int i;
  LClosure *ncl = tyF_newLclosure(L, nup);
  ncl->p = p;
  setclLvalue(L, ra, ncl);  /* anchor it */
  for (i = 0; i < nup; i++) {
    if (uv[i].instack)
      ncl->upvals[i] = tyF_findupval(L, base + uv[i].idx);
    else
      ncl->upvals[i] = encup[uv[i].idx];
    tyC_objbarrier(L, ncl, ncl->upvals[i]);
  }
}

/* ======================================================================
** The interpreter
** ====================================================================== */

static inline const TValue *fastgetint(Table *h, lua_Integer n) {
  lua_Unsigned u = l_castS2U(n) - 1u;
  return (u < h->asize) ? &h->array[u] : tyH_getint(h, n);
}

/* raw lookup of any key (used by GETTABLE/SETTABLE fast paths) */
static inline const TValue *fastgetany(Table *h, const TValue *key) {
  if (ttisinteger(key)) return fastgetint(h, ivalue(key));
  if (ttisshrstring(key)) return tyH_getshortstr(h, tsvalue(key));
  return tyH_get(h, key);
}

#define l_addi(L, a, b) intop(+, a, b)
#define l_subi(L, a, b) intop(-, a, b)
#define l_muli(L, a, b) intop(*, a, b)
#define l_band(a, b) intop(&, a, b)
#define l_bor(a, b) intop(|, a, b)
#define l_bxor(a, b) intop(^, a, b)
#define l_lti(a, b) ((a) < (b))
#define l_lei(a, b) ((a) <= (b))
#define l_gti(a, b) ((a) > (b))
#define l_gei(a, b) ((a) >= (b))

/* integer % and // without a call when the divisor is not 0 or -1 */
static inline lua_Integer imodfast(lua_Integer m, lua_Integer n) {
  lua_Integer r = m % n;
  if (r != 0 && (r ^ n) < 0) r += n;
  return r;
}
static inline lua_Integer idivfast(lua_Integer m, lua_Integer n) {
  lua_Integer q = m / n;
  if ((m ^ n) < 0 && m % n != 0) q -= 1;
  return q;
}
#define l_imod(L, a, b) (l_likely(l_castS2U(b) + 1u > 1u) ? imodfast(a, b) \
                         : (savestate(L, ci), tyV_mod(L, a, b)))
#define l_idiv(L, a, b) (l_likely(l_castS2U(b) + 1u > 1u) ? idivfast(a, b) \
                         : (savestate(L, ci), tyV_idiv(L, a, b)))

#define n_add(L, a, b) ((a) + (b))
#define n_sub(L, a, b) ((a) - (b))
#define n_mul(L, a, b) ((a) * (b))
#define n_div(L, a, b) ((a) / (b))
#define n_pow(L, a, b) (((b) == 2) ? (a) * (a) : pow(a, b))
#define n_idiv(L, a, b) (floor((a) / (b)))
#define n_mod(L, a, b) tyV_modf(L, a, b)

#define RA(i) (base + GETARG_A(i))
#define RB(i) (base + GETARG_B(i))
#define RC(i) (base + GETARG_C(i))
#define KB(i) (k + GETARG_B(i))
#define KC(i) (k + GETARG_C(i))
#define RKC(i) ((TESTARG_k(i)) ? k + GETARG_C(i) : base + GETARG_C(i))

#define updatetrap(ci) (trap = (ci)->u.l.trap)
#define updatebase(ci) (base = (ci)->func + 1)
#define savepc(L) (ci->u.l.savedpc = pc)
#define savestate(L, ci) (savepc(L), L->top = (ci)->top)
/* for anything that may raise, call Lua or move the stack */
#define Protect(exp) { savestate(L, ci); exp; updatetrap(ci); updatebase(ci); }
#define ProtectNT(exp) { savepc(L); exp; updatetrap(ci); updatebase(ci); }
/* may raise but neither runs Lua code nor moves the stack */
#define halfProtect(exp) { savestate(L, ci); exp; }
#define checkGC(L, c) \
  tyC_condGC(L, (savepc(L), L->top = (c)), (updatetrap(ci), updatebase(ci)))

#define dojump(ci, i, e) { pc += GETARG_sJ(i) + (e); updatetrap(ci); }
#define donextjump(ci) { Instruction ni = *pc; dojump(ci, ni, 1); }
#define docondjump() { if (cond != GETARG_k(i)) pc++; else donextjump(ci); }

#define vmfetch() { \
  if (l_unlikely(trap)) { trap = tyG_traceexec(L, pc); updatebase(ci); } \
  i = *(pc++); ra = RA(i); }
#define vmdispatch(o) goto *disptab[o]
#define vmcase(l) L_##l:
#define vmbreak { vmfetch(); vmdispatch(GET_OPCODE(i)); }

/* R[A] := R[B] op R[C] / K[C], with integer and float fast paths */
#define op_arith_aux(v1, v2, iop, fop, ev, flip) { \
  if (ttisinteger(v1) && ttisinteger(v2)) { \
    lua_Integer i1_ = ivalue(v1); lua_Integer i2_ = ivalue(v2); \
    setivalue(ra, iop(L, i1_, i2_)); } \
  else { lua_Number n1_, n2_; \
    if (tonumberns(v1, n1_) && tonumberns(v2, n2_)) { setfltvalue(ra, fop(L, n1_, n2_)); } \
    else Protect(tyT_trybinassocTM(L, v1, v2, flip, ra, ev)); } }

#define op_arithf_aux(v1, v2, fop, ev, flip) { \
  lua_Number n1_, n2_; \
  if (tonumberns(v1, n1_) && tonumberns(v2, n2_)) { setfltvalue(ra, fop(L, n1_, n2_)); } \
  else Protect(tyT_trybinassocTM(L, v1, v2, flip, ra, ev)); }

#define op_bitwise_aux(v1, v2, op, ev, flip) { \
  lua_Integer i1_, i2_; \
  if (tointegerns(v1, &i1_) && tointegerns(v2, &i2_)) { setivalue(ra, op(i1_, i2_)); } \
  else Protect(tyT_trybinassocTM(L, v1, v2, flip, ra, ev)); }

#define op_order(opi, opn, other) { \
  int cond; TValue *rb = RB(i); \
  if (ttisinteger(ra) && ttisinteger(rb)) cond = opi(ivalue(ra), ivalue(rb)); \
  else if (ttisnumber(ra) && ttisnumber(rb)) cond = opn(ra, rb); \
  else Protect(cond = other(L, ra, rb)); \
  docondjump(); }

#define op_orderI(opi, opf, inv, tm) { \
  int cond; int im = GETARG_sB(i); \
  if (ttisinteger(ra)) cond = opi(ivalue(ra), im); \
  else if (ttisfloat(ra)) { lua_Number fa_ = fltvalue(ra); lua_Number fim_ = cast_num(im); \
    cond = opf(fa_, fim_); } \
  else { int isf_ = GETARG_C(i); Protect(cond = tyT_callorderiTM(L, ra, im, inv, isf_, tm)); } \
  docondjump(); }

#define sh_l(a, b) tyV_shiftl(a, b)
#define sh_r(a, b) tyV_shiftr(a, b)

/*
** After a restored coroutine's metamethod call returns (its result on the top),
** what the interrupted instruction still had to do: store the result, take or
** skip the comparison's jump, or go on concatenating.  Calls need nothing.
*/
int tyV_canfinish(Instruction i) {
  switch (GET_OPCODE(i)) {
    case OP_CALL: case OP_TAILCALL: case OP_TFORCALL:
    case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD: case OP_SELF:
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
    case OP_ADDI: case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK:
    case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
    case OP_SHRI: case OP_SHLI: case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD:
    case OP_POW: case OP_DIV: case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR:
    case OP_SHL: case OP_SHR: case OP_UNM: case OP_BNOT: case OP_LEN:
    case OP_EQ: case OP_LT: case OP_LE: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
    case OP_CONCAT:
      return 1;
    default:  /* OP_CLOSE, OP_RETURN (__close): not restorable */
      return 0;
  }
}

int tyV_finishOp(lua_State *L) {
  CallInfo *ci = L->ci;
  StkId base = ci->func + 1;
  Instruction inst = *(ci->u.l.savedpc - 1);
  switch (GET_OPCODE(inst)) {
    case OP_CALL: case OP_TAILCALL: case OP_TFORCALL:
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
      return 1;
    case OP_EQ: case OP_LT: case OP_LE: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: {
      int res = !l_isfalse(L->top - 1);
      L->top--;
      if (ci->callstatus & CIST_LEQ) {  /* __lt standing in for __le */
        ci->callstatus ^= CIST_LEQ;
        res = !res;
      }
      if (res != GETARG_k(inst))
        ci->u.l.savedpc++;  /* skip the jump */
      return 1;
    }
    case OP_CONCAT: {
      StkId top = L->top - 1;  /* the top when the __concat call was made */
      int total = cast_int(top - 1 - (base + GETARG_A(inst)));  /* still to join */
      setobjs2s(L, top - 2, top);
      L->top = top - 1;
      tyV_concat(L, total);
      return 1;
    }
    default:
      if (!tyV_canfinish(inst)) return 0;
      L->top--;  /* the metamethod's result goes to RA */
      setobjs2s(L, base + GETARG_A(inst), L->top);
      return 1;
  }
}

void tyV_execute(lua_State *L, CallInfo *ci) {
  LClosure *cl;
  TValue *k;
  StkId base;
  const Instruction *pc;
  int trap;
  Instruction i;
  StkId ra;
  static const void *const disptab[NUM_OPCODES] = {
    &&L_OP_MOVE, &&L_OP_LOADI, &&L_OP_LOADF, &&L_OP_LOADK, &&L_OP_LOADKX,
    &&L_OP_LOADFALSE, &&L_OP_LFALSESKIP, &&L_OP_LOADTRUE, &&L_OP_LOADNIL,
    &&L_OP_GETUPVAL, &&L_OP_SETUPVAL,
    &&L_OP_GETTABUP, &&L_OP_GETTABLE, &&L_OP_GETI, &&L_OP_GETFIELD,
    &&L_OP_SETTABUP, &&L_OP_SETTABLE, &&L_OP_SETI, &&L_OP_SETFIELD,
    &&L_OP_NEWTABLE, &&L_OP_SELF, &&L_OP_ADDI,
    &&L_OP_ADDK, &&L_OP_SUBK, &&L_OP_MULK, &&L_OP_MODK, &&L_OP_POWK,
    &&L_OP_DIVK, &&L_OP_IDIVK,
    &&L_OP_BANDK, &&L_OP_BORK, &&L_OP_BXORK, &&L_OP_SHRI, &&L_OP_SHLI,
    &&L_OP_ADD, &&L_OP_SUB, &&L_OP_MUL, &&L_OP_MOD, &&L_OP_POW, &&L_OP_DIV,
    &&L_OP_IDIV,
    &&L_OP_BAND, &&L_OP_BOR, &&L_OP_BXOR, &&L_OP_SHL, &&L_OP_SHR,
    &&L_OP_UNM, &&L_OP_BNOT, &&L_OP_NOT, &&L_OP_LEN, &&L_OP_CONCAT,
    &&L_OP_CLOSE, &&L_OP_TBC, &&L_OP_JMP, &&L_OP_EQ, &&L_OP_LT, &&L_OP_LE,
    &&L_OP_EQK, &&L_OP_EQI, &&L_OP_LTI, &&L_OP_LEI, &&L_OP_GTI, &&L_OP_GEI,
    &&L_OP_TEST, &&L_OP_TESTSET, &&L_OP_CALL, &&L_OP_TAILCALL,
    &&L_OP_RETURN, &&L_OP_RETURN0, &&L_OP_RETURN1,
    &&L_OP_FORLOOP, &&L_OP_FORPREP, &&L_OP_TFORPREP, &&L_OP_TFORCALL,
    &&L_OP_TFORLOOP,
    &&L_OP_SETLIST, &&L_OP_CLOSURE, &&L_OP_VARARG, &&L_OP_VARARGPREP,
    &&L_OP_EXTRAARG
  };
  _Static_assert(sizeof(disptab) / sizeof(disptab[0]) == NUM_OPCODES,
                 "dispatch table out of sync with OpCode");
 startfunc:
  trap = L->hookmask;
  if (tyJ_active && !trap && tyJ_wanted(clLvalue(ci->func)->p)) {  /* native tier: jit.c */
    int jr = tyJ_enter(L, ci);
    if (jr != TYJ_INTERPRET) trap = L->hookmask;
    if (jr == TYJ_RETURNED) goto ret;
  }
 returning:
  cl = clLvalue(ci->func);
  k = cl->p->k;
  pc = ci->u.l.savedpc;
  if (l_unlikely(trap)) {
    if (pc == cl->p->code) {  /* first instruction (not a return into it)? */
      if (cl->p->is_vararg)
        trap = 0;  /* hooks start after VARARGPREP */
      else
        tyD_hookcall(L, ci);
    }
    ci->u.l.trap = 1;
  }
  base = ci->func + 1;
  vmfetch();
  vmdispatch(GET_OPCODE(i));
  {
    vmcase(OP_MOVE) {
      setobjs2s(L, ra, RB(i));
      vmbreak;
    }
    vmcase(OP_LOADI) {
      lua_Integer b = GETARG_sBx(i);
      setivalue(ra, b);
      vmbreak;
    }
    vmcase(OP_LOADF) {
      int b = GETARG_sBx(i);
      setfltvalue(ra, cast_num(b));
      vmbreak;
    }
    vmcase(OP_LOADK) {
      setobj2s(L, ra, k + GETARG_Bx(i));
      vmbreak;
    }
    vmcase(OP_LOADKX) {
      setobj2s(L, ra, k + GETARG_Ax(*pc));
      pc++;
      vmbreak;
    }
    vmcase(OP_LOADFALSE) {
      setbfvalue(ra);
      vmbreak;
    }
    vmcase(OP_LFALSESKIP) {
      setbfvalue(ra);
      pc++;
      vmbreak;
    }
    vmcase(OP_LOADTRUE) {
      setbtvalue(ra);
      vmbreak;
    }
    vmcase(OP_LOADNIL) {
      int b = GETARG_B(i);
      do {
        setnilvalue(ra++);
      } while (b--);
      vmbreak;
    }
    vmcase(OP_GETUPVAL) {
      setobj2s(L, ra, cl->upvals[GETARG_B(i)]->v);
      vmbreak;
    }
    vmcase(OP_SETUPVAL) {
      UpVal *uv = cl->upvals[GETARG_B(i)];
      setobj(L, uv->v, ra);
      tyC_barrier(L, uv, ra);
      vmbreak;
    }
    vmcase(OP_GETTABUP) {
      TValue *upval = cl->upvals[GETARG_B(i)]->v;
      TValue *rc = KC(i);
      const TValue *slot;
      if (ttistable(upval)) {
        slot = tyH_getshortstr(hvalue(upval), tsvalue(rc));
        if (!isempty(slot)) {
          setobj2s(L, ra, slot);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishget(L, upval, rc, ra, slot));
      vmbreak;
    }
    vmcase(OP_GETTABLE) {
      TValue *rb = RB(i);
      TValue *rc = RC(i);
      const TValue *slot;
      if (ttistable(rb)) {
        slot = fastgetany(hvalue(rb), rc);
        if (!isempty(slot)) {
          setobj2s(L, ra, slot);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishget(L, rb, rc, ra, slot));
      vmbreak;
    }
    vmcase(OP_GETI) {
      TValue *rb = RB(i);
      int c = GETARG_C(i);
      const TValue *slot;
      TValue key;
      if (ttistable(rb)) {
        slot = fastgetint(hvalue(rb), c);
        if (!isempty(slot)) {
          setobj2s(L, ra, slot);
          vmbreak;
        }
      }
      else
        slot = NULL;
      setivalue(&key, c);
      Protect(tyV_finishget(L, rb, &key, ra, slot));
      vmbreak;
    }
    vmcase(OP_GETFIELD) {
      TValue *rb = RB(i);
      TValue *rc = KC(i);
      const TValue *slot;
      if (ttistable(rb)) {
        slot = tyH_getshortstr(hvalue(rb), tsvalue(rc));
        if (!isempty(slot)) {
          setobj2s(L, ra, slot);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishget(L, rb, rc, ra, slot));
      vmbreak;
    }
    vmcase(OP_SETTABUP) {
      TValue *upval = cl->upvals[GETARG_A(i)]->v;
      TValue *rb = KB(i);
      TValue *rc = RKC(i);
      const TValue *slot;
      if (ttistable(upval)) {
        slot = tyH_getshortstr(hvalue(upval), tsvalue(rb));
        if (!isempty(slot)) {
          setobj2t(L, (TValue *)slot, rc);
          tyC_barrierback(L, gcvalue(upval), rc);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishset(L, upval, rb, rc, slot));
      vmbreak;
    }
    vmcase(OP_SETTABLE) {
      TValue *rb = RB(i);
      TValue *rc = RKC(i);
      const TValue *slot;
      if (ttistable(ra)) {
        slot = fastgetany(hvalue(ra), rb);
        if (!isempty(slot)) {
          setobj2t(L, (TValue *)slot, rc);
          tyC_barrierback(L, gcvalue(ra), rc);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishset(L, ra, rb, rc, slot));
      vmbreak;
    }
    vmcase(OP_SETI) {
      int b = GETARG_B(i);
      TValue *rc = RKC(i);
      const TValue *slot;
      TValue key;
      if (ttistable(ra)) {
        slot = fastgetint(hvalue(ra), b);
        if (!isempty(slot)) {
          setobj2t(L, (TValue *)slot, rc);
          tyC_barrierback(L, gcvalue(ra), rc);
          vmbreak;
        }
      }
      else
        slot = NULL;
      setivalue(&key, b);
      Protect(tyV_finishset(L, ra, &key, rc, slot));
      vmbreak;
    }
    vmcase(OP_SETFIELD) {
      TValue *rb = KB(i);
      TValue *rc = RKC(i);
      const TValue *slot;
      if (ttistable(ra)) {
        slot = tyH_getshortstr(hvalue(ra), tsvalue(rb));
        if (!isempty(slot)) {
          setobj2t(L, (TValue *)slot, rc);
          tyC_barrierback(L, gcvalue(ra), rc);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishset(L, ra, rb, rc, slot));
      vmbreak;
    }
    vmcase(OP_NEWTABLE) {
      int b = GETARG_B(i);
      unsigned int c = (unsigned int)GETARG_C(i);
      Table *t;
      if (b > 0)
        b = 1 << (b - 1);  /* hash size */
      if (TESTARG_k(i))
        c += (unsigned int)GETARG_Ax(*pc) * (MAXARG_C + 1);
      pc++;  /* skip EXTRAARG */
      savestate(L, ci);
      t = tyH_new(L);
      sethvalue(L, ra, t);
      if (b != 0 || c != 0)
        tyH_resize(L, t, c, (unsigned int)b);
      checkGC(L, ra + 1);
      vmbreak;
    }
    vmcase(OP_SELF) {
      TValue *rb = RB(i);
      TValue *rc = RKC(i);
      const TValue *slot;
      setobjs2s(L, ra + 1, rb);
      if (ttistable(rb)) {
        slot = ttisshrstring(rc) ? tyH_getshortstr(hvalue(rb), tsvalue(rc))
             : ttisstring(rc) ? tyH_getstr(hvalue(rb), tsvalue(rc))
             : tyH_get(hvalue(rb), rc);  /* a register key is any value in a crafted chunk */
        if (!isempty(slot)) {
          setobj2s(L, ra, slot);
          vmbreak;
        }
      }
      else
        slot = NULL;
      Protect(tyV_finishget(L, rb, rc, ra, slot));
      vmbreak;
    }
    vmcase(OP_ADDI) {
      TValue *v1 = RB(i);
      int imm = GETARG_sC(i);
      if (ttisinteger(v1)) {
        lua_Integer iv1 = ivalue(v1);
        setivalue(ra, intop(+, iv1, imm));
      }
      else if (ttisfloat(v1)) {
        lua_Number nb = fltvalue(v1);
        setfltvalue(ra, nb + cast_num(imm));
      }
      else
        Protect(tyT_trybiniTM(L, v1, imm, TESTARG_k(i), ra, TM_ADD));
      vmbreak;
    }
    vmcase(OP_ADDK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arith_aux(v1, v2, l_addi, n_add, TM_ADD, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_SUBK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arith_aux(v1, v2, l_subi, n_sub, TM_SUB, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_MULK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arith_aux(v1, v2, l_muli, n_mul, TM_MUL, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_MODK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arith_aux(v1, v2, l_imod, n_mod, TM_MOD, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_POWK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arithf_aux(v1, v2, n_pow, TM_POW, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_DIVK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arithf_aux(v1, v2, n_div, TM_DIV, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_IDIVK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_arith_aux(v1, v2, l_idiv, n_idiv, TM_IDIV, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_BANDK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_bitwise_aux(v1, v2, l_band, TM_BAND, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_BORK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_bitwise_aux(v1, v2, l_bor, TM_BOR, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_BXORK) {
      TValue *v1 = RB(i); TValue *v2 = KC(i);
      op_bitwise_aux(v1, v2, l_bxor, TM_BXOR, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_SHRI) {
      TValue *rb = RB(i);
      int ic = GETARG_sC(i);
      lua_Integer ib;
      if (tointegerns(rb, &ib)) {
        setivalue(ra, tyV_shiftl(ib, -ic));
      }
      else
        Protect(tyT_trybiniTM(L, rb, ic, 0, ra, TM_SHR));
      vmbreak;
    }
    vmcase(OP_SHLI) {
      TValue *rb = RB(i);
      int ic = GETARG_sC(i);
      lua_Integer ib;
      if (tointegerns(rb, &ib)) {
        setivalue(ra, tyV_shiftl(ic, ib));
      }
      else
        Protect(tyT_trybiniTM(L, rb, ic, 1, ra, TM_SHL));
      vmbreak;
    }
    vmcase(OP_ADD) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arith_aux(v1, v2, l_addi, n_add, TM_ADD, 0);
      vmbreak;
    }
    vmcase(OP_SUB) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arith_aux(v1, v2, l_subi, n_sub, TM_SUB, 0);
      vmbreak;
    }
    vmcase(OP_MUL) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arith_aux(v1, v2, l_muli, n_mul, TM_MUL, 0);
      vmbreak;
    }
    vmcase(OP_MOD) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arith_aux(v1, v2, l_imod, n_mod, TM_MOD, 0);
      vmbreak;
    }
    vmcase(OP_POW) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arithf_aux(v1, v2, n_pow, TM_POW, 0);
      vmbreak;
    }
    vmcase(OP_DIV) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arithf_aux(v1, v2, n_div, TM_DIV, 0);
      vmbreak;
    }
    vmcase(OP_IDIV) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_arith_aux(v1, v2, l_idiv, n_idiv, TM_IDIV, 0);
      vmbreak;
    }
    vmcase(OP_BAND) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_bitwise_aux(v1, v2, l_band, TM_BAND, 0);
      vmbreak;
    }
    vmcase(OP_BOR) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_bitwise_aux(v1, v2, l_bor, TM_BOR, 0);
      vmbreak;
    }
    vmcase(OP_BXOR) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_bitwise_aux(v1, v2, l_bxor, TM_BXOR, 0);
      vmbreak;
    }
    vmcase(OP_SHL) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_bitwise_aux(v1, v2, sh_l, TM_SHL, 0);
      vmbreak;
    }
    vmcase(OP_SHR) {
      TValue *v1 = RB(i); TValue *v2 = RC(i);
      op_bitwise_aux(v1, v2, sh_r, TM_SHR, 0);
      vmbreak;
    }
    vmcase(OP_UNM) {
      TValue *rb = RB(i);
      if (ttisinteger(rb)) {
        lua_Integer ib = ivalue(rb);
        setivalue(ra, intop(-, 0, ib));
      }
      else if (ttisfloat(rb)) {
        lua_Number nb = fltvalue(rb);
        setfltvalue(ra, -nb);
      }
      else
        Protect(tyT_trybinTM(L, rb, rb, ra, TM_UNM));
      vmbreak;
    }
    vmcase(OP_BNOT) {
      TValue *rb = RB(i);
      lua_Integer ib;
      if (tointegerns(rb, &ib)) {
        setivalue(ra, intop(^, ~l_castS2U(0), ib));
      }
      else
        Protect(tyT_trybinTM(L, rb, rb, ra, TM_BNOT));
      vmbreak;
    }
    vmcase(OP_NOT) {
      TValue *rb = RB(i);
      if (l_isfalse(rb))
        setbtvalue(ra);
      else
        setbfvalue(ra);
      vmbreak;
    }
    vmcase(OP_LEN) {
      TValue *rb = RB(i);
      if (ttistable(rb) && hvalue(rb)->metatable == NULL) {
        setivalue(ra, l_castU2S(tyH_getn(hvalue(rb))));
        vmbreak;
      }
      Protect(tyV_objlen(L, ra, rb));
      vmbreak;
    }
    vmcase(OP_CONCAT) {
      int n = GETARG_B(i);  /* number of elements */
      L->top = ra + n;
      ProtectNT(tyV_concat(L, n));
      checkGC(L, L->top);
      vmbreak;
    }
    vmcase(OP_CLOSE) {
      Protect(tyF_close(L, ra, LUA_OK, 1));
      vmbreak;
    }
    vmcase(OP_TBC) {
      halfProtect(tyF_newtbcupval(L, ra));
      vmbreak;
    }
    vmcase(OP_JMP) {
      dojump(ci, i, 0);
      vmbreak;
    }
    vmcase(OP_EQ) {
      int cond;
      TValue *rb = RB(i);
      if (ttisinteger(ra) && ttisinteger(rb))
        cond = (ivalue(ra) == ivalue(rb));
      else
        Protect(cond = tyV_equalobj(L, ra, rb));
      docondjump();
      vmbreak;
    }
    vmcase(OP_LT) {
      op_order(l_lti, LTnum, lessthanothers);
      vmbreak;
    }
    vmcase(OP_LE) {
      op_order(l_lei, LEnum, lessequalothers);
      vmbreak;
    }
    vmcase(OP_EQK) {
      TValue *rb = KB(i);
      int cond;
      if (rawtt(ra) == rawtt(rb) && (ttisinteger(rb) || ttisshrstring(rb)))
        cond = (val_(ra).i == val_(rb).i);  /* same payload (integer or interned string) */
      else
        cond = tyV_rawequalobj(ra, rb);
      docondjump();
      vmbreak;
    }
    vmcase(OP_EQI) {
      int cond;
      int im = GETARG_sB(i);
      if (ttisinteger(ra))
        cond = (ivalue(ra) == im);
      else if (ttisfloat(ra))
        cond = (fltvalue(ra) == cast_num(im));
      else
        cond = 0;
      docondjump();
      vmbreak;
    }
    vmcase(OP_LTI) {
      op_orderI(l_lti, l_lti, 0, TM_LT);
      vmbreak;
    }
    vmcase(OP_LEI) {
      op_orderI(l_lei, l_lei, 0, TM_LE);
      vmbreak;
    }
    vmcase(OP_GTI) {
      op_orderI(l_gti, l_gti, 1, TM_LT);
      vmbreak;
    }
    vmcase(OP_GEI) {
      op_orderI(l_gei, l_gei, 1, TM_LE);
      vmbreak;
    }
    vmcase(OP_TEST) {
      int cond = !l_isfalse(ra);
      docondjump();
      vmbreak;
    }
    vmcase(OP_TESTSET) {
      TValue *rb = RB(i);
      if (l_isfalse(rb) == GETARG_k(i))
        pc++;
      else {
        setobjs2s(L, ra, rb);
        donextjump(ci);
      }
      vmbreak;
    }
    vmcase(OP_CALL) {
      CallInfo *newci;
      int b = GETARG_B(i);
      int nresults = GETARG_C(i) - 1;
      if (b != 0)
        L->top = ra + b;  /* else previous instruction set top */
      savepc(L);
      if ((newci = tyD_precall(L, ra, nresults)) == NULL) {
        updatetrap(ci);  /* C call: done */
        updatebase(ci);
      }
      else {
        ci = newci;
        goto startfunc;
      }
      vmbreak;
    }
    vmcase(OP_TAILCALL) {
      int b = GETARG_B(i);
      int n;
      int nparams1 = GETARG_C(i);
      int delta = (nparams1) ? ci->u.l.nextraargs + nparams1 : 0;
      if (b != 0)
        L->top = ra + b;
      else
        b = cast_int(L->top - ra);
      savepc(ci);
      if (TESTARG_k(i))
        tyF_closeupval(L, base);  /* no tbc variables here */
      if ((n = tyD_pretailcall(L, ci, ra, b, delta)) < 0)
        goto startfunc;  /* Lua function: frame reused */
      else {  /* C function: already called */
        ci->func -= delta;
        tyD_poscall(L, ci, n);
        updatetrap(ci);
        goto ret;
      }
    }
    vmcase(OP_RETURN) {
      int n = GETARG_B(i) - 1;
      int nparams1 = GETARG_C(i);
      if (n < 0)
        n = cast_int(L->top - ra);
      savepc(ci);
      if (TESTARG_k(i)) {  /* close upvalues and tbc variables first */
        ci->u2.nres = n;
        if (L->top < ci->top)
          L->top = ci->top;
        tyF_close(L, base, CLOSEKTOP, 1);
        updatetrap(ci);
        updatebase(ci);
        ra = RA(i);
      }
      if (nparams1)  /* vararg function: restore func */
        ci->func -= ci->u.l.nextraargs + nparams1;
      L->top = ra + n;
      tyD_poscall(L, ci, n);
      updatetrap(ci);
      goto ret;
    }
    vmcase(OP_RETURN0) {
      if (l_unlikely(L->hookmask)) {
        L->top = ra;
        savepc(ci);
        tyD_poscall(L, ci, 0);
        trap = 1;
      }
      else {
        int nres;
        L->ci = ci->previous;
        L->top = base - 1;
        for (nres = ci->nresults; l_unlikely(nres > 0); nres--)
          setnilvalue(L->top++);
      }
      goto ret;
    }
    vmcase(OP_RETURN1) {
      if (l_unlikely(L->hookmask)) {
        L->top = ra + 1;
        savepc(ci);
        tyD_poscall(L, ci, 1);
        trap = 1;
      }
      else {
        int nres = ci->nresults;
        L->ci = ci->previous;
        if (nres == 0)
          L->top = base - 1;
        else {
          setobjs2s(L, base - 1, ra);
          L->top = base;
          for (; l_unlikely(nres > 1); nres--)
            setnilvalue(L->top++);
        }
      }
      goto ret;
    }
    vmcase(OP_FORLOOP) {
      if (ttisinteger(ra + 2)) {  /* integer loop */
        lua_Unsigned count = l_castS2U(ivalue(ra + 1));
        if (count > 0) {
          lua_Integer step = ivalue(ra + 2);
          lua_Integer idx = ivalue(ra);
          setivalue(ra + 1, l_castU2S(count - 1));  /* (tags too: see floatforloop) */
          idx = intop(+, idx, step);
          setivalue(ra, idx);
          setivalue(ra + 3, idx);
          pc -= GETARG_Bx(i);
        }
      }
      else if (floatforloop(ra))
        pc -= GETARG_Bx(i);
      updatetrap(ci);
      vmbreak;
    }
    vmcase(OP_FORPREP) {
      savestate(L, ci);
      if (forprep(L, ra))
        pc += GETARG_Bx(i) + 1;
      vmbreak;
    }
    vmcase(OP_TFORPREP) {
      Protect(tyF_newtbcupval(L, ra + 3));
      pc += GETARG_Bx(i);
      i = *(pc++);
      goto l_tforcall;
    }
    vmcase(OP_TFORCALL) {
     l_tforcall:
      ra = RA(i);
      /* iterator, state, control -> call slot */
      memcpy(ra + 4, ra, 3 * sizeof(*ra));
      L->top = ra + 4 + 3;
      ProtectNT(tyD_call(L, ra + 4, GETARG_C(i)));
      i = *(pc++);
      goto l_tforloop;
    }
    vmcase(OP_TFORLOOP) {
     l_tforloop:
      ra = RA(i);
      if (!ttisnil(ra + 4)) {
        setobjs2s(L, ra + 2, ra + 4);
        pc -= GETARG_Bx(i);
      }
      vmbreak;
    }
    vmcase(OP_SETLIST) {
      int n = GETARG_B(i);
      unsigned int last = (unsigned int)GETARG_C(i);
      Table *h = hvalue(ra);
      if (n == 0)
        n = cast_int(L->top - ra) - 1;  /* up to the top */
      else
        L->top = ci->top;
      last += (unsigned int)n;
      if (TESTARG_k(i)) {
        last += (unsigned int)GETARG_Ax(*pc) * (MAXARG_C + 1);
        pc++;
      }
      if (last > h->asize) {
        savepc(L);
        tyH_resizearray(L, h, last);  /* preallocate at once */
      }
      for (; n > 0; n--) {
        TValue *val = ra + n;
        setobj2t(L, &h->array[last - 1], val);
        last--;
        tyC_barrierback(L, obj2gco(h), val);
      }
      vmbreak;
    }
    vmcase(OP_CLOSURE) {
      Proto *p = cl->p->p[GETARG_Bx(i)];
      halfProtect(pushclosure(L, p, cl->upvals, base, ra));
      checkGC(L, ra + 1);
      vmbreak;
    }
    vmcase(OP_VARARG) {
      int n = GETARG_C(i) - 1;  /* required results */
      Protect(tyT_getvarargs(L, ci, ra, n));
      vmbreak;
    }
    vmcase(OP_VARARGPREP) {
      ProtectNT(tyT_adjustvarargs(L, GETARG_A(i), ci, cl->p));
      if (l_unlikely(trap)) {  /* previous "updatetrap" */
        tyD_hookcall(L, ci);
        L->oldpc = 1;  /* next opcode is seen as a "new" line */
      }
      updatebase(ci);
      vmbreak;
    }
    vmcase(OP_EXTRAARG) {
      tyassert(0);
      vmbreak;
    }
  }
 ret:
  if (ci->callstatus & CIST_FRESH)
    return;
  ci = ci->previous;
  goto returning;
}
