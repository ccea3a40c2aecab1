/* api.c: the public Lua 5.4 C API (lua_*), except the parts owned by do.c, debug.c and state.c. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "lua.h"
#include "api.h"
#include "../core/obj.h"
#include "../core/state.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../core/func.h"
#include "../front/zio.h"
#include "../front/parse.h"
#include "../front/dump.h"
#include "tm.h"
#include "do.h"
#include "vm.h"
#include "debug.h"

const char lua_ident[] =
  "$LuaVersion: " LUA_COPYRIGHT " $"
  "$LuaAuthors: " LUA_AUTHORS " $"
  "$tycho: " "a Lua 5.4 runtime" " $";

/*
** Conventions of this file.
**
** An "acceptable" index that names no value resolves to the shared nil of the
** global state; `novalue` tests the tag before the address, so values that
** are not nil never load the global state.  A raw write into a
** table may add a key whose metamethod was cached as absent, so it clears
** Table.flags (`forgetTMs`).  Functions that only read the stack never run
** the collector; functions that create objects call tyC_checkGC once the new
** object is anchored on the stack.
*/
#define novalue(L, o)  (ttisnil(o) && (o) == &G(L)->nilvalue)
#define forgetTMs(t)   ((t)->flags &= (lu_byte)~maskflags)

/* one bit per type tag (ttypetag < 64), for the lua_is* predicates */
#define TAG(t)         ((uint64_t)1 << (t))

/* ======================================================================
** Resolving indices
**
** Positive indices count up from the slot after the running function,
** negative ones down from the top.  LUA_REGISTRYINDEX and the upvalue
** pseudo-indices below it live outside the stack.
** ====================================================================== */

/* upvalue `up` (1-based) of the running C closure; none for anything else */
static TValue *upvalueslot(lua_State *L, int up) {
  const TValue *fn = L->ci->func;
  api_check(L, up <= TY_MAXUPVAL + 1, "upvalue index too large");
  if (ttisCclosure(fn)) {
    CClosure *cl = clCvalue(fn);
    if (up <= cl->nupvalues)
      return &cl->upvalue[up - 1];
  }
  return &G(L)->nilvalue;  /* light C function, or a Lua function seen from a hook */
}

static inline TValue *at(lua_State *L, int idx) {
  if (idx > 0) {
    StkId p = L->ci->func + idx;
    api_check(L, p < L->ci->top, "unacceptable index");
    return (p < L->top) ? p : &G(L)->nilvalue;
  }
  if (idx > LUA_REGISTRYINDEX) {
    api_check(L, idx != 0 && L->top + idx > L->ci->func, "invalid index");
    return L->top + idx;
  }
  if (idx == LUA_REGISTRYINDEX)
    return &G(L)->l_registry;
  return upvalueslot(L, LUA_REGISTRYINDEX - idx);
}

/* a real stack slot of the current frame (no pseudo-indices) */
static inline StkId stackat(lua_State *L, int idx) {
  StkId p = (idx > 0) ? L->ci->func + idx : L->top + idx;
  api_check(L, idx != 0 && !ispseudo(idx), "invalid index");
  api_check(L, p > L->ci->func && p < L->top, "invalid index");
  return p;
}

TValue *tyA_index2value(lua_State *L, int idx) {
  return at(L, idx);
}

StkId tyA_index2stack(lua_State *L, int idx) {
  return stackat(L, idx);
}

const TValue *tyA_globals(lua_State *L) {
  return tyH_getint(hvalue(&G(L)->l_registry), LUA_RIDX_GLOBALS);
}

/* ======================================================================
** The shape of the stack
** ====================================================================== */

LUA_API int lua_absindex(lua_State *L, int idx) {
  if (idx > 0 || ispseudo(idx))
    return idx;
  return cast_int(L->top - L->ci->func) + idx;
}

LUA_API int lua_gettop(lua_State *L) {
  return cast_int(L->top - L->ci->func) - 1;
}

/* is the innermost pending to-be-closed slot at or above `p`? */
static int tbcfrom(lua_State *L, StkId p) {
  if (L->ntbc == 0)
    return 0;
  return restorestack(L, L->tbc[L->ntbc - 1]) >= p;
}

LUA_API void lua_settop(lua_State *L, int idx) {
  StkId first = L->ci->func + 1;  /* index 1 */
  StkId want;
  if (idx < 0) {
    api_check(L, -(idx + 1) <= L->top - first, "invalid new top");
    want = L->top + (idx + 1);
  }
  else {
    api_check(L, idx <= L->ci->top - first, "new top too large");
    want = first + idx;
    while (L->top < want) {  /* growing: the new slots read as nil */
      setnilvalue(L->top);
      L->top++;
    }
  }
  /* shrinking over a to-be-closed slot runs its __close first (the values stay
  ** below the old top while the handlers run) */
  if (want < L->top && tbcfrom(L, want))
    want = tyF_close(L, want, CLOSEKTOP, 0);
  L->top = want;
}

LUA_API void lua_pushvalue(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  setobj2s(L, L->top, o);
  api_incr_top(L);
}

/* reverses the run lo..hi in place (both ends included) */
static void reverserun(StkId lo, StkId hi) {
  while (lo < hi) {
    TValue keep = *lo;
    *lo = *hi;
    *hi = keep;
    lo++, hi--;
  }
}

/*
** Rotating [p, top) by n is swapping its two blocks, the first of length
** len - n (n >= 0) or -n (n < 0); reversing each block and then the whole
** run does that in place.
*/
LUA_API void lua_rotate(lua_State *L, int idx, int n) {
  StkId p = stackat(L, idx);
  StkId last = L->top - 1;
  StkId split;  /* last slot of the first block */
  api_check(L, (n < 0 ? -n : n) <= last - p + 1, "invalid 'n'");
  split = (n < 0) ? p + (-n) - 1 : last - n;
  reverserun(p, split);
  reverserun(split + 1, last);
  reverserun(p, last);
}

LUA_API void lua_copy(lua_State *L, int fromidx, int toidx) {
  const TValue *src = at(L, fromidx);
  TValue *dst = at(L, toidx);
  api_check(L, !novalue(L, dst), "invalid index");
  setobj(L, dst, src);
  if (ispseudo(toidx) && toidx != LUA_REGISTRYINDEX)  /* an upvalue of this C closure */
    tyC_barrier(L, clCvalue(L->ci->func), src);
}

LUA_API int lua_checkstack(lua_State *L, int n) {
  int ok = 1;
  api_check(L, n >= 0, "negative 'n'");
  if (L->stack_last - L->top <= n) {  /* not enough room yet */
    int used = cast_int(L->top - L->stack) + EXTRA_STACK;
    if (n > TY_MAXSTACK - used)
      ok = 0;  /* would pass the stack limit */
    else
      ok = tyD_growstack(L, n, 0);
  }
  if (ok && L->top + n > L->ci->top)
    L->ci->top = L->top + n;  /* the frame may now use the room */
  return ok;
}

LUA_API void lua_xmove(lua_State *from, lua_State *to, int n) {
  StkId src;
  int i;
  if (from == to)
    return;
  api_checknelems(from, n);
  api_check(from, G(from) == G(to), "moving among independent states");
  api_check(from, to->ci->top - to->top >= n, "stack overflow");
  src = from->top - n;
  from->top = src;
  for (i = 0; i < n; i++)
    setobjs2s(to, to->top + i, src + i);
  to->top += n;
}

LUA_API void lua_closeslot(lua_State *L, int idx) {
  StkId slot = stackat(L, idx);
  api_check(L, L->ntbc > 0 && restorestack(L, L->tbc[L->ntbc - 1]) == slot,
            "no variable to close at given level");
  slot = tyF_close(L, slot, CLOSEKTOP, 0);
  setnilvalue(slot);
}

LUA_API void lua_toclose(lua_State *L, int idx) {
  /* checks for __close; do.c runs it when the C function returns */
  tyF_newtbcupval(L, stackat(L, idx));
}

/* ======================================================================
** Looking at values (stack -> C)
** ====================================================================== */

LUA_API int lua_type(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  return novalue(L, o) ? LUA_TNONE : ttype(o);
}

LUA_API const char *lua_typename(lua_State *L, int t) {
  (void)L;
  api_check(L, LUA_TNONE <= t && t < LUA_NUMTYPES, "invalid type");
  return ttypename(t);
}

/* does the value at idx carry one of the type tags in `tags`? */
static int tagin(lua_State *L, int idx, uint64_t tags) {
  const TValue *o = at(L, idx);
  return (int)((tags >> ttypetag(o)) & 1u);
}

LUA_API int lua_isinteger(lua_State *L, int idx) {
  return tagin(L, idx, TAG(TY_VNUMINT));
}

LUA_API int lua_isstring(lua_State *L, int idx) {  /* numbers convert to strings */
  return tagin(L, idx, TAG(TY_VSHRSTR) | TAG(TY_VLNGSTR) | TAG(TY_VNUMINT) | TAG(TY_VNUMFLT));
}

LUA_API int lua_isuserdata(lua_State *L, int idx) {
  return tagin(L, idx, TAG(TY_VUSERDATA) | TAG(TY_VLIGHTUD));
}

LUA_API int lua_iscfunction(lua_State *L, int idx) {
  return tagin(L, idx, TAG(TY_VLCF) | TAG(TY_VCCL));
}

/* the conversions report success through an optional flag; they give 0 on failure */
static int reportconv(int *flag, int ok) {
  if (flag != NULL)
    *flag = ok;
  return ok;
}

LUA_API lua_Number lua_tonumberx(lua_State *L, int idx, int *isnum) {
  const TValue *o = at(L, idx);
  lua_Number x = 0;
  if (!reportconv(isnum, tonumber(o, &x)))
    x = 0;
  return x;
}

LUA_API lua_Integer lua_tointegerx(lua_State *L, int idx, int *isnum) {
  const TValue *o = at(L, idx);
  lua_Integer x = 0;
  if (!reportconv(isnum, tointeger(o, &x)))
    x = 0;
  return x;
}

LUA_API int lua_isnumber(lua_State *L, int idx) {  /* numbers, and strings that convert */
  int ok;
  (void)lua_tonumberx(L, idx, &ok);
  return ok;
}

LUA_API int lua_toboolean(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  return !l_isfalse(o);
}

LUA_API const char *lua_tolstring(lua_State *L, int idx, size_t *len) {
  TValue *o = at(L, idx);
  if (ttisnumber(o)) {  /* the slot itself becomes the string (manual 4.6) */
    tyO_tostring(L, o);
    tyC_checkGC(L);
    o = at(L, idx);  /* a collection may have moved the stack */
  }
  else if (!ttisstring(o)) {
    if (len != NULL)
      *len = 0;
    return NULL;
  }
  if (len != NULL)
    *len = vslen(o);
  return svalue(o);
}

/* the C-visible address of a full or light userdata; NULL for other values */
static void *udataaddr(const TValue *o) {
  if (ttisfulluserdata(o))
    return getudatamem(uvalue(o));
  return ttislightuserdata(o) ? pvalue(o) : NULL;
}

LUA_API void *lua_touserdata(lua_State *L, int idx) {
  return udataaddr(at(L, idx));
}

LUA_API lua_State *lua_tothread(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  return ttisthread(o) ? thvalue(o) : NULL;
}

LUA_API lua_CFunction lua_tocfunction(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  if (ttisCclosure(o))
    return clCvalue(o)->f;
  return ttislcf(o) ? fvalue(o) : NULL;
}

/* userdata give their memory, light C functions their address, other
** collectable values their object; numbers, booleans and nil give NULL */
LUA_API const void *lua_topointer(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  if (ttislcf(o))
    return cast(void *, cast(size_t, fvalue(o)));
  if (ttisfulluserdata(o) || ttislightuserdata(o))
    return udataaddr(o);
  return iscollectable(o) ? gcvalue(o) : NULL;
}

LUA_API lua_Unsigned lua_rawlen(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  if (ttisstring(o))
    return tsslen(tsvalue(o));
  if (ttistable(o))
    return tyH_getn(hvalue(o));
  return ttisfulluserdata(o) ? uvalue(o)->len : 0;
}

LUA_API int lua_rawequal(lua_State *L, int index1, int index2) {
  const TValue *a = at(L, index1);
  const TValue *b = at(L, index2);
  if (novalue(L, a) || novalue(L, b))
    return 0;
  return tyV_rawequalobj(a, b);
}

LUA_API int lua_compare(lua_State *L, int index1, int index2, int op) {
  const TValue *a = at(L, index1);
  const TValue *b = at(L, index2);
  if (novalue(L, a) || novalue(L, b))
    return 0;  /* a missing operand compares false */
  if (op == LUA_OPEQ)
    return tyV_equalobj(L, a, b);
  if (op == LUA_OPLT)
    return tyV_lessthan(L, a, b);
  if (op == LUA_OPLE)
    return tyV_lessequal(L, a, b);
  api_check(L, 0, "invalid option");
  return 0;
}

/*
** Operands are the top two values (one for LUA_OPUNM and LUA_OPBNOT, which
** then gets a copy of itself as the second operand, as the VM does); the
** result replaces the first one.
*/
LUA_API void lua_arith(lua_State *L, int op) {
  StkId x, y;
  if (op == LUA_OPUNM || op == LUA_OPBNOT) {
    api_checknelems(L, 1);
    setobjs2s(L, L->top, L->top - 1);
    api_incr_top(L);
  }
  else
    api_checknelems(L, 2);
  x = L->top - 2;
  y = L->top - 1;
  if (tyO_rawarith(L, op, x, y, x)) {
    /* done on plain numbers */
  }
  else if ((op == LUA_OPIDIV || op == LUA_OPMOD) && ttisinteger(x) && ttisinteger(y)) {
    /* integer division by zero: the VM's helpers raise the proper error */
    lua_Integer a = ivalue(x), b = ivalue(y);
    lua_Integer r = (op == LUA_OPMOD) ? tyV_mod(L, a, b) : tyV_idiv(L, a, b);
    setivalue(x, r);
  }
  else
    tyT_trybinTM(L, x, y, x, cast(TMS, TM_ADD + (op - LUA_OPADD)));
  L->top--;
}

LUA_API size_t lua_stringtonumber(lua_State *L, const char *s) {
  size_t used = tyO_str2num(s, L->top);  /* writes the number into the free slot */
  if (used > 0)
    api_incr_top(L);
  return used;
}

/* ======================================================================
** Pushing values (C -> stack)
** ====================================================================== */

LUA_API void lua_pushnil(lua_State *L) {
  StkId o = L->top;
  setnilvalue(o);
  api_incr_top(L);
}

LUA_API void lua_pushboolean(lua_State *L, int b) {
  StkId o = L->top;
  setbvalue(o, b != 0);
  api_incr_top(L);
}

LUA_API void lua_pushinteger(lua_State *L, lua_Integer n) {
  StkId o = L->top;
  setivalue(o, n);
  api_incr_top(L);
}

LUA_API void lua_pushnumber(lua_State *L, lua_Number n) {
  StkId o = L->top;
  setfltvalue(o, n);
  api_incr_top(L);
}

LUA_API void lua_pushlightuserdata(lua_State *L, void *p) {
  StkId o = L->top;
  setpvalue(o, p);
  api_incr_top(L);
}

LUA_API int lua_pushthread(lua_State *L) {
  StkId o = L->top;
  setthvalue(L, o, L);
  api_incr_top(L);
  return L == G(L)->mainthread;
}

/* pushes a string that was just created (so a memory error left the stack as it was) */
static const char *pushnewstring(lua_State *L, TString *ts) {
  setsvalue(L, L->top, ts);
  api_incr_top(L);
  tyC_checkGC(L);
  return getstr(ts);
}

LUA_API const char *lua_pushlstring(lua_State *L, const char *s, size_t len) {
  /* s may be NULL when len is 0 */
  return pushnewstring(L, len > 0 ? tyS_newlstr(L, s, len) : tyS_new(L, ""));
}

LUA_API const char *lua_pushstring(lua_State *L, const char *s) {
  if (s != NULL)
    return pushnewstring(L, tyS_new(L, s));
  lua_pushnil(L);
  return NULL;
}

LUA_API const char *lua_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  const char *s = tyO_pushvfstring(L, fmt, argp);
  tyC_checkGC(L);
  return s;
}

LUA_API const char *lua_pushfstring(lua_State *L, const char *fmt, ...) {
  const char *s;
  va_list ap;
  va_start(ap, fmt);
  s = lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  return s;
}

LUA_API void lua_pushcclosure(lua_State *L, lua_CFunction fn, int n) {
  CClosure *cl;
  StkId vals;
  int i;
  if (n == 0) {  /* no upvalues: a light C function, no allocation */
    setfvalue(L->top, fn);
    api_incr_top(L);
    return;
  }
  api_checknelems(L, n);
  api_check(L, n <= TY_MAXUPVAL, "upvalue index too large");
  cl = tyF_newCclosure(L, n);
  cl->f = fn;
  vals = L->top - n;
  for (i = 0; i < n; i++)
    setobj2n(L, &cl->upvalue[i], vals + i);  /* a new object needs no barrier */
  setclCvalue(L, vals, cl);  /* the closure takes the place of its first upvalue */
  L->top = vals + 1;
  tyC_checkGC(L);
}

/* ======================================================================
** Indexing (get: Lua -> stack, set: stack -> Lua)
**
** Each member of the lua_get* family probes the indexed value raw first
** (a value that is not a table probes as the absent key) and gives its
** result in a new top slot (lua_gettable: in the slot of its key).  `fetch`
** fills that slot, through the VM's __index machinery when the probe found
** nothing, after copying the key there so it stays anchored during
** metamethod calls.  The lua_set* family leaves key and value in the two
** top slots, in either order, and `store` assigns and pops both.  The VM's
** finishers want NULL for "not a table" and the raw slot otherwise.
** ====================================================================== */

#define rawslot(t, hit)  (ttistable(t) ? (hit) : NULL)

static inline int fetch(lua_State *L, const TValue *t, const TValue *key, const TValue *hit) {
  StkId slot = L->top - 1;
  if (!isempty(hit)) {
    setobj2s(L, slot, hit);
  }
  else {
    if (key != slot) {
      setobj2s(L, slot, key);
    }
    tyV_finishget(L, t, slot, slot, rawslot(t, hit));
  }
  return ttype(L->top - 1);
}

static inline void store(lua_State *L, const TValue *t, TValue *key, TValue *val,
                         const TValue *hit) {
  if (!isempty(hit)) {  /* existing entry: a plain assignment */
    setobj2t(L, cast(TValue *, hit), val);
    tyC_barrierback(L, gcvalue(t), val);
  }
  else
    tyV_finishset(L, t, key, val, rawslot(t, hit));
  L->top -= 2;
}

static inline const TValue *probe(const TValue *t, const TValue *key) {
  return ttistable(t) ? tyH_get(hvalue(t), key) : &tyH_absentkey;
}

/* the probe for a string key (after the key was interned) */
static inline const TValue *probestr(const TValue *t, TString *key) {
  return ttistable(t) ? tyH_getstr(hvalue(t), key) : &tyH_absentkey;
}

static inline const TValue *probeint(const TValue *t, lua_Integer key) {
  const TValue *hit = &tyH_absentkey;
  if (ttistable(t))
    tyH_fastgeti(hvalue(t), key, hit);
  return hit;
}

static int getnamed(lua_State *L, const TValue *t, const char *k) {
  TValue key;
  TString *name = tyS_new(L, k);
  const TValue *hit = probestr(t, name);
  setsvalue(L, &key, name);
  api_incr_top(L);
  return fetch(L, t, &key, hit);
}

/* value on top goes to t[k]; pops it.  The key is stacked: an insertion may
** allocate, and the fresh string must stay anchored meanwhile */
static void setnamed(lua_State *L, const TValue *t, const char *k) {
  TString *name;
  api_checknelems(L, 1);
  name = tyS_new(L, k);
  setsvalue(L, L->top, name);
  api_incr_top(L);
  store(L, t, L->top - 1, L->top - 2, probestr(t, name));
}

LUA_API int lua_gettable(lua_State *L, int idx) {
  const TValue *t = at(L, idx);
  api_checknelems(L, 1);
  return fetch(L, t, L->top - 1, probe(t, L->top - 1));
}

LUA_API int lua_getfield(lua_State *L, int idx, const char *k) {
  return getnamed(L, at(L, idx), k);
}

LUA_API int lua_getglobal(lua_State *L, const char *name) {
  return getnamed(L, tyA_globals(L), name);
}

LUA_API int lua_geti(lua_State *L, int idx, lua_Integer n) {
  const TValue *t = at(L, idx);
  const TValue *hit = probeint(t, n);
  TValue key;
  setivalue(&key, n);
  api_incr_top(L);
  return fetch(L, t, &key, hit);
}

LUA_API void lua_settable(lua_State *L, int idx) {
  const TValue *t = at(L, idx);
  api_checknelems(L, 2);
  store(L, t, L->top - 2, L->top - 1, probe(t, L->top - 2));
}

LUA_API void lua_setfield(lua_State *L, int idx, const char *k) {
  setnamed(L, at(L, idx), k);
}

LUA_API void lua_setglobal(lua_State *L, const char *name) {
  setnamed(L, tyA_globals(L), name);
}

LUA_API void lua_seti(lua_State *L, int idx, lua_Integer n) {
  const TValue *t = at(L, idx);
  api_checknelems(L, 1);
  setivalue(L->top, n);
  api_incr_top(L);
  store(L, t, L->top - 1, L->top - 2, probeint(t, n));
}

/* ---- raw access: tables only, no metamethods ---- */

static Table *tableat(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  api_check(L, ttistable(o), "table expected");
  return hvalue(o);
}

/* stores a raw lookup result into dst (an empty entry reads as nil); its type */
static int rawresult(lua_State *L, StkId dst, const TValue *v) {
  if (isempty(v))
    setnilvalue(dst);
  else {
    setobj2s(L, dst, v);
  }
  return ttype(dst);
}

LUA_API int lua_rawget(lua_State *L, int idx) {
  Table *t = tableat(L, idx);
  StkId key = L->top - 1;
  api_checknelems(L, 1);
  return rawresult(L, key, tyH_get(t, key));  /* the value replaces the key */
}

LUA_API int lua_rawgeti(lua_State *L, int idx, lua_Integer n) {
  Table *t = tableat(L, idx);
  const TValue *v;
  StkId dst = L->top;
  tyH_fastgeti(t, n, v);
  api_incr_top(L);
  return rawresult(L, dst, v);
}

LUA_API int lua_rawgetp(lua_State *L, int idx, const void *p) {
  Table *t = tableat(L, idx);
  TValue key;
  StkId dst = L->top;
  setpvalue(&key, cast(void *, p));
  api_incr_top(L);
  return rawresult(L, dst, tyH_get(t, &key));
}

/* t[key] = top value, raw; then pops `npop` slots (the value, and the key if stacked) */
static void rawput(lua_State *L, int idx, const TValue *key, int npop) {
  Table *t;
  TValue *val;
  api_checknelems(L, npop);
  t = tableat(L, idx);
  val = L->top - 1;
  tyH_set(L, t, key, val);
  forgetTMs(t);  /* the key may be a metamethod name */
  tyC_barrierback(L, t, key);
  tyC_barrierback(L, t, val);
  L->top -= npop;
}

LUA_API void lua_rawset(lua_State *L, int idx) {
  rawput(L, idx, L->top - 2, 2);
}

LUA_API void lua_rawsetp(lua_State *L, int idx, const void *p) {
  TValue key;
  setpvalue(&key, cast(void *, p));
  rawput(L, idx, &key, 1);
}

LUA_API void lua_rawseti(lua_State *L, int idx, lua_Integer n) {
  Table *t;
  api_checknelems(L, 1);
  t = tableat(L, idx);
  tyH_setint(L, t, n, L->top - 1);  /* integer keys never name metamethods */
  tyC_barrierback(L, t, L->top - 1);
  L->top--;
}

LUA_API int lua_next(lua_State *L, int idx) {
  Table *t;
  api_checknelems(L, 1);
  t = tableat(L, idx);
  if (!tyH_next(L, t, L->top - 1)) {  /* traversal over: drop the key */
    L->top--;
    return 0;
  }
  api_incr_top(L);  /* tyH_next wrote the key and the value above it */
  return 1;
}

LUA_API void lua_createtable(lua_State *L, int narray, int nrec) {
  Table *t = tyH_new(L);
  sethvalue(L, L->top, t);
  api_incr_top(L);
  if (narray > 0 || nrec > 0) {  /* preallocate (negative sizes count as 0) */
    unsigned int na = narray > 0 ? (unsigned int)narray : 0u;
    unsigned int nh = nrec > 0 ? (unsigned int)nrec : 0u;
    tyH_resize(L, t, na, nh);
  }
  tyC_checkGC(L);
}

/* ---- metatables and user values ---- */

/* where the metatable of o is kept: in the object for tables and full
** userdata, per type in the global state for everything else */
static Table **mtfield(global_State *g, const TValue *o) {
  if (ttistable(o))
    return &hvalue(o)->metatable;
  if (ttisfulluserdata(o))
    return &uvalue(o)->metatable;
  return &g->mt[ttype(o)];
}

LUA_API int lua_getmetatable(lua_State *L, int objindex) {
  Table *mt = *mtfield(G(L), at(L, objindex));
  if (mt == NULL)
    return 0;
  sethvalue(L, L->top, mt);
  api_incr_top(L);
  return 1;
}

LUA_API int lua_setmetatable(lua_State *L, int objindex) {
  TValue *o;
  const TValue *top;
  Table *mt = NULL;
  api_checknelems(L, 1);
  o = at(L, objindex);
  top = L->top - 1;
  if (!ttisnil(top)) {
    api_check(L, ttistable(top), "table expected");
    mt = hvalue(top);
  }
  *mtfield(G(L), o) = mt;
  /* an object's own metatable needs the barrier, and a __gc field makes the
  ** object finalizable; the per-type metatables are roots */
  if (mt != NULL && (ttistable(o) || ttisfulluserdata(o))) {
    tyC_objbarrier(L, gcvalue(o), mt);
    if (gfasttm(G(L), mt, TM_GC) != NULL)
      tyC_checkfinalizer(L, gcvalue(o), mt);
  }
  L->top--;
  return 1;
}

/* user value n (1-based) of the full userdata o; NULL when it has no such value */
static TValue *uvslot(lua_State *L, const TValue *o, int n) {
  Udata *u;
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  u = uvalue(o);
  return (n >= 1 && n <= u->nuvalue) ? &u->uv[n - 1] : NULL;
}

LUA_API int lua_getiuservalue(lua_State *L, int idx, int n) {
  const TValue *v = uvslot(L, at(L, idx), n);
  StkId dst = L->top;
  int kind = LUA_TNONE;
  if (v == NULL)
    setnilvalue(dst);
  else {
    setobj2s(L, dst, v);
    kind = ttype(dst);
  }
  api_incr_top(L);
  return kind;
}

LUA_API int lua_setiuservalue(lua_State *L, int idx, int n) {
  const TValue *o;
  TValue *v;
  api_checknelems(L, 1);
  o = at(L, idx);
  v = uvslot(L, o, n);
  if (v != NULL) {
    setobj(L, v, L->top - 1);
    tyC_barrierback(L, gcvalue(o), L->top - 1);
  }
  L->top--;  /* the value is popped either way */
  return v != NULL;
}

LUA_API void *lua_newuserdatauv(lua_State *L, size_t size, int nuvalue) {
  Udata *u;
  api_check(L, nuvalue >= 0 && nuvalue < USHRT_MAX, "invalid value");
  u = tyS_newudata(L, size, nuvalue);
  setuvalue(L, L->top, u);
  api_incr_top(L);
  tyC_checkGC(L);
  return getudatamem(u);
}

/* ======================================================================
** Calls, chunks, errors
**
** Coroutines run on their own C stacks (do.h), so a call returns normally
** after its callee yielded and was resumed.  When the caller gave a
** continuation and the callee did yield, the manual wants the C function
** finished by the continuation: tyD_finishk runs k and returns the C
** function's results for it.  Without a continuation the callee may not
** yield at all (L->nny).
** ====================================================================== */

/* the checks both call functions make; the slot of the function to call */
static StkId callslot(lua_State *L, int nargs, int nresults, lua_KFunction k) {
  api_check(L, k == NULL || !isLua(L->ci), "cannot use continuations inside hooks");
  api_checknelems(L, nargs + 1);
  api_check(L, L->status == LUA_OK, "cannot do calls on non-normal thread");
  api_check(L, nresults == LUA_MULTRET || L->ci->top - L->top >= nresults - nargs,
            "results from function overflow current stack size");
  (void)nresults;
  (void)k;
  return L->top - (nargs + 1);
}

LUA_API void lua_callk(lua_State *L, int nargs, int nresults,
                       lua_KContext ctx, lua_KFunction k) {
  StkId fn = callslot(L, nargs, nresults, k);
  CallInfo *ci = L->ci;
  if (k == NULL || isLua(ci)) {  /* the callee may not yield */
    L->nny++;
    tyD_call(L, fn, nresults);
    L->nny--;
  }
  else {
    unsigned int yields = L->nyields;
    ci->u.c.k = k;
    ci->u.c.ctx = ctx;
    ci->callstatus |= CIST_YCALL;  /* a yield above may unwind this frame (vm/do.c) */
    tyD_call(L, fn, nresults);
    ci->callstatus &= ~CIST_YCALL;
    if (yields != L->nyields && ci->u.c.kjmp != NULL) {  /* it yielded: k takes over */
      adjustresults(L, nresults);
      tyD_finishk(L, ci, LUA_YIELD);
    }
  }
  adjustresults(L, nresults);
}

struct protectedcall {  /* what runprotected needs, through tyD_pcall's void pointer */
  StkId fn;
  int nresults;
};

static void runprotected(lua_State *L, void *ud) {
  struct protectedcall *pc = cast(struct protectedcall *, ud);
  tyD_call(L, pc->fn, pc->nresults);
}

LUA_API int lua_pcallk(lua_State *L, int nargs, int nresults, int errfunc,
                       lua_KContext ctx, lua_KFunction k) {
  struct protectedcall pc;
  CallInfo *ci = L->ci;
  unsigned int nny = L->nny, yields = L->nyields;
  int cont = (k != NULL && !isLua(ci));
  ptrdiff_t handler = 0;  /* stack offset of the message handler; 0 = none */
  int status;
  pc.fn = callslot(L, nargs, nresults, k);
  pc.nresults = nresults;
  if (errfunc != 0) {
    StkId h = stackat(L, errfunc);
    api_check(L, ttisfunction(h), "error handler must be a function");
    handler = savestack(L, h);
  }
  if (cont) {
    /* the continuation, plus what an image needs to redo this call's recovery */
    ci->u.c.k = k;
    ci->u.c.ctx = ctx;
    ci->callstatus |= CIST_YPCALL;
    ci->u2.funcidx = cast_int(savestack(L, pc.fn));
    ci->u.c.old_errfunc = L->errfunc;
  }
  else
    L->nny++;  /* the callee may not yield */
  status = tyD_pcall(L, runprotected, &pc, savestack(L, pc.fn), handler);
  ci->callstatus &= ~CIST_YPCALL;
  L->nny = nny;  /* also drops what calls unwound by an error had added */
  adjustresults(L, nresults);
  if (cont && yields != L->nyields && ci->u.c.kjmp != NULL)  /* yielded: k finishes */
    tyD_finishk(L, ci, (status == LUA_OK) ? LUA_YIELD : status);
  return status;
}

LUA_API int lua_load(lua_State *L, lua_Reader reader, void *data,
                     const char *chunkname, const char *mode) {
  ZIO in;
  int status;
  tyZ_init(L, &in, reader, data);
  status = tyY_protectedparser(L, &in, chunkname != NULL ? chunkname : "?", mode);
  if (status == LUA_OK) {
    LClosure *chunk = clLvalue(L->top - 1);
    if (chunk->nupvalues > 0) {  /* the first upvalue of a main chunk is _ENV */
      UpVal *env = chunk->upvals[0];
      const TValue *globals = tyA_globals(L);
      setobj(L, env->v, globals);
      tyC_barrier(L, env, globals);
    }
  }
  return status;
}

LUA_API int lua_dump(lua_State *L, lua_Writer writer, void *data, int strip) {
  const TValue *fn;
  api_checknelems(L, 1);
  fn = L->top - 1;
  if (!ttisLclosure(fn))
    return 1;  /* only Lua functions have bytecode */
  return tyU_dump(L, clLvalue(fn)->p, writer, data, strip);
}

LUA_API int lua_status(lua_State *L) {
  return L->status;
}

LUA_API int lua_error(lua_State *L) {
  const TValue *e;
  api_checknelems(L, 1);
  e = L->top - 1;
  /* raising the preallocated out-of-memory message keeps its status */
  if (ttisshrstring(e) && eqshrstr(tsvalue(e), G(L)->memerrmsg))
    tyD_throw(L, LUA_ERRMEM);
  tyG_errormsg(L);
  return 0;  /* not reached */
}

/* ======================================================================
** The collector (lua_gc)
** ====================================================================== */

static int gcmodename(const global_State *g) {
  return (g->gckind == KGC_GEN) ? LUA_GCGEN : LUA_GCINC;
}

/* LUA_GCSTEP: one basic step (kb == 0) or kb more kilobytes of debt, even
** while the user keeps the collector stopped; 1 when a cycle was finished.
** In generational mode (which tycho records but collects incrementally, as
** the standalone interpreter selects it) the answer is 0, as from PUC Lua's
** generational collector, which never stops in the pause state between its
** collections: so collectgarbage("step") after a full collection is false. */
static int gcuserstep(lua_State *L, int kb) {
  global_State *g = G(L);
  lu_byte stopped = g->gcstp;
  int stepped = 1;
  g->gcstp = 0;
  if (kb == 0) {
    tyE_setdebt(g, 0);
    tyC_step(L);
  }
  else {
    l_mem debt = g->GCdebt + cast(l_mem, kb) * 1024;
    tyE_setdebt(g, debt);
    tyC_checkGC(L);
    stepped = (debt > 0);
  }
  g->gcstp = stopped;
  return stepped && g->gcstate == GCSpause && g->gckind != KGC_GEN;
}

/* sets *field to v unless v is 0 (the manual's "keep the current value") */
static void setnonzero(int *field, int v) {
  if (v != 0)
    *field = v;
}

LUA_API int lua_gc(lua_State *L, int what, ...) {
  global_State *g = G(L);
  va_list ap;
  int res = 0;
  if (g->gcstp & GCSTPGC)  /* called from a finalizer: the collector is busy */
    return -1;
  va_start(ap, what);
  switch (what) {
    case LUA_GCSTOP: g->gcstp = GCSTPUSR; break;
    case LUA_GCRESTART: tyE_setdebt(g, 0); g->gcstp = 0; break;
    case LUA_GCCOLLECT: tyC_fullgc(L, 0); break;
    case LUA_GCCOUNT: res = cast_int(gettotalbytes(g) >> 10); break;
    case LUA_GCCOUNTB: res = cast_int(gettotalbytes(g) & 0x3ff); break;
    case LUA_GCISRUNNING: res = gcrunning(g); break;
    case LUA_GCSTEP: res = gcuserstep(L, va_arg(ap, int)); break;
    case LUA_GCSETPAUSE:
      res = g->gcpause;
      g->gcpause = va_arg(ap, int);
      break;
    case LUA_GCSETSTEPMUL:
      res = g->gcstepmul;
      g->gcstepmul = va_arg(ap, int);
      break;
    case LUA_GCGEN: {  /* minor multiplier, major multiplier */
      int minor = va_arg(ap, int);
      int major = va_arg(ap, int);
      res = gcmodename(g);
      if (minor != 0)
        g->genminormul = cast(lu_byte, minor);
      if (major != 0)  /* a percentage up to 1020, kept divided by 4 */
        g->genmajormul = cast(lu_byte, major / 4);
      tyC_changemode(L, KGC_GEN);
      break;
    }
    case LUA_GCINC: {  /* pause, step multiplier, step size */
      int pause = va_arg(ap, int);
      int mul = va_arg(ap, int);
      int size = va_arg(ap, int);
      res = gcmodename(g);
      setnonzero(&g->gcpause, pause);
      setnonzero(&g->gcstepmul, mul);
      setnonzero(&g->gcstepsize, size);
      tyC_changemode(L, KGC_INC);
      break;
    }
    default: res = -1;  /* not an option */
  }
  va_end(ap);
  return res;
}

/* ======================================================================
** Operators and the rest
** ====================================================================== */

LUA_API void lua_concat(lua_State *L, int n) {
  api_checknelems(L, n);
  if (n == 0) {  /* the empty concatenation */
    setsvalue(L, L->top, tyS_newlstr(L, "", 0));
    api_incr_top(L);
  }
  else if (n > 1)
    tyV_concat(L, n);
  /* n == 1: the value is its own result (a number stays a number) */
  tyC_checkGC(L);
}

LUA_API void lua_len(lua_State *L, int idx) {
  const TValue *o = at(L, idx);
  tyV_objlen(L, L->top, o);
  api_incr_top(L);
}

LUA_API lua_CFunction lua_atpanic(lua_State *L, lua_CFunction panicf) {
  lua_CFunction previous = G(L)->panic;
  G(L)->panic = panicf;
  return previous;
}

LUA_API lua_Number lua_version(lua_State *L) {
  (void)L;
  return LUA_VERSION_NUM;
}

LUA_API lua_Alloc lua_getallocf(lua_State *L, void **ud) {
  global_State *g = G(L);
  if (ud != NULL)
    *ud = g->ud;
  return g->frealloc;
}

LUA_API void lua_setallocf(lua_State *L, lua_Alloc f, void *ud) {
  global_State *g = G(L);
  g->frealloc = f;
  g->ud = ud;
}

LUA_API void lua_setwarnf(lua_State *L, lua_WarnFunction f, void *ud) {
  global_State *g = G(L);
  g->warnf = f;
  g->ud_warn = ud;
}

LUA_API void lua_warning(lua_State *L, const char *msg, int tocont) {
  tyE_warning(L, msg, tocont);
}

/* ======================================================================
** Upvalues (manual 4.7: lua_getupvalue and friends)
** ====================================================================== */

/*
** Upvalue n (1-based) of the closure fn: its name ("" for C closures, which
** have no names), where its value lives (*val) and the object owning that
** slot (*owner, for the barrier after a write).  NULL if there is no such
** upvalue or fn is not a closure.
*/
static const char *findupvalue(const TValue *fn, int n, TValue **val, GCObject **owner) {
  if (ttisCclosure(fn)) {
    CClosure *c = clCvalue(fn);
    if (n < 1 || n > c->nupvalues)
      return NULL;
    *val = &c->upvalue[n - 1];
    *owner = obj2gco(c);
    return "";
  }
  if (ttisLclosure(fn)) {
    LClosure *f = clLvalue(fn);
    const Proto *p = f->p;
    UpVal *uv;
    TString *name;
    if (n < 1 || n > p->sizeupvalues || n > f->nupvalues)
      return NULL;
    uv = f->upvals[n - 1];
    if (uv == NULL)
      return NULL;
    *val = uv->v;
    *owner = obj2gco(uv);
    name = p->upvalues[n - 1].name;
    return name != NULL ? getstr(name) : "(no name)";
  }
  return NULL;
}

LUA_API const char *lua_getupvalue(lua_State *L, int funcindex, int n) {
  TValue *val = NULL;
  GCObject *owner = NULL;
  const char *name = findupvalue(at(L, funcindex), n, &val, &owner);
  if (name != NULL) {
    setobj2s(L, L->top, val);
    api_incr_top(L);
  }
  return name;
}

LUA_API const char *lua_setupvalue(lua_State *L, int funcindex, int n) {
  TValue *val = NULL;
  GCObject *owner = NULL;
  const char *name;
  api_checknelems(L, 1);
  name = findupvalue(at(L, funcindex), n, &val, &owner);
  if (name != NULL) {
    L->top--;
    setobj(L, val, L->top);
    tyC_barrier(L, owner, val);
  }
  return name;
}

/* the cell holding UpVal n of the Lua closure at fidx; NULL for a bad n */
static UpVal **lclupvalue(lua_State *L, int fidx, int n, LClosure **closure) {
  const TValue *fn = at(L, fidx);
  LClosure *f;
  api_check(L, ttisLclosure(fn), "Lua function expected");
  f = clLvalue(fn);
  if (closure != NULL)
    *closure = f;
  if (n < 1 || n > f->p->sizeupvalues || n > f->nupvalues)
    return NULL;
  return &f->upvals[n - 1];
}

/* an identity for upvalue n: shared upvalues give the same pointer */
LUA_API void *lua_upvalueid(lua_State *L, int fidx, int n) {
  const TValue *fn = at(L, fidx);
  if (ttisLclosure(fn)) {
    UpVal **cell = lclupvalue(L, fidx, n, NULL);
    return cell != NULL ? *cell : NULL;
  }
  if (ttisCclosure(fn)) {
    CClosure *c = clCvalue(fn);
    return (n >= 1 && n <= c->nupvalues) ? &c->upvalue[n - 1] : NULL;
  }
  api_check(L, ttislcf(fn), "function expected");
  return NULL;  /* light C functions have no upvalues */
}

LUA_API void lua_upvaluejoin(lua_State *L, int fidx1, int n1, int fidx2, int n2) {
  LClosure *f1;
  UpVal **into = lclupvalue(L, fidx1, n1, &f1);
  UpVal **from = lclupvalue(L, fidx2, n2, NULL);
  api_check(L, into != NULL && from != NULL && *into != NULL && *from != NULL,
            "invalid upvalue index");
  if (into == NULL || from == NULL || *into == NULL || *from == NULL)
    return;
  *into = *from;
  tyC_objbarrier(L, f1, *into);
}
