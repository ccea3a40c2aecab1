/* debug.c: debug interface (getinfo, locals, hooks), variable names for messages, runtime errors. */
#include <stdarg.h>
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

#define LUA_ENV "_ENV"

#define noLuaClosure(o) (!ttisLclosure(o))

static const char *funcnamefromcall(lua_State *L, CallInfo *ci, const char **name);

static int currentpc(CallInfo *ci) {
  int pc = pcRel(ci->u.l.savedpc, ci_func(ci)->p);
  return (pc < 0) ? 0 : pc;
}

int tyG_getfuncline(const Proto *f, int pc) {
  if (f->lineinfo == NULL || f->sizelineinfo == 0)
    return -1;
  if (pc < 0) pc = 0;
  if (pc >= f->sizelineinfo) pc = f->sizelineinfo - 1;
  return f->lineinfo[pc];
}

static int getcurrentline(CallInfo *ci) {
  return tyG_getfuncline(ci_func(ci)->p, currentpc(ci));
}

/* ======================================================================
** Hooks
** ====================================================================== */

/* make every Lua frame check for hooks */
static void settraps(CallInfo *ci) {
  for (; ci != NULL; ci = ci->previous)
    if (isLua(ci))
      ci->u.l.trap = 1;
}

LUA_API void lua_sethook(lua_State *L, lua_Hook func, int mask, int count) {
  if (func == NULL || mask == 0) {
    mask = 0;
    func = NULL;
  }
  L->hook = func;
  L->basehookcount = count;
  L->hookcount = count;
  L->hookmask = mask;
  if (mask)
    settraps(L->ci);
}

/* The getters report what lua_sethook stored (the count is the period, not
** the countdown in progress). */
LUA_API lua_Hook lua_gethook(lua_State *L) { return L->hook; }
LUA_API int lua_gethookmask(lua_State *L) { return L->hookmask; }
LUA_API int lua_gethookcount(lua_State *L) { return L->basehookcount; }

/* deprecated in 5.4.6: the limit is fixed */
LUA_API int lua_setcstacklimit(lua_State *L, unsigned int limit) {
  (void)L; (void)limit;
  return TY_MAXCCALLS;
}

static int changedline(const Proto *p, int oldpc, int newpc) {
  if (p->lineinfo == NULL || p->sizelineinfo == 0)
    return 0;
  return p->lineinfo[oldpc] != p->lineinfo[newpc];
}

/*
** Called by the interpreter before each instruction while hooks are on;
** pc points to the instruction about to run.  Returns 0 to turn the trap off.
*/
int tyG_traceexec(lua_State *L, const Instruction *pc) {
  CallInfo *ci = L->ci;
  int mask = L->hookmask;
  const Proto *p = ci_func(ci)->p;
  int counthook;
  if (!(mask & (LUA_MASKLINE | LUA_MASKCOUNT))) {
    ci->u.l.trap = 0;
    return 0;
  }
  pc++;  /* reference is always the next instruction */
  ci->u.l.savedpc = pc;
  counthook = (--L->hookcount == 0 && (mask & LUA_MASKCOUNT));
  if (counthook)
    L->hookcount = L->basehookcount;
  else if (!(mask & LUA_MASKLINE))
    return 1;  /* count hook not due and no line hook */
  if (!isIT(*(ci->u.l.savedpc - 1)))
    L->top = ci->top;  /* top is not in use: protect the frame */
  if (counthook)
    tyD_hook(L, LUA_HOOKCOUNT, -1, 0, 0);
  if (mask & LUA_MASKLINE) {
    int oldpc = (L->oldpc >= 0 && L->oldpc < p->sizecode) ? L->oldpc : 0;
    int npci = pcRel(pc, p);
    if (npci <= oldpc || changedline(p, oldpc, npci)) {  /* back jump or new line */
      int newline = tyG_getfuncline(p, npci);
      tyD_hook(L, LUA_HOOKLINE, newline, 0, 0);
    }
    L->oldpc = npci;
  }
  return 1;
}

/* ======================================================================
** Stack inspection
** ====================================================================== */

LUA_API int lua_getstack(lua_State *L, int level, lua_Debug *ar) {
  CallInfo *ci;
  if (level < 0)
    return 0;
  for (ci = L->ci; level > 0 && ci != &L->base_ci; ci = ci->previous)
    level--;
  if (level == 0 && ci != &L->base_ci) {
    ar->i_ci = ci;
    return 1;
  }
  return 0;
}

static const char *upvalname(const Proto *p, int uv) {
  TString *s;
  if (uv < 0 || uv >= p->sizeupvalues) return "?";
  s = p->upvalues[uv].name;
  return (s == NULL) ? "?" : getstr(s);
}

/*
** Local n of a frame lives in slot func + n.  Negative n names the extra
** arguments of a vararg Lua function, which sit below func: -1 is the first.
*/
static const char *findvararg(CallInfo *ci, int n, StkId *pos) {
  int nextra = clLvalue(ci->func)->p->is_vararg ? ci->u.l.nextraargs : 0;
  if (-n > nextra)
    return NULL;
  *pos = ci->func - nextra + (-n - 1);
  return "(vararg)";
}

/* first slot past the values frame ci has in use */
static StkId framelimit(lua_State *L, CallInfo *ci) {
  return (ci == L->ci) ? L->top : ci->next->func;
}

const char *tyG_findlocal(lua_State *L, CallInfo *ci, int n, StkId *pos) {
  StkId slot = ci->func + n;
  const char *name = NULL;
  int lua = isLua(ci);
  if (lua && n < 0)
    return findvararg(ci, n, pos);
  if (lua)
    name = tyF_getlocalname(ci_func(ci)->p, n, currentpc(ci));
  if (name == NULL) {
    /* unnamed, but still a live slot of the frame */
    if (n <= 0 || slot >= framelimit(L, ci))
      return NULL;
    name = lua ? "(temporary)" : "(C temporary)";
  }
  if (pos != NULL)
    *pos = slot;
  return name;
}

/* With ar == NULL: the name of parameter n of the Lua function on the top,
** and nothing is pushed.  Otherwise pushes the value of local n. */
LUA_API const char *lua_getlocal(lua_State *L, const lua_Debug *ar, int n) {
  StkId slot = NULL;
  const char *name;
  if (ar == NULL) {
    const TValue *f = L->top - 1;
    return ttisLclosure(f) ? tyF_getlocalname(clLvalue(f)->p, n, 0) : NULL;
  }
  name = tyG_findlocal(L, ar->i_ci, n, &slot);
  if (name != NULL) {
    L->top++;
    setobjs2s(L, L->top - 1, slot);
  }
  return name;
}

/* pops the top into local n; NULL (and nothing popped) when there is none */
LUA_API const char *lua_setlocal(lua_State *L, const lua_Debug *ar, int n) {
  StkId slot = NULL;
  const char *name = tyG_findlocal(L, ar->i_ci, n, &slot);
  if (name == NULL)
    return NULL;
  L->top--;
  setobjs2s(L, slot, L->top);
  return name;
}

static void funcinfo(lua_Debug *ar, const TValue *func) {
  if (func == NULL || noLuaClosure(func)) {
    ar->source = "=[C]";
    ar->srclen = 4;
    ar->linedefined = -1;
    ar->lastlinedefined = -1;
    ar->what = "C";
  }
  else {
    const Proto *p = clLvalue(func)->p;
    if (p->source) {
      ar->source = getstr(p->source);
      ar->srclen = tsslen(p->source);
    }
    else {
      ar->source = "=?";
      ar->srclen = 2;
    }
    ar->linedefined = p->linedefined;
    ar->lastlinedefined = p->lastlinedefined;
    ar->what = (ar->linedefined == 0) ? "main" : "Lua";
  }
  tyO_chunkid(ar->short_src, ar->source, ar->srclen);
}

static void collectvalidlines(lua_State *L, const TValue *func) {
  if (func == NULL || noLuaClosure(func)) {
    setnilvalue(L->top);
    L->top++;
  }
  else {
    const Proto *p = clLvalue(func)->p;
    Table *t = tyH_new(L);
    sethvalue(L, L->top, t);
    L->top++;
    if (p->lineinfo != NULL) {
      int i;
      TValue v;
      setbtvalue(&v);
      /* a vararg function's first instruction (VARARGPREP) has no line of its own */
      for (i = p->is_vararg ? 1 : 0; i < p->sizelineinfo; i++)
        tyH_setint(L, t, p->lineinfo[i], &v);
    }
  }
}

/*
** lua_getinfo, one option letter at a time.  Each filler gets the function
** (NULL when the value is not a function) and its frame (NULL for '>').
*/
typedef void (*InfoFiller)(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci);

static void fill_source(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  (void)L; (void)ci;
  funcinfo(ar, func);
}

static void fill_line(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  (void)L; (void)func;
  ar->currentline = (ci != NULL && isLua(ci)) ? getcurrentline(ci) : -1;
}

/* 'u': upvalue count; parameters (C functions count as vararg, no fixed ones) */
static void fill_params(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  (void)L; (void)ci;
  ar->nups = 0;
  ar->nparams = 0;
  ar->isvararg = 1;
  if (func == NULL || ttislcf(func))
    return;
  if (ttisLclosure(func)) {
    const LClosure *cl = clLvalue(func);
    ar->nups = cl->nupvalues;
    ar->nparams = cl->p->numparams;
    ar->isvararg = (char)cl->p->is_vararg;
  }
  else
    ar->nups = clCvalue(func)->nupvalues;
}

static void fill_tail(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  (void)L; (void)func;
  ar->istailcall = (char)(ci != NULL && (ci->callstatus & CIST_TAIL) != 0);
}

/* 'n': the caller's instruction names the callee; a tail call lost its caller */
static void fill_name(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  const char *kind = NULL;
  (void)func;
  ar->name = NULL;
  if (ci != NULL && !(ci->callstatus & CIST_TAIL))
    kind = funcnamefromcall(L, ci->previous, &ar->name);
  if (kind == NULL) {
    ar->name = NULL;
    kind = "";
  }
  ar->namewhat = kind;
}

/* 'r': the values moved by a call or return hook, recorded in the frame */
static void fill_transfer(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  int known = (ci != NULL && (ci->callstatus & CIST_TRAN));
  (void)L; (void)func;
  ar->ftransfer = known ? ci->u2.transferinfo.ftransfer : 0;
  ar->ntransfer = known ? ci->u2.transferinfo.ntransfer : 0;
}

/* 'f' and 'L' push values; lua_getinfo does that after the fields */
static void fill_nothing(lua_State *L, lua_Debug *ar, const TValue *func, CallInfo *ci) {
  (void)L; (void)ar; (void)func; (void)ci;
}

static const struct { char option; InfoFiller fill; } infofillers[] = {
  {'S', fill_source}, {'l', fill_line}, {'u', fill_params}, {'t', fill_tail},
  {'n', fill_name}, {'r', fill_transfer}, {'f', fill_nothing}, {'L', fill_nothing},
};

static InfoFiller fillerfor(char option) {
  size_t k;
  for (k = 0; k < sizeof(infofillers) / sizeof(infofillers[0]); k++)
    if (infofillers[k].option == option)
      return infofillers[k].fill;
  return NULL;
}

/* returns 0 when 'what' holds an unknown option (the known ones are still filled) */
LUA_API int lua_getinfo(lua_State *L, const char *what, lua_Debug *ar) {
  CallInfo *ci = NULL;
  const TValue *func;
  const char *opt;
  int valid = 1;
  if (what[0] == '>') {  /* the function is on the top: pop it (its slot stays readable) */
    what++;
    L->top--;
    func = L->top;
  }
  else {
    ci = ar->i_ci;
    func = ci->func;
  }
  if (!ttisfunction(func))
    func = NULL;
  for (opt = what; *opt != '\0'; opt++) {
    InfoFiller fill = fillerfor(*opt);
    if (fill != NULL)
      fill(L, ar, func, ci);
    else
      valid = 0;
  }
  if (strchr(what, 'f') != NULL) {
    if (func != NULL) {
      setobj2s(L, L->top, func);
    }
    else
      setnilvalue(L->top);
    L->top++;
  }
  if (strchr(what, 'L') != NULL)
    collectvalidlines(L, func);
  return valid;
}

/* ======================================================================
** Names of values (symbolic execution of the bytecode)
** ====================================================================== */

/* does the opcode write register A? */
static int setsregA(OpCode op) {
  switch (op) {
    case OP_SETUPVAL: case OP_SETTABUP: case OP_SETTABLE: case OP_SETI:
    case OP_SETFIELD: case OP_CLOSE: case OP_TBC: case OP_JMP:
    case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI:
    case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST:
    case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_TFORPREP:
    case OP_TFORCALL: case OP_SETLIST: case OP_VARARGPREP: case OP_EXTRAARG:
      return 0;
    default:
      return 1;
  }
}

static int filterpc(int pc, int jmptarget) {
  if (pc < jmptarget)  /* inside a conditional jump: unknown setter */
    return -1;
  return pc;
}

/* last instruction before lastpc that changed register reg */
static int findsetreg(const Proto *p, int lastpc, int reg) {
  int pc;
  int setreg = -1;
  int jmptarget = 0;
  for (pc = 0; pc < lastpc; pc++) {
    Instruction i = p->code[pc];
    OpCode op = GET_OPCODE(i);
    int a = GETARG_A(i);
    int change;
    switch (op) {
      case OP_LOADNIL: {
        int b = GETARG_B(i);
        change = (a <= reg && reg <= a + b);
        break;
      }
      case OP_TFORCALL:
        change = (reg >= a + 2);
        break;
      case OP_CALL:
      case OP_TAILCALL:
        change = (reg >= a);
        break;
      case OP_JMP: {
        int b = GETARG_sJ(i);
        int dest = pc + 1 + b;
        if (dest <= lastpc && dest > jmptarget)
          jmptarget = dest;
        change = 0;
        break;
      }
      default:
        change = (setsregA(op) && reg == a);
        break;
    }
    if (change)
      setreg = filterpc(pc, jmptarget);
  }
  return setreg;
}

static const char *getobjname(const Proto *p, int lastpc, int reg, const char **name);

static void kname(const Proto *p, int c, const char **name) {
  const TValue *kv = &p->k[c];
  *name = ttisstring(kv) ? svalue(kv) : "?";
}

/* name of register c, if it holds a constant string */
static void rname(const Proto *p, int pc, int c, const char **name) {
  const char *what = getobjname(p, pc, c, name);
  if (!(what && *what == 'c'))  /* "constant" */
    *name = "?";
}

static void rkname(const Proto *p, int pc, Instruction i, const char **name) {
  int c = GETARG_C(i);
  if (GETARG_k(i))
    kname(p, c, name);
  else
    rname(p, pc, c, name);
}

/* "global" when the indexed table is _ENV, "field" otherwise */
static const char *gxf(const Proto *p, int pc, Instruction i, int isup) {
  int t = GETARG_B(i);
  const char *name;
  if (isup)
    name = upvalname(p, t);
  else
    getobjname(p, pc, t, &name);
  return (name && strcmp(name, LUA_ENV) == 0) ? "global" : "field";
}

static const char *getobjname(const Proto *p, int lastpc, int reg, const char **name) {
  int pc;
  *name = tyF_getlocalname(p, reg + 1, lastpc);
  if (*name)
    return "local";
  pc = findsetreg(p, lastpc, reg);
  if (pc != -1) {
    Instruction i = p->code[pc];
    OpCode op = GET_OPCODE(i);
    switch (op) {
      case OP_MOVE: {
        int b = GETARG_B(i);
        if (b < GETARG_A(i))
          return getobjname(p, pc, b, name);
        break;
      }
      case OP_GETTABUP:
        kname(p, GETARG_C(i), name);
        return gxf(p, pc, i, 1);
      case OP_GETTABLE:
        rname(p, pc, GETARG_C(i), name);
        return gxf(p, pc, i, 0);
      case OP_GETI:
        *name = "integer index";
        return "field";
      case OP_GETFIELD:
        kname(p, GETARG_C(i), name);
        return gxf(p, pc, i, 0);
      case OP_GETUPVAL:
        *name = upvalname(p, GETARG_B(i));
        return "upvalue";
      case OP_LOADK:
      case OP_LOADKX: {
        int b = (op == OP_LOADK) ? GETARG_Bx(i) : GETARG_Ax(p->code[pc + 1]);
        if (ttisstring(&p->k[b])) {
          *name = svalue(&p->k[b]);
          return "constant";
        }
        break;
      }
      case OP_SELF:
        rkname(p, pc, i, name);
        return "method";
      default:
        break;
    }
  }
  return NULL;
}

/* The interpreter calls arithmetic metamethods straight from the operator's
** instruction, so both opcode runs must follow the order of the events. */
_Static_assert(OP_BXORK - OP_ADDK == TM_BXOR - TM_ADD, "K-operand opcodes vs events");
_Static_assert(OP_SHR - OP_ADD == TM_SHR - TM_ADD, "register opcodes vs events");

/* the metamethod event an instruction may trigger, or TM_N for none */
static TMS eventofop(OpCode op) {
  if (OP_ADDK <= op && op <= OP_BXORK)
    return (TMS)(TM_ADD + (op - OP_ADDK));
  if (OP_ADD <= op && op <= OP_SHR)
    return (TMS)(TM_ADD + (op - OP_ADD));
  switch (op) {
    case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD:
    case OP_SELF:
      return TM_INDEX;
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
      return TM_NEWINDEX;
    case OP_ADDI: return TM_ADD;
    case OP_SHLI: return TM_SHL;
    case OP_SHRI: return TM_SHR;
    case OP_UNM: return TM_UNM;
    case OP_BNOT: return TM_BNOT;
    case OP_LEN: return TM_LEN;
    case OP_CONCAT: return TM_CONCAT;
    case OP_EQ: return TM_EQ;
    case OP_LT: case OP_LTI: case OP_GTI: return TM_LT;  /* a > b runs as b < a */
    case OP_LE: case OP_LEI: case OP_GEI: return TM_LE;
    case OP_CLOSE: case OP_RETURN: return TM_CLOSE;
    default: return TM_N;
  }
}

/* Describes the function called by the instruction at pc: a call names its
** callee through the register holding it; anything else is a metamethod,
** named without its "__". */
static const char *funcnamefromcode(lua_State *L, const Proto *p, int pc, const char **name) {
  Instruction i = p->code[pc];
  OpCode op = GET_OPCODE(i);
  TMS event;
  if (op == OP_CALL || op == OP_TAILCALL)
    return getobjname(p, pc, GETARG_A(i), name);
  if (op == OP_TFORCALL) {
    *name = "for iterator";
    return "for iterator";
  }
  event = eventofop(op);
  if (event == TM_N)
    return NULL;
  *name = getstr(G(L)->tmname[event]) + 2;
  return "metamethod";
}

static const char *funcnamefromcall(lua_State *L, CallInfo *ci, const char **name) {
  if (ci->callstatus & CIST_HOOKED) {
    *name = "?";
    return "hook";
  }
  else if (ci->callstatus & CIST_FIN) {
    *name = "__gc";
    return "metamethod";
  }
  else if (isLua(ci))
    return funcnamefromcode(L, ci_func(ci)->p, currentpc(ci), name);
  return NULL;
}

/* ======================================================================
** Errors
** ====================================================================== */

static const char *getupvalname(CallInfo *ci, const TValue *o, const char **name) {
  LClosure *c = ci_func(ci);
  int i;
  for (i = 0; i < c->nupvalues; i++) {
    UpVal *uv = c->upvals[i];
    if (uv != NULL && uv->v == o) {
      *name = upvalname(c->p, i);
      return "upvalue";
    }
  }
  return NULL;
}

/* register index of o in the frame of ci, or -1 */
static int instack(CallInfo *ci, const TValue *o) {
  uintptr_t po = (uintptr_t)o;
  uintptr_t base = (uintptr_t)(ci->func + 1);
  uintptr_t top = (uintptr_t)ci->top;
  if (po >= base && po < top && (po - base) % sizeof(TValue) == 0)
    return (int)((po - base) / sizeof(TValue));
  return -1;
}

static const char *formatvarinfo(lua_State *L, const char *kind, const char *name) {
  if (kind == NULL)
    return "";
  return tyO_pushfstring(L, " (%s '%s')", kind, name);
}

static const char *varinfo(lua_State *L, const TValue *o) {
  CallInfo *ci = L->ci;
  const char *name = NULL;
  const char *kind = NULL;
  if (isLua(ci)) {
    kind = getupvalname(ci, o, &name);
    if (!kind) {
      int reg = instack(ci, o);
      if (reg >= 0)
        kind = getobjname(ci_func(ci)->p, currentpc(ci), reg, &name);
    }
  }
  return formatvarinfo(L, kind, name);
}

static l_noret typeerror(lua_State *L, const TValue *o, const char *op, const char *extra) {
  const char *t = tyT_objtypename(L, o);
  tyG_runerror(L, "attempt to %s a %s value%s", op, t, extra);
}

l_noret tyG_typeerror(lua_State *L, const TValue *o, const char *op) {
  typeerror(L, o, op, varinfo(L, o));
}

l_noret tyG_callerror(lua_State *L, const TValue *o) {
  CallInfo *ci = L->ci;
  const char *name = NULL;
  const char *kind = funcnamefromcall(L, ci, &name);
  const char *extra = kind ? formatvarinfo(L, kind, name) : varinfo(L, o);
  typeerror(L, o, "call", extra);
}

l_noret tyG_forerror(lua_State *L, const TValue *o, const char *what) {
  tyG_runerror(L, "bad 'for' %s (number expected, got %s)", what,
               tyT_objtypename(L, o));
}

l_noret tyG_concaterror(lua_State *L, const TValue *p1, const TValue *p2) {
  if (ttisstring(p1) || cvt2str(p1))
    p1 = p2;
  tyG_typeerror(L, p1, "concatenate");
}

l_noret tyG_opinterror(lua_State *L, const TValue *p1, const TValue *p2, const char *msg) {
  if (!ttisnumber(p1))  /* first operand is wrong? */
    p2 = p1;
  tyG_typeerror(L, p2, msg);
}

/* a bitwise operand has no integer value: name the first operand that fails */
l_noret tyG_tointerror(lua_State *L, const TValue *p1, const TValue *p2) {
  lua_Integer unused;
  const TValue *culprit = tyV_tointegerns(p1, &unused, F2Ieq) ? p2 : p1;
  tyG_runerror(L, "number%s has no integer representation", varinfo(L, culprit));
}

/* order between values without __lt/__le: names their types (with __name) */
l_noret tyG_ordererror(lua_State *L, const TValue *p1, const TValue *p2) {
  const char *left = tyT_objtypename(L, p1);
  const char *right = tyT_objtypename(L, p2);
  if (strcmp(left, right) != 0)
    tyG_runerror(L, "attempt to compare %s with %s", left, right);
  tyG_runerror(L, "attempt to compare two %s values", left);
}

const char *tyG_addinfo(lua_State *L, const char *msg, TString *src, int line) {
  char buff[LUA_IDSIZE];
  if (src)
    tyO_chunkid(buff, getstr(src), tsslen(src));
  else {
    buff[0] = '?';
    buff[1] = '\0';
  }
  return tyO_pushfstring(L, "%s:%d: %s", buff, line, msg);
}

/* The error value is on the top.  A message handler (L->errfunc) replaces it
** with handler(value) before the throw. */
l_noret tyG_errormsg(lua_State *L) {
  if (L->errfunc != 0) {
    StkId value = L->top - 1;
    setobjs2s(L, value + 1, value);  /* the argument moves up one slot... */
    setobjs2s(L, value, restorestack(L, L->errfunc));  /* ...below it, the handler */
    L->top = value + 2;
    tyD_callnoyield(L, value, 1);
  }
  tyD_throw(L, LUA_ERRRUN);
}

/* Formats the message and, inside Lua code, prefixes "chunk:line:". */
l_noret tyG_runerror(lua_State *L, const char *fmt, ...) {
  CallInfo *ci = L->ci;
  va_list ap;
  const char *text;
  tyC_checkGC(L);  /* formatting allocates */
  va_start(ap, fmt);
  text = tyO_pushvfstring(L, fmt, ap);
  va_end(ap);
  if (isLua(ci)) {
    StkId bare = L->top - 1;
    tyG_addinfo(L, text, ci_func(ci)->p->source, getcurrentline(ci));
    setobjs2s(L, bare, L->top - 1);  /* the positioned text replaces the bare one */
    L->top = bare + 1;
  }
  tyG_errormsg(L);
}
