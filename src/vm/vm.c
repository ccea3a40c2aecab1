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

/* __eq for two distinct tables or full userdata: the first operand's, else the second's */
static const TValue *eqmetamethod(lua_State *L, Table *mt1, Table *mt2) {
  const TValue *tm = fasttm(L, mt1, TM_EQ);
  return (tm != NULL) ? tm : fasttm(L, mt2, TM_EQ);
}

/*
** Lua's ==, or raw equality when L is NULL.  Values of different variants are
** equal only as an integer and a float of the same mathematical value.  Within
** a variant, short strings are interned (identity suffices) and only tables
** and full userdata may consult __eq, whose result is converted to a boolean.
*/
int tyV_equalobj(lua_State *L, const TValue *t1, const TValue *t2) {
  const TValue *tm;
  if (ttypetag(t1) != ttypetag(t2)) {
    lua_Integer i1, i2;
    return ttisnumber(t1) && ttisnumber(t2) &&
           tyV_tointegerns(t1, &i1, F2Ieq) && tyV_tointegerns(t2, &i2, F2Ieq) &&
           i1 == i2;
  }
  switch (ttypetag(t1)) {
    case TY_VNIL: case TY_VFALSE: case TY_VTRUE:
      return 1;  /* the tag is the value */
    case TY_VNUMINT: return ivalue(t1) == ivalue(t2);
    case TY_VNUMFLT: return fltvalue(t1) == fltvalue(t2);  /* NaN differs from itself */
    case TY_VLIGHTUD: return pvalue(t1) == pvalue(t2);
    case TY_VLCF: return fvalue(t1) == fvalue(t2);
    case TY_VLNGSTR: return tyS_eqlngstr(tsvalue(t1), tsvalue(t2));
    case TY_VTABLE: case TY_VUSERDATA:
      break;
    default:  /* short strings, closures, threads: identity */
      return gcvalue(t1) == gcvalue(t2);
  }
  if (gcvalue(t1) == gcvalue(t2))
    return 1;
  if (L == NULL)
    return 0;
  tm = ttistable(t1) ? eqmetamethod(L, hvalue(t1)->metatable, hvalue(t2)->metatable)
                     : eqmetamethod(L, uvalue(t1)->metatable, uvalue(t2)->metatable);
  if (tm == NULL)
    return 0;
  tyT_callTMres(L, tm, t1, t2, L->top);  /* the result goes above everything */
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

/* The # operator: a string's byte count, a table's border unless it has
** __len, and __len (or an error) for everything else. */
void tyV_objlen(lua_State *L, StkId ra, const TValue *rb) {
  const TValue *tm;
  if (ttisstring(rb)) {
    size_t len = tsslen(tsvalue(rb));
    setivalue(ra, (lua_Integer)len);
    return;
  }
  if (ttistable(rb)) {
    Table *h = hvalue(rb);
    tm = fasttm(L, h->metatable, TM_LEN);
    if (tm == NULL) {
      setivalue(ra, l_castU2S(tyH_getn(h)));
      return;
    }
  }
  else {
    tm = tyT_gettmbyobj(L, rb, TM_LEN);
    if (l_unlikely(notm(tm)))
      tyG_typeerror(L, rb, "get length of");
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
** FORPREP (manual 3.3.5).  The four slots at ra hold the initial value, the
** limit, the step and the control variable.  When the initial value and the
** step are integers the loop runs on integers, and the limit slot is turned
** into the number of iterations left, so FORLOOP can neither overflow nor
** compare; otherwise all values become floats.  Both return 1 when the body
** must not run at all.
*/

/* The integer limit for an integer loop: a float limit is rounded towards the
** start (floor for an increasing loop, ceil for a decreasing one).  A float
** beyond the integers is clipped to maxinteger/mininteger, unless the loop
** cannot run; NaN counts as below every integer. */
static int intlooplimit(lua_State *L, const TValue *lim, lua_Integer step, lua_Integer *limit) {
  lua_Number f;
  if (tyV_tointeger(lim, limit, (step > 0) ? F2Ifloor : F2Iceil))
    return 0;
  if (!tonumber(lim, &f))
    tyG_forerror(L, lim, "limit");
  if (f > 0) {
    *limit = LUA_MAXINTEGER;
    return step < 0;  /* a decreasing loop from an integer to +huge */
  }
  *limit = LUA_MININTEGER;
  return step > 0;
}

static int intforprep(lua_State *L, StkId ra, lua_Integer init, lua_Integer step) {
  lua_Integer limit;
  lua_Unsigned span, stride;
  if (step == 0)
    tyG_runerror(L, "'for' step is zero");
  if (intlooplimit(L, ra + 1, step, &limit))
    return 1;
  if (step > 0 ? limit < init : init < limit)
    return 1;
  /* unsigned arithmetic: the span of the loop and the step's magnitude both fit */
  if (step > 0) {
    span = l_castS2U(limit) - l_castS2U(init);
    stride = l_castS2U(step);
  }
  else {
    span = l_castS2U(init) - l_castS2U(limit);
    stride = 0u - l_castS2U(step);
  }
  setivalue(ra + 1, l_castU2S(stride == 1 ? span : span / stride));  /* iterations after the first */
  setivalue(ra + 3, init);
  return 0;
}

/* the values are checked in the order limit, step, initial value (the
** error names the first bad one) */
static int floatforprep(lua_State *L, StkId ra) {
  lua_Number init, limit, step;
  if (l_unlikely(!tonumber(ra + 1, &limit)))
    tyG_forerror(L, ra + 1, "limit");
  if (l_unlikely(!tonumber(ra + 2, &step)))
    tyG_forerror(L, ra + 2, "step");
  if (l_unlikely(!tonumber(ra, &init)))
    tyG_forerror(L, ra, "initial value");
  if (step == 0)
    tyG_runerror(L, "'for' step is zero");
  if (step > 0 ? limit < init : init < limit)
    return 1;
  setfltvalue(ra, init);
  setfltvalue(ra + 1, limit);
  setfltvalue(ra + 2, step);
  setfltvalue(ra + 3, init);
  return 0;
}

/* kept out of tyV_execute: inlined, it costs the loop a register (measured:
** the dispatch table's address was no longer kept in one) */
static __attribute__((noinline)) int forprep(lua_State *L, StkId ra) {
  if (ttisinteger(ra) && ttisinteger(ra + 2))
    return intforprep(L, ra, ivalue(ra), ivalue(ra + 2));
  return floatforprep(L, ra);
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

/* CLOSURE: a new closure of p in ra.  Each upvalue is either an (open)
** upvalue of a register of this frame or one of the running closure's. */
static void pushclosure(lua_State *L, Proto *p, UpVal **encup, StkId base, StkId ra) {
  LClosure *ncl = tyF_newLclosure(L, p->sizeupvalues);
  const Upvaldesc *d = p->upvalues;
  const Upvaldesc *end = d + p->sizeupvalues;
  UpVal **slot;
  ncl->p = p;
  setclLvalue(L, ra, ncl);  /* anchored before tyF_findupval allocates */
  for (slot = ncl->upvals; d != end; d++, slot++) {
    *slot = d->instack ? tyF_findupval(L, base + d->idx) : encup[d->idx];
    tyC_objbarrier(L, ncl, *slot);
  }
}

/* ======================================================================
** The interpreter
** ====================================================================== */

static inline const TValue *fastgetint(Table *h, lua_Integer n) {
  lua_Unsigned u = l_castS2U(n) - 1u;
  return (u < h->alimit) ? &h->array[u] : tyH_getint(h, n);
}

/* raw lookup of any key (used by GETTABLE/SETTABLE fast paths) */
static inline const TValue *fastgetany(Table *h, const TValue *key) {
  if (ttisinteger(key)) return fastgetint(h, ivalue(key));
  if (ttisshrstring(key)) return tyH_getshortstr(h, tsvalue(key));
  return tyH_get(h, key);
}

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

/* float operators given as functions (the others are plain C operators) */
static inline lua_Number fltdiv(lua_State *L, lua_Number a, lua_Number b) { (void)L; return a / b; }
static inline lua_Number fltidiv(lua_State *L, lua_Number a, lua_Number b) { (void)L; return floor(a / b); }
static inline lua_Number fltpow(lua_State *L, lua_Number a, lua_Number b) {
  (void)L;
  return (b == 2) ? a * a : pow(a, b);
}

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

/*
** Operator instructions, R[A] := v1 op v2.  An operator is passed either as a
** C token (tok: + - * & | ^ < <= ...), used on both the integer and the float
** path, or as functions.  Integers wrap around (intop).  Whatever the fast
** paths do not handle (strings, metamethods, errors) goes to the metamethod
** machinery; `flip` says the constant operand was written on the left.
*/
#define arith_other(v1, v2, ev, flip) Protect(tyT_trybinassocTM(L, v1, v2, flip, ra, ev))

#define op_arith_tok(e1, e2, tok, ev, flip) { \
  TValue *v1 = (e1); TValue *v2 = (e2); lua_Number n1_, n2_; \
  if (ttisinteger(v1) && ttisinteger(v2)) { setivalue(ra, intop(tok, ivalue(v1), ivalue(v2))); } \
  else if (tonumberns(v1, n1_) && tonumberns(v2, n2_)) { setfltvalue(ra, n1_ tok n2_); } \
  else arith_other(v1, v2, ev, flip); }

#define op_arith_fn(e1, e2, ifn, ffn, ev, flip) { \
  TValue *v1 = (e1); TValue *v2 = (e2); lua_Number n1_, n2_; \
  if (ttisinteger(v1) && ttisinteger(v2)) { \
    lua_Integer a_ = ivalue(v1), b_ = ivalue(v2); setivalue(ra, ifn(L, a_, b_)); } \
  else if (tonumberns(v1, n1_) && tonumberns(v2, n2_)) { setfltvalue(ra, ffn(L, n1_, n2_)); } \
  else arith_other(v1, v2, ev, flip); }

/* / and ^ always work on floats */
#define op_float_fn(e1, e2, ffn, ev, flip) { \
  TValue *v1 = (e1); TValue *v2 = (e2); lua_Number n1_, n2_; \
  if (tonumberns(v1, n1_) && tonumberns(v2, n2_)) { setfltvalue(ra, ffn(L, n1_, n2_)); } \
  else arith_other(v1, v2, ev, flip); }

/* bitwise operators accept floats with an integral value */
#define op_bits_tok(e1, e2, tok, ev, flip) { \
  TValue *v1 = (e1); TValue *v2 = (e2); lua_Integer i1_, i2_; \
  if (tointegerns(v1, &i1_) && tointegerns(v2, &i2_)) { setivalue(ra, intop(tok, i1_, i2_)); } \
  else arith_other(v1, v2, ev, flip); }

#define op_bits_fn(e1, e2, fn, ev) { \
  TValue *v1 = (e1); TValue *v2 = (e2); lua_Integer i1_, i2_; \
  if (tointegerns(v1, &i1_) && tointegerns(v2, &i2_)) { setivalue(ra, fn(i1_, i2_)); } \
  else arith_other(v1, v2, ev, 0); }

/* R[A] tok R[B], then the conditional jump */
#define op_order(tok, numfn, otherfn) { \
  int cond; TValue *rb = RB(i); \
  if (ttisinteger(ra) && ttisinteger(rb)) cond = (ivalue(ra) tok ivalue(rb)); \
  else if (ttisnumber(ra) && ttisnumber(rb)) cond = numfn(ra, rb); \
  else Protect(cond = otherfn(L, ra, rb)); \
  docondjump(); }

/* R[A] tok sB; `swapped` says the metamethod gets the immediate first (a > b is b < a) */
#define op_orderI(tok, swapped, ev) { \
  int cond; int im = GETARG_sB(i); \
  if (ttisinteger(ra)) cond = (ivalue(ra) tok im); \
  else if (ttisfloat(ra)) cond = (fltvalue(ra) tok cast_num(im)); \
  else { int isf_ = GETARG_C(i); Protect(cond = tyT_callorderiTM(L, ra, im, swapped, isf_, ev)); } \
  docondjump(); }


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

/*
** Runs Lua frames from ci until the frame marked CIST_FRESH returns.  Calls
** and returns between Lua functions stay in this loop (goto startfunc /
** returning); a C function or a metamethod gets a fresh tyV_execute.
*/
void tyV_execute(lua_State *L, CallInfo *ci) {
  /* The running frame, cached.  Reload base after anything that may move
  ** the stack (Protect), trap after anything that may change hooks. */
  LClosure *cl;  TValue *k;  StkId base;  const Instruction *pc;
  int trap;      /* hooks are on (or the frame must be rechecked) */
  Instruction i; StkId ra;  /* the instruction being run and its R[A] */
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
      op_arith_tok(RB(i), KC(i), +, TM_ADD, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_SUBK) {
      op_arith_tok(RB(i), KC(i), -, TM_SUB, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_MULK) {
      op_arith_tok(RB(i), KC(i), *, TM_MUL, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_MODK) {
      op_arith_fn(RB(i), KC(i), l_imod, tyV_modf, TM_MOD, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_POWK) {
      op_float_fn(RB(i), KC(i), fltpow, TM_POW, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_DIVK) {
      op_float_fn(RB(i), KC(i), fltdiv, TM_DIV, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_IDIVK) {
      op_arith_fn(RB(i), KC(i), l_idiv, fltidiv, TM_IDIV, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_BANDK) {
      op_bits_tok(RB(i), KC(i), &, TM_BAND, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_BORK) {
      op_bits_tok(RB(i), KC(i), |, TM_BOR, TESTARG_k(i));
      vmbreak;
    }
    vmcase(OP_BXORK) {
      op_bits_tok(RB(i), KC(i), ^, TM_BXOR, TESTARG_k(i));
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
      op_arith_tok(RB(i), RC(i), +, TM_ADD, 0);
      vmbreak;
    }
    vmcase(OP_SUB) {
      op_arith_tok(RB(i), RC(i), -, TM_SUB, 0);
      vmbreak;
    }
    vmcase(OP_MUL) {
      op_arith_tok(RB(i), RC(i), *, TM_MUL, 0);
      vmbreak;
    }
    vmcase(OP_MOD) {
      op_arith_fn(RB(i), RC(i), l_imod, tyV_modf, TM_MOD, 0);
      vmbreak;
    }
    vmcase(OP_POW) {
      op_float_fn(RB(i), RC(i), fltpow, TM_POW, 0);
      vmbreak;
    }
    vmcase(OP_DIV) {
      op_float_fn(RB(i), RC(i), fltdiv, TM_DIV, 0);
      vmbreak;
    }
    vmcase(OP_IDIV) {
      op_arith_fn(RB(i), RC(i), l_idiv, fltidiv, TM_IDIV, 0);
      vmbreak;
    }
    vmcase(OP_BAND) {
      op_bits_tok(RB(i), RC(i), &, TM_BAND, 0);
      vmbreak;
    }
    vmcase(OP_BOR) {
      op_bits_tok(RB(i), RC(i), |, TM_BOR, 0);
      vmbreak;
    }
    vmcase(OP_BXOR) {
      op_bits_tok(RB(i), RC(i), ^, TM_BXOR, 0);
      vmbreak;
    }
    vmcase(OP_SHL) {
      op_bits_fn(RB(i), RC(i), tyV_shiftl, TM_SHL);
      vmbreak;
    }
    vmcase(OP_SHR) {
      op_bits_fn(RB(i), RC(i), tyV_shiftr, TM_SHR);
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
    vmcase(OP_TBC) {  /* raises if the value has no __close (and is not false) */
      savestate(L, ci);
      tyF_newtbcupval(L, ra);
      vmbreak;
    }
    vmcase(OP_JMP) {
      pc += GETARG_sJ(i);
      updatetrap(ci);
      vmbreak;
    }
    vmcase(OP_EQ) {
      TValue *rb = RB(i);
      int cond;
      if (ttisinteger(ra) && ttisinteger(rb))
        cond = (ivalue(ra) == ivalue(rb));
      else if (ttisshrstring(ra) && ttisshrstring(rb))
        cond = (tsvalue(ra) == tsvalue(rb));  /* interned: identity is equality */
      else
        Protect(cond = tyV_equalobj(L, ra, rb));
      docondjump();
      vmbreak;
    }
    vmcase(OP_LT) {
      op_order(<, LTnum, lessthanothers);
      vmbreak;
    }
    vmcase(OP_LE) {
      op_order(<=, LEnum, lessequalothers);
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
      op_orderI(<, 0, TM_LT);
      vmbreak;
    }
    vmcase(OP_LEI) {
      op_orderI(<=, 0, TM_LE);
      vmbreak;
    }
    vmcase(OP_GTI) {
      op_orderI(>, 1, TM_LT);
      vmbreak;
    }
    vmcase(OP_GEI) {
      op_orderI(>=, 1, TM_LE);
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
      /* R[A][first + j] := R[A + j] for j = 1..n; n = 0 means up to the top */
      int n = GETARG_B(i);
      unsigned int first = (unsigned int)GETARG_C(i);
      Table *h = hvalue(ra);
      TValue *src, *dst;
      if (n != 0)
        L->top = ci->top;
      else
        n = cast_int(L->top - ra) - 1;
      if (TESTARG_k(i))  /* a large first index continues in EXTRAARG */
        first += (unsigned int)GETARG_Ax(*pc++) * (MAXARG_C + 1);
      if (first + (unsigned int)n > h->asize) {
        savepc(L);
        tyH_resizearray(L, h, first + (unsigned int)n);  /* the whole batch at once */
      }
      for (src = ra + 1, dst = h->array + first; src <= ra + n; src++, dst++) {
        setobj2t(L, dst, src);
        tyC_barrierback(L, obj2gco(h), src);
      }
      vmbreak;
    }
    vmcase(OP_CLOSURE) {
      savestate(L, ci);
      pushclosure(L, cl->p->p[GETARG_Bx(i)], cl->upvals, base, ra);
      checkGC(L, ra + 1);
      vmbreak;
    }
    vmcase(OP_VARARG) {  /* C - 1 extra arguments, or all of them when C = 0 */
      Protect(tyT_getvarargs(L, ci, ra, GETARG_C(i) - 1));
      vmbreak;
    }
    vmcase(OP_VARARGPREP) {
      /* the fixed parameters move above the extra arguments: the frame moves */
      savepc(L);
      tyT_adjustvarargs(L, GETARG_A(i), ci, cl->p);
      updatetrap(ci);
      if (l_unlikely(trap)) {  /* the call hook waited for the final frame */
        tyD_hookcall(L, ci);
        L->oldpc = 1;  /* the next instruction starts a new line */
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
