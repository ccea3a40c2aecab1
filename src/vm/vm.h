/* vm.h: the interpreter, and the conversions and operators it shares with the API. */
#ifndef TY_VM_H
#define TY_VM_H

#include "do.h"

/* how float->integer conversion rounds */
typedef enum { F2Ieq, F2Ifloor, F2Iceil } F2Imod;

#define cvt2str(o) ttisnumber(o)  /* numbers convert to strings */
#define cvt2num(o) ttisstring(o)  /* strings convert to numbers */

#define tonumber(o, n) (ttisfloat(o) ? (*(n) = fltvalue(o), 1) : tyV_tonumber_(L, o, n))
#define tonumberns(o, n) (ttisfloat(o) ? ((n) = fltvalue(o), 1) : \
   (ttisinteger(o) ? ((n) = cast_num(ivalue(o)), 1) : 0))
#define tointeger(o, i) (l_likely(ttisinteger(o)) ? (*(i) = ivalue(o), 1) : tyV_tointeger(o, i, F2Ieq))
#define tointegerns(o, i) (l_likely(ttisinteger(o)) ? (*(i) = ivalue(o), 1) : tyV_tointegerns(o, i, F2Ieq))
#define intop(op, v1, v2) l_castU2S(l_castS2U(v1) op l_castS2U(v2))
#define tyV_rawequalobj(t1, t2) tyV_equalobj(NULL, t1, t2)

int tyV_equalobj(lua_State *L, const TValue *t1, const TValue *t2);  /* L NULL: raw */
int tyV_lessthan(lua_State *L, const TValue *l, const TValue *r);
int tyV_lessequal(lua_State *L, const TValue *l, const TValue *r);
int tyV_tonumber_(lua_State *L, const TValue *obj, lua_Number *n);
int tyV_tointeger(const TValue *obj, lua_Integer *p, F2Imod mode);    /* strings too */
int tyV_tointegerns(const TValue *obj, lua_Integer *p, F2Imod mode);  /* no strings */
int tyV_flttointns(lua_Number n, lua_Integer *p, F2Imod mode);
/* t[key] with __index chain; slot is the raw lookup result (absent -> metamethods) */
void tyV_finishget(lua_State *L, const TValue *t, TValue *key, StkId val, const TValue *slot);
void tyV_finishset(lua_State *L, const TValue *t, TValue *key, TValue *val, const TValue *slot);
void tyV_gettable(lua_State *L, const TValue *t, TValue *key, StkId val);  /* full semantics */
void tyV_settable(lua_State *L, const TValue *t, TValue *key, TValue *val);
void tyV_execute(lua_State *L, CallInfo *ci);
/* completes the instruction of the Lua frame L->ci whose metamethod call returned
** without it (a coroutine restored from an image); 0 for an instruction it cannot finish */
int tyV_finishOp(lua_State *L);
/* can tyV_finishOp complete this instruction after its call returns? */
int tyV_canfinish(Instruction i);
void tyV_concat(lua_State *L, int total);  /* concatenates `total` values below top */
lua_Integer tyV_idiv(lua_State *L, lua_Integer x, lua_Integer y);  /* "attempt to divide by zero" */
lua_Integer tyV_mod(lua_State *L, lua_Integer x, lua_Integer y);   /* "attempt to perform 'n%%0'" */
lua_Number tyV_modf(lua_State *L, lua_Number x, lua_Number y);
lua_Integer tyV_shiftl(lua_Integer x, lua_Integer y);
void tyV_objlen(lua_State *L, StkId ra, const TValue *rb);

#endif
