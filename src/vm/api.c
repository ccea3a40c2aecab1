/* api.c: the public Lua 5.4 C API (lua_*), except the parts owned by do.c, debug.c and state.c. */
#include <stdarg.h>
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

/* a value is valid when it is not the shared nil that stands for "no value" */
#define isvalid(L, o) (!ttisnil(o) || (o) != &G(L)->nilvalue)

/* reset the cached "metamethod absent" bits of a table after a raw write */
#define invalidateTMcache(t) ((t)->flags &= (lu_byte)~maskflags)

/* ======================================================================
** index translation
** ====================================================================== */

TValue *tyA_index2value(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    StkId o = ci->func + idx;
    api_check(L, idx <= ci->top - (ci->func + 1), "unacceptable index");
    if (o >= L->top) return &G(L)->nilvalue;
    return o;
  }
  else if (!ispseudo(idx)) {  /* negative index */
    api_check(L, idx != 0 && -idx <= L->top - (ci->func + 1), "invalid index");
    return L->top + idx;
  }
  else if (idx == LUA_REGISTRYINDEX)
    return &G(L)->l_registry;
  else {  /* upvalues */
    idx = LUA_REGISTRYINDEX - idx;
    api_check(L, idx <= TY_MAXUPVAL + 1, "upvalue index too large");
    if (ttisCclosure(ci->func)) {
      CClosure *func = clCvalue(ci->func);
      return (idx <= func->nupvalues) ? &func->upvalue[idx - 1] : &G(L)->nilvalue;
    }
    /* light C function or Lua function (through a hook): no upvalues */
    return &G(L)->nilvalue;
  }
}

StkId tyA_index2stack(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    StkId o = ci->func + idx;
    api_check(L, o < L->top, "invalid index");
    return o;
  }
  api_check(L, idx != 0 && -idx <= L->top - (ci->func + 1), "invalid index");
  api_check(L, !ispseudo(idx), "invalid index");
  return L->top + idx;
}

const TValue *tyA_globals(lua_State *L) {
  return tyH_getint(hvalue(&G(L)->l_registry), LUA_RIDX_GLOBALS);
}

/* ======================================================================
** basic stack manipulation
** ====================================================================== */

LUA_API int lua_checkstack(lua_State *L, int n) {
  int res;
  CallInfo *ci = L->ci;
  api_check(L, n >= 0, "negative 'n'");
  if (L->stack_last - L->top > n)  /* stack large enough? */
    res = 1;
  else {
    int inuse = cast_int(L->top - L->stack) + EXTRA_STACK;
    if (inuse > TY_MAXSTACK - n)  /* can't grow without overflow? */
      res = 0;
    else
      res = tyD_growstack(L, n, 0);
  }
  if (res && ci->top < L->top + n)
    ci->top = L->top + n;  /* adjust frame top */
  return res;
}

LUA_API void lua_xmove(lua_State *from, lua_State *to, int n) {
  int i;
  if (from == to) return;
  api_checknelems(from, n);
  api_check(from, G(from) == G(to), "moving among independent states");
  api_check(from, to->ci->top - to->top >= n, "stack overflow");
  from->top -= n;
  for (i = 0; i < n; i++) {
    setobjs2s(to, to->top, from->top + i);
    to->top++;  /* stack already checked by the caller */
  }
}

LUA_API lua_CFunction lua_atpanic(lua_State *L, lua_CFunction panicf) {
  lua_CFunction old = G(L)->panic;
  G(L)->panic = panicf;
  return old;
}

LUA_API lua_Number lua_version(lua_State *L) {
  (void)L;
  return LUA_VERSION_NUM;
}

LUA_API int lua_absindex(lua_State *L, int idx) {
  return (idx > 0 || ispseudo(idx))
         ? idx
         : cast_int(L->top - L->ci->func) + idx;
}

LUA_API int lua_gettop(lua_State *L) {
  return cast_int(L->top - (L->ci->func + 1));
}

/* does the thread have a pending to-be-closed slot at or above `level`? */
static int hastbc(lua_State *L, StkId level) {
  return L->ntbc > 0 && restorestack(L, L->tbc[L->ntbc - 1]) >= level;
}

LUA_API void lua_settop(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  StkId func = ci->func, newtop;
  ptrdiff_t diff;
  if (idx >= 0) {
    api_check(L, idx <= ci->top - (func + 1), "new top too large");
    diff = ((func + 1) + idx) - L->top;
    for (; diff > 0; diff--)
      setnilvalue(L->top++);  /* clear new slots */
  }
  else {
    api_check(L, -(idx + 1) <= (L->top - (func + 1)), "invalid new top");
    diff = idx + 1;
  }
  newtop = L->top + diff;
  if (diff < 0 && hastbc(L, newtop))
    newtop = tyF_close(L, newtop, CLOSEKTOP, 0);  /* runs __close of removed slots */
  L->top = newtop;
}

LUA_API void lua_closeslot(lua_State *L, int idx) {
  StkId level = index2stack(L, idx);
  api_check(L, L->ntbc > 0 && restorestack(L, L->tbc[L->ntbc - 1]) == level,
            "no variable to close at given level");
  level = tyF_close(L, level, CLOSEKTOP, 0);
  setnilvalue(level);
}

/* reverses the slots from..to (inclusive) */
static void reverse(lua_State *L, StkId from, StkId to) {
  for (; from < to; from++, to--) {
    TValue temp;
    setobj(L, &temp, from);
    setobjs2s(L, from, to);
    setobj2s(L, to, &temp);
  }
}

/* rotation by three reversals: (ab)^r = b^r a^r */
LUA_API void lua_rotate(lua_State *L, int idx, int n) {
  StkId p, t, m;
  t = L->top - 1;
  p = index2stack(L, idx);
  api_check(L, (n >= 0 ? n : -n) <= (t - p + 1), "invalid 'n'");
  m = (n >= 0 ? t - n : p - n - 1);
  reverse(L, p, m);
  reverse(L, m + 1, t);
  reverse(L, p, t);
}

LUA_API void lua_copy(lua_State *L, int fromidx, int toidx) {
  TValue *fr = index2value(L, fromidx);
  TValue *to = index2value(L, toidx);
  api_check(L, isvalid(L, to), "invalid index");
  setobj(L, to, fr);
  if (toidx < LUA_REGISTRYINDEX)  /* function upvalue? */
    tyC_barrier(L, clCvalue(L->ci->func), fr);
}

LUA_API void lua_pushvalue(lua_State *L, int idx) {
  setobj2s(L, L->top, index2value(L, idx));
  api_incr_top(L);
}

/* ======================================================================
** access functions (stack -> C)
** ====================================================================== */

LUA_API int lua_type(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return (isvalid(L, o) ? ttype(o) : LUA_TNONE);
}

LUA_API const char *lua_typename(lua_State *L, int t) {
  (void)L;
  api_check(L, LUA_TNONE <= t && t < LUA_NUMTYPES, "invalid type");
  return ttypename(t);
}

LUA_API int lua_iscfunction(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return (ttislcf(o) || ttisCclosure(o));
}

LUA_API int lua_isinteger(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return ttisinteger(o);
}

LUA_API int lua_isnumber(lua_State *L, int idx) {
  lua_Number n;
  const TValue *o = index2value(L, idx);
  return tonumber(o, &n);
}

LUA_API int lua_isstring(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return (ttisstring(o) || cvt2str(o));
}

LUA_API int lua_isuserdata(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return (ttisfulluserdata(o) || ttislightuserdata(o));
}

LUA_API int lua_rawequal(lua_State *L, int index1, int index2) {
  const TValue *o1 = index2value(L, index1);
  const TValue *o2 = index2value(L, index2);
  return (isvalid(L, o1) && isvalid(L, o2)) ? tyV_rawequalobj(o1, o2) : 0;
}

LUA_API void lua_arith(lua_State *L, int op) {
  StkId p1, p2;
  if (op != LUA_OPUNM && op != LUA_OPBNOT)
    api_checknelems(L, 2);  /* all other operations expect two operands */
  else {  /* unary operations: add a fake second operand */
    api_checknelems(L, 1);
    setobjs2s(L, L->top, L->top - 1);
    api_incr_top(L);
  }
  p1 = L->top - 2;
  p2 = L->top - 1;
  if (!tyO_rawarith(L, op, p1, p2, p1)) {  /* not done by plain arithmetic */
    if ((op == LUA_OPIDIV || op == LUA_OPMOD) && ttisinteger(p1) && ttisinteger(p2)) {
      /* integer division by zero: raises "attempt to perform 'n//0'" / "'n%%0'" */
      lua_Integer r = (op == LUA_OPIDIV) ? tyV_idiv(L, ivalue(p1), ivalue(p2))
                                         : tyV_mod(L, ivalue(p1), ivalue(p2));
      setivalue(p1, r);
    }
    else  /* metamethod or error */
      tyT_trybinTM(L, p1, p2, p1, cast(TMS, (op - LUA_OPADD) + TM_ADD));
  }
  L->top--;  /* pop second operand; result is in the first one's slot */
}

LUA_API int lua_compare(lua_State *L, int index1, int index2, int op) {
  const TValue *o1 = index2value(L, index1);
  const TValue *o2 = index2value(L, index2);
  int i = 0;
  if (isvalid(L, o1) && isvalid(L, o2)) {
    switch (op) {
      case LUA_OPEQ: i = tyV_equalobj(L, o1, o2); break;
      case LUA_OPLT: i = tyV_lessthan(L, o1, o2); break;
      case LUA_OPLE: i = tyV_lessequal(L, o1, o2); break;
      default: api_check(L, 0, "invalid option");
    }
  }
  return i;
}

LUA_API size_t lua_stringtonumber(lua_State *L, const char *s) {
  size_t sz = tyO_str2num(s, L->top);
  if (sz != 0)
    api_incr_top(L);
  return sz;
}

LUA_API lua_Number lua_tonumberx(lua_State *L, int idx, int *pisnum) {
  lua_Number n = 0;
  const TValue *o = index2value(L, idx);
  int isnum = tonumber(o, &n);
  if (pisnum) *pisnum = isnum;
  return n;
}

LUA_API lua_Integer lua_tointegerx(lua_State *L, int idx, int *pisnum) {
  lua_Integer res = 0;
  const TValue *o = index2value(L, idx);
  int isnum = tointeger(o, &res);
  if (!isnum) res = 0;
  if (pisnum) *pisnum = isnum;
  return res;
}

LUA_API int lua_toboolean(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return !l_isfalse(o);
}

LUA_API const char *lua_tolstring(lua_State *L, int idx, size_t *len) {
  TValue *o = index2value(L, idx);
  if (!ttisstring(o)) {
    if (!cvt2str(o)) {  /* not convertible? */
      if (len != NULL) *len = 0;
      return NULL;
    }
    tyO_tostring(L, o);  /* converts the number in place */
    tyC_checkGC(L);
    o = index2value(L, idx);  /* the collector may have moved the stack */
  }
  if (len != NULL)
    *len = vslen(o);
  return svalue(o);
}

LUA_API lua_Unsigned lua_rawlen(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  switch (ttypetag(o)) {
    case TY_VSHRSTR: return tsvalue(o)->shrlen;
    case TY_VLNGSTR: return tsvalue(o)->u.lnglen;
    case TY_VUSERDATA: return uvalue(o)->len;
    case TY_VTABLE: return tyH_getn(hvalue(o));
    default: return 0;
  }
}

LUA_API lua_CFunction lua_tocfunction(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  if (ttislcf(o)) return fvalue(o);
  else if (ttisCclosure(o)) return clCvalue(o)->f;
  else return NULL;  /* not a C function */
}

static void *touserdata(const TValue *o) {
  switch (ttype(o)) {
    case LUA_TUSERDATA: return getudatamem(uvalue(o));
    case LUA_TLIGHTUSERDATA: return pvalue(o);
    default: return NULL;
  }
}

LUA_API void *lua_touserdata(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return touserdata(o);
}

LUA_API lua_State *lua_tothread(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return (!ttisthread(o)) ? NULL : thvalue(o);
}

/* Pointers to light C functions, userdata and light userdata are the
** "natural" ones; other collectable objects give their address. */
LUA_API const void *lua_topointer(lua_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  switch (ttypetag(o)) {
    case TY_VLCF: return cast(void *, cast(size_t, fvalue(o)));
    case TY_VUSERDATA: case TY_VLIGHTUD: return touserdata(o);
    default:
      if (iscollectable(o)) return gcvalue(o);
      return NULL;
  }
}

/* ======================================================================
** push functions (C -> stack)
** ====================================================================== */

LUA_API void lua_pushnil(lua_State *L) {
  setnilvalue(L->top);
  api_incr_top(L);
}

LUA_API void lua_pushnumber(lua_State *L, lua_Number n) {
  setfltvalue(L->top, n);
  api_incr_top(L);
}

LUA_API void lua_pushinteger(lua_State *L, lua_Integer n) {
  setivalue(L->top, n);
  api_incr_top(L);
}

/* the string is created before it is pushed, so a memory error leaves the stack intact */
LUA_API const char *lua_pushlstring(lua_State *L, const char *s, size_t len) {
  TString *ts = (len == 0) ? tyS_new(L, "") : tyS_newlstr(L, s, len);
  setsvalue(L, L->top, ts);
  api_incr_top(L);
  tyC_checkGC(L);
  return getstr(ts);
}

LUA_API const char *lua_pushstring(lua_State *L, const char *s) {
  if (s == NULL) {
    setnilvalue(L->top);
    api_incr_top(L);
    return NULL;
  }
  else {
    TString *ts = tyS_new(L, s);
    setsvalue(L, L->top, ts);
    api_incr_top(L);
    tyC_checkGC(L);
    return getstr(ts);
  }
}

LUA_API const char *lua_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  const char *ret = tyO_pushvfstring(L, fmt, argp);
  tyC_checkGC(L);
  return ret;
}

LUA_API const char *lua_pushfstring(lua_State *L, const char *fmt, ...) {
  const char *ret;
  va_list argp;
  va_start(argp, fmt);
  ret = tyO_pushvfstring(L, fmt, argp);
  va_end(argp);
  tyC_checkGC(L);
  return ret;
}

LUA_API void lua_pushcclosure(lua_State *L, lua_CFunction fn, int n) {
  if (n == 0) {
    setfvalue(L->top, fn);
    api_incr_top(L);
  }
  else {
    CClosure *cl;
    api_checknelems(L, n);
    api_check(L, n <= TY_MAXUPVAL, "upvalue index too large");
    cl = tyF_newCclosure(L, n);
    cl->f = fn;
    L->top -= n;
    while (n--)
      setobj2n(L, &cl->upvalue[n], L->top + n);  /* new object: no barrier */
    setclCvalue(L, L->top, cl);
    api_incr_top(L);
    tyC_checkGC(L);
  }
}

LUA_API void lua_pushboolean(lua_State *L, int b) {
  if (b) setbtvalue(L->top);
  else setbfvalue(L->top);
  api_incr_top(L);
}

LUA_API void lua_pushlightuserdata(lua_State *L, void *p) {
  setpvalue(L->top, p);
  api_incr_top(L);
}

LUA_API int lua_pushthread(lua_State *L) {
  setthvalue(L, L->top, L);
  api_incr_top(L);
  return (G(L)->mainthread == L);
}

/* ======================================================================
** get functions (Lua -> stack)
** ====================================================================== */

/* t[k] for a C-string key, with metamethods */
static int auxgetstr(lua_State *L, const TValue *t, const char *k) {
  const TValue *slot = NULL;
  TString *str = tyS_new(L, k);
  if (ttistable(t)) {
    slot = tyH_getstr(hvalue(t), str);
    if (!isempty(slot)) {
      setobj2s(L, L->top, slot);
      api_incr_top(L);
      return ttype(L->top - 1);
    }
  }
  setsvalue(L, L->top, str);
  api_incr_top(L);
  tyV_finishget(L, t, L->top - 1, L->top - 1, slot);
  return ttype(L->top - 1);
}

LUA_API int lua_getglobal(lua_State *L, const char *name) {
  const TValue *G = tyA_globals(L);
  return auxgetstr(L, G, name);
}

LUA_API int lua_gettable(lua_State *L, int idx) {
  const TValue *slot = NULL;
  TValue *t = index2value(L, idx);
  api_checknelems(L, 1);
  if (ttistable(t)) {
    slot = tyH_get(hvalue(t), L->top - 1);
    if (!isempty(slot)) {
      setobj2s(L, L->top - 1, slot);
      return ttype(L->top - 1);
    }
  }
  tyV_finishget(L, t, L->top - 1, L->top - 1, slot);
  return ttype(L->top - 1);
}

LUA_API int lua_getfield(lua_State *L, int idx, const char *k) {
  return auxgetstr(L, index2value(L, idx), k);
}

LUA_API int lua_geti(lua_State *L, int idx, lua_Integer n) {
  const TValue *slot = NULL;
  TValue *t = index2value(L, idx);
  if (ttistable(t)) {
    tyH_fastgeti(hvalue(t), n, slot);
    if (!isempty(slot)) {
      setobj2s(L, L->top, slot);
      api_incr_top(L);
      return ttype(L->top - 1);
    }
  }
  setivalue(L->top, n);
  api_incr_top(L);
  tyV_finishget(L, t, L->top - 1, L->top - 1, slot);
  return ttype(L->top - 1);
}

/* pushes a raw lookup result (absent/empty -> nil) */
static int finishrawget(lua_State *L, const TValue *val) {
  if (isempty(val))
    setnilvalue(L->top);
  else
    setobj2s(L, L->top, val);
  api_incr_top(L);
  return ttype(L->top - 1);
}

static Table *gettable(lua_State *L, int idx) {
  TValue *t = index2value(L, idx);
  api_check(L, ttistable(t), "table expected");
  return hvalue(t);
}

LUA_API int lua_rawget(lua_State *L, int idx) {
  Table *t;
  const TValue *val;
  api_checknelems(L, 1);
  t = gettable(L, idx);
  val = tyH_get(t, L->top - 1);
  L->top--;  /* remove key */
  return finishrawget(L, val);
}

LUA_API int lua_rawgeti(lua_State *L, int idx, lua_Integer n) {
  Table *t = gettable(L, idx);
  const TValue *val;
  tyH_fastgeti(t, n, val);
  return finishrawget(L, val);
}

LUA_API int lua_rawgetp(lua_State *L, int idx, const void *p) {
  Table *t = gettable(L, idx);
  TValue k;
  setpvalue(&k, cast(void *, p));
  return finishrawget(L, tyH_get(t, &k));
}

LUA_API void lua_createtable(lua_State *L, int narray, int nrec) {
  Table *t = tyH_new(L);
  sethvalue(L, L->top, t);
  api_incr_top(L);
  if (narray > 0 || nrec > 0)
    tyH_resize(L, t, (unsigned int)(narray > 0 ? narray : 0),
                     (unsigned int)(nrec > 0 ? nrec : 0));
  tyC_checkGC(L);
}

LUA_API int lua_getmetatable(lua_State *L, int objindex) {
  const TValue *obj = index2value(L, objindex);
  Table *mt;
  switch (ttype(obj)) {
    case LUA_TTABLE: mt = hvalue(obj)->metatable; break;
    case LUA_TUSERDATA: mt = uvalue(obj)->metatable; break;
    default: mt = G(L)->mt[ttype(obj)]; break;
  }
  if (mt == NULL) return 0;
  sethvalue(L, L->top, mt);
  api_incr_top(L);
  return 1;
}

LUA_API int lua_getiuservalue(lua_State *L, int idx, int n) {
  TValue *o = index2value(L, idx);
  int t;
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  if (n <= 0 || n > uvalue(o)->nuvalue) {
    setnilvalue(L->top);
    t = LUA_TNONE;
  }
  else {
    setobj2s(L, L->top, &uvalue(o)->uv[n - 1]);
    t = ttype(L->top);
  }
  api_incr_top(L);
  return t;
}

/* ======================================================================
** set functions (stack -> Lua)
** ====================================================================== */

/* t[k] = top value, for a C-string key, with metamethods; pops the value */
static void auxsetstr(lua_State *L, const TValue *t, const char *k) {
  const TValue *slot = NULL;
  TString *str = tyS_new(L, k);
  api_checknelems(L, 1);
  if (ttistable(t)) {
    slot = tyH_getstr(hvalue(t), str);
    if (!isempty(slot)) {  /* existing entry: plain assignment */
      setobj2t(L, cast(TValue *, slot), L->top - 1);
      tyC_barrierback(L, hvalue(t), L->top - 1);
      L->top--;
      return;
    }
  }
  setsvalue(L, L->top, str);  /* key goes on the stack */
  api_incr_top(L);
  tyV_finishset(L, t, L->top - 1, L->top - 2, slot);
  L->top -= 2;  /* pop value and key */
}

LUA_API void lua_setglobal(lua_State *L, const char *name) {
  const TValue *G = tyA_globals(L);
  auxsetstr(L, G, name);
}

LUA_API void lua_settable(lua_State *L, int idx) {
  const TValue *slot = NULL;
  TValue *t;
  api_checknelems(L, 2);
  t = index2value(L, idx);
  if (ttistable(t)) {
    slot = tyH_get(hvalue(t), L->top - 2);
    if (!isempty(slot)) {
      setobj2t(L, cast(TValue *, slot), L->top - 1);
      tyC_barrierback(L, hvalue(t), L->top - 1);
      L->top -= 2;
      return;
    }
  }
  tyV_finishset(L, t, L->top - 2, L->top - 1, slot);
  L->top -= 2;  /* pop index and value */
}

LUA_API void lua_setfield(lua_State *L, int idx, const char *k) {
  auxsetstr(L, index2value(L, idx), k);
}

LUA_API void lua_seti(lua_State *L, int idx, lua_Integer n) {
  const TValue *slot = NULL;
  TValue *t;
  api_checknelems(L, 1);
  t = index2value(L, idx);
  if (ttistable(t)) {
    tyH_fastgeti(hvalue(t), n, slot);
    if (!isempty(slot)) {
      setobj2t(L, cast(TValue *, slot), L->top - 1);
      tyC_barrierback(L, hvalue(t), L->top - 1);
      L->top--;
      return;
    }
  }
  setivalue(L->top, n);
  api_incr_top(L);
  tyV_finishset(L, t, L->top - 1, L->top - 2, slot);
  L->top -= 2;  /* pop value and key */
}

static void aux_rawset(lua_State *L, int idx, TValue *key, int n) {
  Table *t;
  api_checknelems(L, n);
  t = gettable(L, idx);
  tyH_set(L, t, key, L->top - 1);
  invalidateTMcache(t);
  tyC_barrierback(L, t, key);
  tyC_barrierback(L, t, L->top - 1);
  L->top -= n;
}

LUA_API void lua_rawset(lua_State *L, int idx) {
  aux_rawset(L, idx, L->top - 2, 2);
}

LUA_API void lua_rawsetp(lua_State *L, int idx, const void *p) {
  TValue k;
  setpvalue(&k, cast(void *, p));
  aux_rawset(L, idx, &k, 1);
}

LUA_API void lua_rawseti(lua_State *L, int idx, lua_Integer n) {
  Table *t;
  api_checknelems(L, 1);
  t = gettable(L, idx);
  tyH_setint(L, t, n, L->top - 1);
  tyC_barrierback(L, t, L->top - 1);
  L->top--;
}

/* sets the metatable of a table/userdata (with barrier and finalizer check) */
static void setobjmt(lua_State *L, GCObject *o, Table **field, Table *mt) {
  *field = mt;
  if (mt) {
    tyC_objbarrier(L, o, mt);
    if (gfasttm(G(L), mt, TM_GC) != NULL)
      tyC_checkfinalizer(L, o, mt);
  }
}

LUA_API int lua_setmetatable(lua_State *L, int objindex) {
  TValue *obj;
  Table *mt;
  api_checknelems(L, 1);
  obj = index2value(L, objindex);
  if (ttisnil(L->top - 1))
    mt = NULL;
  else {
    api_check(L, ttistable(L->top - 1), "table expected");
    mt = hvalue(L->top - 1);
  }
  switch (ttype(obj)) {
    case LUA_TTABLE:
      setobjmt(L, gcvalue(obj), &hvalue(obj)->metatable, mt);
      break;
    case LUA_TUSERDATA:
      setobjmt(L, gcvalue(obj), &uvalue(obj)->metatable, mt);
      break;
    default:
      G(L)->mt[ttype(obj)] = mt;
      break;
  }
  L->top--;
  return 1;
}

LUA_API int lua_setiuservalue(lua_State *L, int idx, int n) {
  TValue *o;
  int res;
  api_checknelems(L, 1);
  o = index2value(L, idx);
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  if (!(cast(unsigned int, n) - 1u < cast(unsigned int, uvalue(o)->nuvalue)))
    res = 0;  /* 'n' not in [1, nuvalue] */
  else {
    setobj(L, &uvalue(o)->uv[n - 1], L->top - 1);
    tyC_barrierback(L, gcvalue(o), L->top - 1);
    res = 1;
  }
  L->top--;
  return res;
}

/* ======================================================================
** load and call
** ====================================================================== */

#define checkresults(L, na, nr) \
  api_check(L, (nr) == LUA_MULTRET || \
               (L->ci->top - L->top >= (nr) - (na)), \
            "results from function overflow current stack size")

/*
** Coroutines run on their own C stacks, so the call returns after a yield and
** resume; if it yielded, the continuation then finishes the C function
** (tyD_finishk), as the manual says.  Without a continuation the 5.4 rules
** apply: the callee may not yield.
*/
LUA_API void lua_callk(lua_State *L, int nargs, int nresults,
                       lua_KContext ctx, lua_KFunction k) {
  StkId func;
  api_check(L, k == NULL || !isLua(L->ci), "cannot use continuations inside hooks");
  api_checknelems(L, nargs + 1);
  api_check(L, L->status == LUA_OK, "cannot do calls on non-normal thread");
  checkresults(L, nargs, nresults);
  func = L->top - (nargs + 1);
  if (k != NULL && !isLua(L->ci)) {
    CallInfo *ci = L->ci;
    unsigned int ny = L->nyields;
    ci->u.c.k = k;
    ci->u.c.ctx = ctx;
    tyD_call(L, func, nresults);
    if (L->nyields != ny && ci->u.c.kjmp != NULL) {  /* it yielded: k finishes the function */
      adjustresults(L, nresults);
      tyD_finishk(L, ci, LUA_YIELD);
    }
  }
  else {
    L->nny++;
    tyD_call(L, func, nresults);
    L->nny--;
  }
  adjustresults(L, nresults);
}

struct CallS {  /* data for f_call */
  StkId func;
  int nresults;
};

static void f_call(lua_State *L, void *ud) {
  struct CallS *c = cast(struct CallS *, ud);
  tyD_call(L, c->func, c->nresults);
}

LUA_API int lua_pcallk(lua_State *L, int nargs, int nresults, int errfunc,
                       lua_KContext ctx, lua_KFunction k) {
  struct CallS c;
  int status;
  ptrdiff_t func;
  unsigned int oldnny = L->nny;
  api_check(L, k == NULL || !isLua(L->ci), "cannot use continuations inside hooks");
  api_checknelems(L, nargs + 1);
  api_check(L, L->status == LUA_OK, "cannot do calls on non-normal thread");
  checkresults(L, nargs, nresults);
  if (errfunc == 0)
    func = 0;
  else {
    StkId o = index2stack(L, errfunc);
    api_check(L, ttisfunction(o), "error handler must be a function");
    func = savestack(L, o);
  }
  c.func = L->top - (nargs + 1);
  c.nresults = nresults;
  if (k != NULL && !isLua(L->ci)) {
    L->ci->u.c.k = k;
    L->ci->u.c.ctx = ctx;
  }
  else
    L->nny++;  /* no continuation: the callee may not yield */
  {
    unsigned int ny = L->nyields;
    CallInfo *ci = L->ci;
    if (k != NULL && !isLua(ci)) {  /* what an image needs to redo this pcall's recovery */
      ci->callstatus |= CIST_YPCALL;
      ci->u2.funcidx = (int)savestack(L, c.func);
      ci->u.c.old_errfunc = L->errfunc;
    }
    status = tyD_pcall(L, f_call, &c, savestack(L, c.func), func);
    ci->callstatus &= ~CIST_YPCALL;
    L->nny = oldnny;  /* also undoes increments of calls unwound by an error */
    adjustresults(L, nresults);
    if (k != NULL && !isLua(ci) && L->nyields != ny && ci->u.c.kjmp != NULL)
      tyD_finishk(L, ci, status == LUA_OK ? LUA_YIELD : status);  /* as after a yield in PUC */
  }
  return status;
}

LUA_API int lua_load(lua_State *L, lua_Reader reader, void *data,
                     const char *chunkname, const char *mode) {
  ZIO z;
  int status;
  if (!chunkname) chunkname = "?";
  tyZ_init(L, &z, reader, data);
  status = tyY_protectedparser(L, &z, chunkname, mode);
  if (status == LUA_OK) {
    LClosure *f = clLvalue(L->top - 1);
    if (f->nupvalues >= 1) {  /* first upvalue is _ENV: the globals table */
      const TValue *gt = tyA_globals(L);
      setobj(L, f->upvals[0]->v, gt);
      tyC_barrier(L, f->upvals[0], gt);
    }
  }
  return status;
}

LUA_API int lua_dump(lua_State *L, lua_Writer writer, void *data, int strip) {
  TValue *o;
  api_checknelems(L, 1);
  o = L->top - 1;
  if (ttisLclosure(o))
    return tyU_dump(L, clLvalue(o)->p, writer, data, strip);
  return 1;
}

LUA_API int lua_status(lua_State *L) {
  return L->status;
}

/* ======================================================================
** garbage collection
** ====================================================================== */

LUA_API int lua_gc(lua_State *L, int what, ...) {
  va_list argp;
  int res = 0;
  global_State *g = G(L);
  if (g->gcstp & GCSTPGC)  /* stopped internally (inside a finalizer)? */
    return -1;
  va_start(argp, what);
  switch (what) {
    case LUA_GCSTOP:
      g->gcstp = GCSTPUSR;
      break;
    case LUA_GCRESTART:
      tyE_setdebt(g, 0);
      g->gcstp = 0;
      break;
    case LUA_GCCOLLECT:
      tyC_fullgc(L, 0);
      break;
    case LUA_GCCOUNT:
      res = cast_int(gettotalbytes(g) >> 10);  /* KB */
      break;
    case LUA_GCCOUNTB:
      res = cast_int(gettotalbytes(g) & 0x3ff);
      break;
    case LUA_GCSTEP: {
      int data = va_arg(argp, int);
      l_mem debt = 1;  /* =1 to signal that it did an actual step */
      lu_byte oldstp = g->gcstp;
      g->gcstp = 0;  /* allow a step even when stopped by the user */
      if (data == 0) {
        tyE_setdebt(g, 0);  /* a basic step */
        tyC_step(L);
      }
      else {  /* add 'data' KB to the debt */
        debt = cast(l_mem, data) * 1024 + g->GCdebt;
        tyE_setdebt(g, debt);
        tyC_checkGC(L);
      }
      g->gcstp = oldstp;
      if (debt > 0 && g->gcstate == GCSpause)  /* finished a cycle? */
        res = 1;
      break;
    }
    case LUA_GCSETPAUSE: {
      int data = va_arg(argp, int);
      res = g->gcpause;
      g->gcpause = data;
      break;
    }
    case LUA_GCSETSTEPMUL: {
      int data = va_arg(argp, int);
      res = g->gcstepmul;
      g->gcstepmul = data;
      break;
    }
    case LUA_GCISRUNNING:
      res = gcrunning(g);
      break;
    case LUA_GCGEN: {
      int minormul = va_arg(argp, int);
      int majormul = va_arg(argp, int);
      res = (g->gckind == KGC_GEN) ? LUA_GCGEN : LUA_GCINC;
      if (minormul != 0)
        g->genminormul = cast(lu_byte, minormul);
      if (majormul != 0)  /* stored divided by 4, as a percentage up to 1020 */
        g->genmajormul = cast(lu_byte, majormul / 4);
      tyC_changemode(L, KGC_GEN);
      break;
    }
    case LUA_GCINC: {
      int pause = va_arg(argp, int);
      int stepmul = va_arg(argp, int);
      int stepsize = va_arg(argp, int);
      res = (g->gckind == KGC_GEN) ? LUA_GCGEN : LUA_GCINC;
      if (pause != 0) g->gcpause = pause;
      if (stepmul != 0) g->gcstepmul = stepmul;
      if (stepsize != 0) g->gcstepsize = stepsize;
      tyC_changemode(L, KGC_INC);
      break;
    }
    default: res = -1;  /* invalid option */
  }
  va_end(argp);
  return res;
}

/* ======================================================================
** miscellaneous
** ====================================================================== */

LUA_API int lua_error(lua_State *L) {
  TValue *errobj;
  api_checknelems(L, 1);
  errobj = L->top - 1;
  /* the preallocated memory-error message keeps its status */
  if (ttisshrstring(errobj) && eqshrstr(tsvalue(errobj), G(L)->memerrmsg))
    tyD_throw(L, LUA_ERRMEM);
  else
    tyG_errormsg(L);
  return 0;  /* not reached */
}

LUA_API int lua_next(lua_State *L, int idx) {
  Table *t;
  int more;
  api_checknelems(L, 1);
  t = gettable(L, idx);
  more = tyH_next(L, t, L->top - 1);
  if (more) {
    api_incr_top(L);
  }
  else
    L->top -= 1;  /* remove the key */
  return more;
}

LUA_API void lua_toclose(lua_State *L, int idx) {
  StkId o = index2stack(L, idx);
  tyF_newtbcupval(L, o);  /* checks __close; do.c closes it when the C function returns */
}

LUA_API void lua_concat(lua_State *L, int n) {
  api_checknelems(L, n);
  if (n > 1)
    tyV_concat(L, n);
  else if (n == 1)
    ;  /* a single value is its own concatenation (numbers stay numbers) */
  else {  /* nothing to concatenate: push the empty string */
    setsvalue(L, L->top, tyS_newlstr(L, "", 0));
    api_incr_top(L);
  }
  tyC_checkGC(L);
}

LUA_API void lua_len(lua_State *L, int idx) {
  TValue *t = index2value(L, idx);
  tyV_objlen(L, L->top, t);
  api_incr_top(L);
}

LUA_API lua_Alloc lua_getallocf(lua_State *L, void **ud) {
  lua_Alloc f = G(L)->frealloc;
  if (ud) *ud = G(L)->ud;
  return f;
}

LUA_API void lua_setallocf(lua_State *L, lua_Alloc f, void *ud) {
  G(L)->ud = ud;
  G(L)->frealloc = f;
}

LUA_API void lua_setwarnf(lua_State *L, lua_WarnFunction f, void *ud) {
  G(L)->ud_warn = ud;
  G(L)->warnf = f;
}

LUA_API void lua_warning(lua_State *L, const char *msg, int tocont) {
  tyE_warning(L, msg, tocont);
}

LUA_API void *lua_newuserdatauv(lua_State *L, size_t size, int nuvalue) {
  Udata *u;
  api_check(L, 0 <= nuvalue && nuvalue < USHRT_MAX, "invalid value");
  u = tyS_newudata(L, size, nuvalue);
  setuvalue(L, L->top, u);
  api_incr_top(L);
  tyC_checkGC(L);
  return getudatamem(u);
}

/* ======================================================================
** upvalues
** ====================================================================== */

/* name of upvalue n of fi ("" for C functions), its slot and owner; NULL if none */
static const char *aux_upvalue(TValue *fi, int n, TValue **val, GCObject **owner) {
  switch (ttypetag(fi)) {
    case TY_VCCL: {
      CClosure *f = clCvalue(fi);
      if (!(cast(unsigned int, n) - 1u < cast(unsigned int, f->nupvalues)))
        return NULL;
      *val = &f->upvalue[n - 1];
      if (owner) *owner = obj2gco(f);
      return "";
    }
    case TY_VLCL: {
      LClosure *f = clLvalue(fi);
      TString *name;
      Proto *p = f->p;
      if (!(cast(unsigned int, n) - 1u < cast(unsigned int, p->sizeupvalues)) ||
          n > f->nupvalues || f->upvals[n - 1] == NULL)
        return NULL;
      *val = f->upvals[n - 1]->v;
      if (owner) *owner = obj2gco(f->upvals[n - 1]);
      name = p->upvalues[n - 1].name;
      return (name == NULL) ? "(no name)" : getstr(name);
    }
    default: return NULL;  /* not a closure */
  }
}

LUA_API const char *lua_getupvalue(lua_State *L, int funcindex, int n) {
  const char *name;
  TValue *val = NULL;
  name = aux_upvalue(index2value(L, funcindex), n, &val, NULL);
  if (name) {
    setobj2s(L, L->top, val);
    api_incr_top(L);
  }
  return name;
}

LUA_API const char *lua_setupvalue(lua_State *L, int funcindex, int n) {
  const char *name;
  TValue *val = NULL;
  GCObject *owner = NULL;
  TValue *fi;
  fi = index2value(L, funcindex);
  api_checknelems(L, 1);
  name = aux_upvalue(fi, n, &val, &owner);
  if (name) {
    L->top--;
    setobj(L, val, L->top);
    tyC_barrier(L, owner, val);
  }
  return name;
}

/* slot holding the UpVal pointer n of the Lua closure at fidx (NULL if invalid) */
static UpVal **getupvalref(lua_State *L, int fidx, int n, LClosure **pf) {
  static const UpVal *const nullup = NULL;
  LClosure *f;
  TValue *fi = index2value(L, fidx);
  api_check(L, ttisLclosure(fi), "Lua function expected");
  f = clLvalue(fi);
  if (pf) *pf = f;
  if (1 <= n && n <= f->p->sizeupvalues && n <= f->nupvalues)
    return &f->upvals[n - 1];
  return (UpVal **)&nullup;
}

LUA_API void *lua_upvalueid(lua_State *L, int fidx, int n) {
  TValue *fi = index2value(L, fidx);
  switch (ttypetag(fi)) {
    case TY_VLCL:
      return *getupvalref(L, fidx, n, NULL);
    case TY_VCCL: {
      CClosure *f = clCvalue(fi);
      if (1 <= n && n <= f->nupvalues)
        return &f->upvalue[n - 1];
      return NULL;  /* invalid index: no identity */
    }
    case TY_VLCF:
      return NULL;  /* light C functions have no upvalues */
    default:
      api_check(L, 0, "function expected");
      return NULL;
  }
}

LUA_API void lua_upvaluejoin(lua_State *L, int fidx1, int n1, int fidx2, int n2) {
  LClosure *f1;
  UpVal **up1 = getupvalref(L, fidx1, n1, &f1);
  UpVal **up2 = getupvalref(L, fidx2, n2, NULL);
  api_check(L, *up1 != NULL && *up2 != NULL, "invalid upvalue index");
  if (*up1 == NULL || *up2 == NULL) return;
  *up1 = *up2;
  tyC_objbarrier(L, f1, *up1);
}
