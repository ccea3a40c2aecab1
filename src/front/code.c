/* code.c: the code generator: emits instructions for expression descriptors, jump lists, constants. */
#include <math.h>
#include <string.h>
#include "code.h"
#include "parse.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../vm/do.h"

#define hasjumps(e) ((e)->t != (e)->f)
#define MAXINDEXRK MAXARG_B  /* largest constant index usable in an RK/B operand */

/* opcodes that test and are always followed by a jump */
#define testTMode(op) ((op) >= OP_EQ && (op) <= OP_TESTSET)

static int codesJ(FuncState *fs, OpCode o, int sj, int k);

l_noret tyK_semerror(LexState *ls, const char *msg) {
  ls->t.token = 0;  /* no "near <token>" in semantic errors */
  tyX_syntaxerror(ls, msg);
}

/* Is e a bare numeral (a literal number with no pending jumps)?  If so and
** v is not NULL, v receives its value. */
static int tonumeral(const expdesc *e, TValue *v) {
  int isint = (e->k == VKINT);
  if (hasjumps(e) || !(isint || e->k == VKFLT))
    return 0;
  if (v != NULL && isint) {
    setivalue(v, e->u.ival);
  } else if (v != NULL) {
    setfltvalue(v, e->u.nval);
  }
  return 1;
}

static TValue *const2val(FuncState *fs, const expdesc *e) {
  return &fs->ls->dyd->actvar.arr[e->u.info].k;
}

int tyK_exp2const(FuncState *fs, const expdesc *e, TValue *v) {
  if (hasjumps(e))
    return 0;
  switch (e->k) {
    case VFALSE: setbfvalue(v); return 1;
    case VTRUE: setbtvalue(v); return 1;
    case VNIL: setnilvalue(v); return 1;
    case VKSTR: setsvalue(fs->ls->L, v, e->u.strval); return 1;
    case VCONST: setobj(fs->ls->L, v, const2val(fs, e)); return 1;
    default: return tonumeral(e, v);
  }
}

/* last instruction, unless it may be a jump target (then a harmless invalid one) */
static Instruction *previousinstruction(FuncState *fs) {
  static Instruction invalid = ~(Instruction)0;
  if (fs->pc > fs->lasttarget)
    return &fs->f->code[fs->pc - 1];
  invalid = ~(Instruction)0;
  return &invalid;
}

void tyK_nil(FuncState *fs, int from, int n) {
  int l = from + n - 1;
  Instruction *prev = previousinstruction(fs);
  if (GET_OPCODE(*prev) == OP_LOADNIL) {  /* merge with the previous LOADNIL */
    int pfrom = GETARG_A(*prev);
    int pl = pfrom + GETARG_B(*prev);
    if ((pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1)) {
      if (pfrom < from) from = pfrom;
      if (pl > l) l = pl;
      SETARG_A(*prev, from);
      SETARG_B(*prev, l - from);
      return;
    }
  }
  tyK_codeABC(fs, OP_LOADNIL, from, n - 1, 0);
}

/* ---- jump lists: chained through the sJ fields, NO_JUMP ends a list ---- */

static int getjump(FuncState *fs, int pc) {
  int offset = GETARG_sJ(fs->f->code[pc]);
  return (offset == NO_JUMP) ? NO_JUMP : pc + 1 + offset;
}

static void fixjump(FuncState *fs, int pc, int dest) {
  Instruction *jmp = &fs->f->code[pc];
  int offset = dest - (pc + 1);
  if (!(-OFFSET_sJ <= offset && offset <= MAXARG_sJ - OFFSET_sJ))
    tyX_syntaxerror(fs->ls, "control structure too long");
  SETARG_sJ(*jmp, offset);
}

void tyK_concat(FuncState *fs, int *l1, int l2) {
  if (l2 == NO_JUMP)
    return;
  if (*l1 == NO_JUMP)
    *l1 = l2;
  else {
    int list = *l1, next;
    while ((next = getjump(fs, list)) != NO_JUMP)
      list = next;
    fixjump(fs, list, l2);
  }
}

int tyK_jump(FuncState *fs) {
  return codesJ(fs, OP_JMP, NO_JUMP, 0);
}

void tyK_ret(FuncState *fs, int first, int nret) {
  OpCode op = (nret == 0) ? OP_RETURN0 : (nret == 1) ? OP_RETURN1 : OP_RETURN;
  tyK_codeABC(fs, op, first, nret + 1, 0);
}

static int condjump(FuncState *fs, OpCode op, int a, int b, int c, int k) {
  tyK_codeABCk(fs, op, a, b, c, k);
  return tyK_jump(fs);
}

int tyK_getlabel(FuncState *fs) {
  fs->lasttarget = fs->pc;
  return fs->pc;
}

/* A conditional jump is the second half of a test instruction: returns that
** test, or the jump at pc itself when it is unconditional. */
static Instruction *getjumpcontrol(FuncState *fs, int pc) {
  Instruction *at = fs->f->code + pc;
  int conditional = (pc > 0) && testTMode(GET_OPCODE(at[-1]));
  return conditional ? at - 1 : at;
}

/* Patches the destination register of a TESTSET (or turns it into a TEST
** when no value is needed); returns 0 if the jump is not controlled by one. */
static int patchtestreg(FuncState *fs, int node, int reg) {
  Instruction *i = getjumpcontrol(fs, node);
  if (GET_OPCODE(*i) != OP_TESTSET)
    return 0;
  if (reg != NO_REG && reg != GETARG_B(*i))
    SETARG_A(*i, reg);
  else
    *i = CREATE_ABCk(OP_TEST, GETARG_B(*i), 0, 0, GETARG_k(*i));
  return 1;
}

static void removevalues(FuncState *fs, int list) {
  for (; list != NO_JUMP; list = getjump(fs, list))
    patchtestreg(fs, list, NO_REG);
}

/* jumps with a value (TESTSET) go to vtarget storing in reg; others to dtarget */
static void patchlistaux(FuncState *fs, int list, int vtarget, int reg, int dtarget) {
  while (list != NO_JUMP) {
    int next = getjump(fs, list);
    if (patchtestreg(fs, list, reg))
      fixjump(fs, list, vtarget);
    else
      fixjump(fs, list, dtarget);
    list = next;
  }
}

void tyK_patchlist(FuncState *fs, int list, int target) {
  patchlistaux(fs, list, target, NO_REG, target);
}

void tyK_patchtohere(FuncState *fs, int list) {
  int hr = tyK_getlabel(fs);
  tyK_patchlist(fs, list, hr);
}

/* ---- emission ---- */

int tyK_code(FuncState *fs, Instruction i) {
  Proto *f = fs->f;
  lua_State *L = fs->ls->L;
  tyM_growvector(L, f->code, fs->pc, f->sizecode, Instruction, INT_MAX, "opcodes");
  tyM_growvector(L, f->lineinfo, fs->pc, f->sizelineinfo, int, INT_MAX, "opcodes");
  f->code[fs->pc] = i;
  f->lineinfo[fs->pc] = fs->ls->lastline;
  return fs->pc++;
}

int tyK_codeABCk(FuncState *fs, OpCode o, int a, int b, int c, int k) {
  tyassert(a <= MAXARG_A && b <= MAXARG_B && c <= MAXARG_C && (k & ~1) == 0);
  return tyK_code(fs, CREATE_ABCk(o, a, b, c, k));
}

int tyK_codeABx(FuncState *fs, OpCode o, int a, unsigned int bx) {
  return tyK_code(fs, CREATE_ABx(o, a, bx));
}

int tyK_codeAsBx(FuncState *fs, OpCode o, int a, int bx) {
  return tyK_code(fs, CREATE_ABx(o, a, (unsigned int)(bx + OFFSET_sBx)));
}

static int codesJ(FuncState *fs, OpCode o, int sj, int k) {
  return tyK_code(fs, CREATE_sJ(o, (unsigned int)(sj + OFFSET_sJ), k));
}

static int codeextraarg(FuncState *fs, int a) {
  return tyK_code(fs, CREATE_Ax(OP_EXTRAARG, a));
}

static int codek(FuncState *fs, int reg, int k) {
  if (k <= MAXARG_Bx)
    return tyK_codeABx(fs, OP_LOADK, reg, (unsigned int)k);
  else {
    int p = tyK_codeABx(fs, OP_LOADKX, reg, 0);
    codeextraarg(fs, k);
    return p;
  }
}

void tyK_fixline(FuncState *fs, int line) {
  fs->f->lineinfo[fs->pc - 1] = line;
}

void tyK_checkstack(FuncState *fs, int n) {
  int newstack = fs->freereg + n;
  if (newstack > fs->f->maxstacksize) {
    if (newstack >= MAXREGS)
      tyX_syntaxerror(fs->ls, "function or expression needs too many registers");
    fs->f->maxstacksize = (lu_byte)newstack;
  }
}

void tyK_reserveregs(FuncState *fs, int n) {
  tyK_checkstack(fs, n);
  fs->freereg = (lu_byte)(fs->freereg + n);
}

static void freereg(FuncState *fs, int reg) {
  if (reg >= tyY_nvarstack(fs)) {  /* not a local variable */
    fs->freereg--;
    tyassert(reg == fs->freereg);
  }
}

/* Frees two registers; temporaries are a stack, so the higher goes first. */
static void freeregs(FuncState *fs, int r1, int r2) {
  int high = (r1 > r2) ? r1 : r2;
  int low = (r1 > r2) ? r2 : r1;
  freereg(fs, high);
  freereg(fs, low);
}

static void freeexp(FuncState *fs, expdesc *e) {
  if (e->k == VNONRELOC)
    freereg(fs, e->u.info);
}

static void freeexps(FuncState *fs, expdesc *e1, expdesc *e2) {
  int r1 = (e1->k == VNONRELOC) ? e1->u.info : -1;
  int r2 = (e2->k == VNONRELOC) ? e2->u.info : -1;
  freeregs(fs, r1, r2);
}

/* ---- constants ---- */

static int samekvalue(const TValue *a, const TValue *b) {
  if (rawtt(a) != rawtt(b))
    return 0;
  switch (ttypetag(a)) {
    case TY_VNUMINT: return ivalue(a) == ivalue(b);
    case TY_VNUMFLT: return memcmp(&fltvalue(a), &fltvalue(b), sizeof(lua_Number)) == 0;
    case TY_VNIL: case TY_VFALSE: case TY_VTRUE: return 1;
    default: return iscollectable(a) && gcvalue(a) == gcvalue(b);
  }
}

/* Adds constant v to f->k (reusing an equal one); key indexes ls->h, which
** remembers the last index given to each constant (verified before reuse). */
static int addk(FuncState *fs, TValue *key, TValue *v) {
  lua_State *L = fs->ls->L;
  Proto *f = fs->f;
  Table *h = fs->ls->h;
  const TValue *slot = tyH_get(h, key);
  TValue idx;
  int k, oldsize;
  if (ttisinteger(slot)) {
    lua_Integer i = ivalue(slot);
    if (i >= 0 && i < fs->nk && samekvalue(&f->k[i], v))
      return (int)i;
  }
  k = fs->nk;
  oldsize = f->sizek;
  setivalue(&idx, k);
  setobj(L, L->top, key);  /* anchor the key while inserting */
  L->top++;
  tyH_finishset(L, h, key, slot, &idx);
  tyC_barrierback(L, obj2gco(h), key);
  L->top--;
  tyM_growvector(L, f->k, k, f->sizek, TValue, MAXARG_Ax, "constants");
  while (oldsize < f->sizek)
    setnilvalue(&f->k[oldsize++]);
  setobj(L, &f->k[k], v);
  fs->nk++;
  tyC_barrier(L, f, v);
  return k;
}

static int stringK(FuncState *fs, TString *s) {
  TValue o;
  setsvalue(fs->ls->L, &o, s);
  return addk(fs, &o, &o);
}

static int intK(FuncState *fs, lua_Integer n) {
  TValue o;
  setivalue(&o, n);
  return addk(fs, &o, &o);
}

/* Floats with an integral value (and NaN) cannot be table keys of their own
** (they would collide with integers), so they are keyed by a string with their bits. */
static int numberK(FuncState *fs, lua_Number r) {
  TValue o, key;
  setfltvalue(&o, r);
  if (r != r || floor(r) == r) {
    char buff[1 + sizeof(lua_Number)];
    buff[0] = '\x7f';
    memcpy(buff + 1, &r, sizeof(lua_Number));
    setsvalue(fs->ls->L, &key, tyS_newlstr(fs->ls->L, buff, sizeof(buff)));
    return addk(fs, &key, &o);
  }
  return addk(fs, &o, &o);
}

static int boolK(FuncState *fs, int b) {
  TValue o;
  setbvalue(&o, b);
  return addk(fs, &o, &o);
}

static int nilK(FuncState *fs) {
  TValue k, v;
  setnilvalue(&v);
  sethvalue(fs->ls->L, &k, fs->ls->h);  /* nil cannot be a key: use the table itself */
  return addk(fs, &k, &v);
}

static int fitsC(lua_Integer i) {
  return l_castS2U(i) + OFFSET_sC <= (lua_Unsigned)MAXARG_C;
}

static int fitsBx(lua_Integer i) {
  return -OFFSET_sBx <= i && i <= MAXARG_Bx - OFFSET_sBx;
}

void tyK_int(FuncState *fs, int reg, lua_Integer i) {
  if (fitsBx(i))
    tyK_codeAsBx(fs, OP_LOADI, reg, (int)i);
  else
    codek(fs, reg, intK(fs, i));
}

static void codefloat(FuncState *fs, int reg, lua_Number f) {
  if (f >= -OFFSET_sBx && f <= MAXARG_Bx - OFFSET_sBx && floor(f) == f && !(f == 0 && signbit(f)))
    tyK_codeAsBx(fs, OP_LOADF, reg, (int)f);
  else
    codek(fs, reg, numberK(fs, f));
}

static void const2exp(const TValue *v, expdesc *e) {
  switch (ttypetag(v)) {
    case TY_VNUMINT: e->k = VKINT; e->u.ival = ivalue(v); break;
    case TY_VNUMFLT: e->k = VKFLT; e->u.nval = fltvalue(v); break;
    case TY_VFALSE: e->k = VFALSE; break;
    case TY_VTRUE: e->k = VTRUE; break;
    case TY_VNIL: e->k = VNIL; break;
    default: e->k = VKSTR; e->u.strval = tsvalue(v); break;  /* strings */
  }
}

/* ---- expression discharge ---- */

void tyK_setreturns(FuncState *fs, expdesc *e, int nresults) {
  Instruction *pc = &getinstruction(fs, e);
  if (e->k == VCALL)
    SETARG_C(*pc, nresults + 1);
  else {
    tyassert(e->k == VVARARG);
    SETARG_C(*pc, nresults + 1);
    SETARG_A(*pc, fs->freereg);
    tyK_reserveregs(fs, 1);
  }
}

static void str2K(FuncState *fs, expdesc *e) {
  e->u.info = stringK(fs, e->u.strval);
  e->k = VK;
}

void tyK_setoneret(FuncState *fs, expdesc *e) {
  if (e->k == VCALL) {
    e->k = VNONRELOC;  /* result is in the call's base register */
    e->u.info = GETARG_A(getinstruction(fs, e));
  } else if (e->k == VVARARG) {
    SETARG_C(getinstruction(fs, e), 2);
    e->k = VRELOC;
  }
}

void tyK_dischargevars(FuncState *fs, expdesc *e) {
  switch (e->k) {
    case VCONST:
      const2exp(const2val(fs, e), e);
      break;
    case VLOCAL:
      e->u.info = e->u.var.ridx;
      e->k = VNONRELOC;
      break;
    case VUPVAL:
      e->u.info = tyK_codeABC(fs, OP_GETUPVAL, 0, e->u.info, 0);
      e->k = VRELOC;
      break;
    case VINDEXUP:
      e->u.info = tyK_codeABC(fs, OP_GETTABUP, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXI:
      freereg(fs, e->u.ind.t);
      e->u.info = tyK_codeABC(fs, OP_GETI, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXSTR:
      freereg(fs, e->u.ind.t);
      e->u.info = tyK_codeABC(fs, OP_GETFIELD, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXED:
      freeregs(fs, e->u.ind.t, e->u.ind.idx);
      e->u.info = tyK_codeABC(fs, OP_GETTABLE, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VVARARG: case VCALL:
      tyK_setoneret(fs, e);
      break;
    default:
      break;
  }
}

static void discharge2reg(FuncState *fs, expdesc *e, int reg) {
  tyK_dischargevars(fs, e);
  switch (e->k) {
    case VNIL: tyK_nil(fs, reg, 1); break;
    case VFALSE: tyK_codeABC(fs, OP_LOADFALSE, reg, 0, 0); break;
    case VTRUE: tyK_codeABC(fs, OP_LOADTRUE, reg, 0, 0); break;
    case VKSTR: str2K(fs, e); /* FALLTHROUGH */
    case VK: codek(fs, reg, e->u.info); break;
    case VKFLT: codefloat(fs, reg, e->u.nval); break;
    case VKINT: tyK_int(fs, reg, e->u.ival); break;
    case VRELOC: SETARG_A(getinstruction(fs, e), reg); break;
    case VNONRELOC:
      if (reg != e->u.info)
        tyK_codeABC(fs, OP_MOVE, reg, e->u.info, 0);
      break;
    default:
      tyassert(e->k == VJMP);
      return;  /* nothing to do yet */
  }
  e->u.info = reg;
  e->k = VNONRELOC;
}

static void discharge2anyreg(FuncState *fs, expdesc *e) {
  if (e->k != VNONRELOC) {
    tyK_reserveregs(fs, 1);
    discharge2reg(fs, e, fs->freereg - 1);
  }
}

static int code_loadbool(FuncState *fs, int a, OpCode op) {
  tyK_getlabel(fs);  /* these are jump targets */
  return tyK_codeABC(fs, op, a, 0, 0);
}

/* whether some jump in the list needs an explicit boolean value */
static int need_value(FuncState *fs, int list) {
  for (; list != NO_JUMP; list = getjump(fs, list)) {
    Instruction i = *getjumpcontrol(fs, list);
    if (GET_OPCODE(i) != OP_TESTSET)
      return 1;
  }
  return 0;
}

/* Emits the boolean loads where jumps that carry no value of their own land:
** false ones at *onfalse, true ones at *ontrue.  A value that discharge
** already put in reg jumps over both. */
static void boolean_landing(FuncState *fs, expdesc *e, int reg, int *onfalse, int *ontrue) {
  int over = (e->k == VJMP) ? NO_JUMP : tyK_jump(fs);
  *onfalse = code_loadbool(fs, reg, OP_LFALSESKIP);
  *ontrue = code_loadbool(fs, reg, OP_LOADTRUE);
  tyK_patchtohere(fs, over);
}

/* Puts the final value of e in register reg, resolving its jump lists: a
** TESTSET jump delivers its own operand into reg, other jumps land on a
** boolean load; everything then continues at the same point. */
static void exp2reg(FuncState *fs, expdesc *e, int reg) {
  discharge2reg(fs, e, reg);
  if (e->k == VJMP)  /* a comparison: its jump is taken when it is true */
    tyK_concat(fs, &e->t, e->u.info);
  if (e->t != e->f) {
    int onfalse = NO_JUMP, ontrue = NO_JUMP;
    int after;
    if (need_value(fs, e->t) || need_value(fs, e->f))
      boolean_landing(fs, e, reg, &onfalse, &ontrue);
    after = tyK_getlabel(fs);
    patchlistaux(fs, e->f, after, reg, onfalse);
    patchlistaux(fs, e->t, after, reg, ontrue);
  }
  e->k = VNONRELOC;
  e->u.info = reg;
  e->t = e->f = NO_JUMP;
}

/* Puts e in a new register on top of the temporaries (a temporary that e
** itself occupied is given back first, so it may be the one reused). */
void tyK_exp2nextreg(FuncState *fs, expdesc *e) {
  int reg;
  tyK_dischargevars(fs, e);
  freeexp(fs, e);
  reg = fs->freereg;
  tyK_reserveregs(fs, 1);
  exp2reg(fs, e, reg);
}

int tyK_exp2anyreg(FuncState *fs, expdesc *e) {
  tyK_dischargevars(fs, e);
  if (e->k == VNONRELOC) {
    if (!hasjumps(e))
      return e->u.info;
    if (e->u.info >= tyY_nvarstack(fs)) {  /* a temporary: put the final value there */
      exp2reg(fs, e, e->u.info);
      return e->u.info;
    }
    /* a local variable with jumps: needs a fresh register */
  }
  tyK_exp2nextreg(fs, e);
  return e->u.info;
}

void tyK_exp2anyregup(FuncState *fs, expdesc *e) {
  if (e->k != VUPVAL || hasjumps(e))
    tyK_exp2anyreg(fs, e);
}

void tyK_exp2val(FuncState *fs, expdesc *e) {
  if (hasjumps(e))
    tyK_exp2anyreg(fs, e);
  else
    tyK_dischargevars(fs, e);
}

/* Makes e a K operand if it is a constant with a small enough index. */
static int exp2K(FuncState *fs, expdesc *e) {
  if (!hasjumps(e)) {
    int info;
    switch (e->k) {
      case VTRUE: info = boolK(fs, 1); break;
      case VFALSE: info = boolK(fs, 0); break;
      case VNIL: info = nilK(fs); break;
      case VKINT: info = intK(fs, e->u.ival); break;
      case VKFLT: info = numberK(fs, e->u.nval); break;
      case VKSTR: info = stringK(fs, e->u.strval); break;
      case VK: info = e->u.info; break;
      default: return 0;
    }
    if (info <= MAXINDEXRK) {
      e->k = VK;
      e->u.info = info;
      return 1;
    }
  }
  return 0;
}

static int exp2RK(FuncState *fs, expdesc *e) {
  if (exp2K(fs, e))
    return 1;
  tyK_exp2anyreg(fs, e);
  return 0;
}

static void codeABRK(FuncState *fs, OpCode o, int a, int b, expdesc *ec) {
  int k = exp2RK(fs, ec);
  tyK_codeABCk(fs, o, a, b, ec->u.info, k);
}

void tyK_storevar(FuncState *fs, expdesc *var, expdesc *ex) {
  switch (var->k) {
    case VLOCAL:
      freeexp(fs, ex);
      exp2reg(fs, ex, var->u.var.ridx);
      return;
    case VUPVAL: {
      int e = tyK_exp2anyreg(fs, ex);
      tyK_codeABC(fs, OP_SETUPVAL, e, var->u.info, 0);
      break;
    }
    case VINDEXUP: codeABRK(fs, OP_SETTABUP, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXI: codeABRK(fs, OP_SETI, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXSTR: codeABRK(fs, OP_SETFIELD, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXED: codeABRK(fs, OP_SETTABLE, var->u.ind.t, var->u.ind.idx, ex); break;
    default: tyassert(0); break;
  }
  freeexp(fs, ex);
}

void tyK_self(FuncState *fs, expdesc *e, expdesc *key) {
  int ereg;
  tyK_exp2anyreg(fs, e);
  ereg = e->u.info;
  freeexp(fs, e);
  e->u.info = fs->freereg;  /* function and 'self' go to consecutive registers */
  e->k = VNONRELOC;
  tyK_reserveregs(fs, 2);
  codeABRK(fs, OP_SELF, e->u.info, ereg, key);
  freeexp(fs, key);
}

/* ---- conditionals ---- */

static void negatecondition(FuncState *fs, expdesc *e) {
  Instruction *pc = getjumpcontrol(fs, e->u.info);
  SETARG_k(*pc, GETARG_k(*pc) ^ 1);
}

/* emits a jump taken when e is cond; a preceding NOT is folded into a TEST */
static int jumponcond(FuncState *fs, expdesc *e, int cond) {
  if (e->k == VRELOC) {
    Instruction ie = getinstruction(fs, e);
    if (GET_OPCODE(ie) == OP_NOT) {
      fs->pc--;  /* remove the NOT */
      return condjump(fs, OP_TEST, GETARG_B(ie), 0, 0, !cond);
    }
  }
  discharge2anyreg(fs, e);
  freeexp(fs, e);
  return condjump(fs, OP_TESTSET, NO_REG, e->u.info, 0, cond);
}

void tyK_goiftrue(FuncState *fs, expdesc *e) {
  int pc;
  tyK_dischargevars(fs, e);
  switch (e->k) {
    case VJMP:
      negatecondition(fs, e);
      pc = e->u.info;
      break;
    case VK: case VKFLT: case VKINT: case VKSTR: case VTRUE:
      pc = NO_JUMP;  /* always true */
      break;
    default:
      pc = jumponcond(fs, e, 0);
      break;
  }
  tyK_concat(fs, &e->f, pc);
  tyK_patchtohere(fs, e->t);
  e->t = NO_JUMP;
}

void tyK_goiffalse(FuncState *fs, expdesc *e) {
  int pc;
  tyK_dischargevars(fs, e);
  switch (e->k) {
    case VJMP: pc = e->u.info; break;
    case VNIL: case VFALSE: pc = NO_JUMP; break;
    default: pc = jumponcond(fs, e, 1); break;
  }
  tyK_concat(fs, &e->t, pc);
  tyK_patchtohere(fs, e->f);
  e->f = NO_JUMP;
}

static void codenot(FuncState *fs, expdesc *e) {
  switch (e->k) {
    case VNIL: case VFALSE:
      e->k = VTRUE;
      break;
    case VK: case VKFLT: case VKINT: case VKSTR: case VTRUE:
      e->k = VFALSE;
      break;
    case VJMP:
      negatecondition(fs, e);
      break;
    case VRELOC: case VNONRELOC:
      discharge2anyreg(fs, e);
      freeexp(fs, e);
      e->u.info = tyK_codeABC(fs, OP_NOT, 0, e->u.info, 0);
      e->k = VRELOC;
      break;
    default:
      tyassert(0);
  }
  {
    int temp = e->f;
    e->f = e->t;
    e->t = temp;
  }
  removevalues(fs, e->f);
  removevalues(fs, e->t);
}

/* ---- indexing ---- */

static int isKstr(FuncState *fs, expdesc *e) {
  return e->k == VK && !hasjumps(e) && e->u.info <= MAXARG_B &&
         ttisshrstring(&fs->f->k[e->u.info]);
}

static int isKint(expdesc *e) {
  return e->k == VKINT && !hasjumps(e);
}

static int isCint(expdesc *e) {
  return isKint(e) && l_castS2U(e->u.ival) <= (lua_Unsigned)MAXARG_C;
}

static int isSCint(expdesc *e) {
  return isKint(e) && fitsC(e->u.ival);
}

/* numeral fitting an sC/sB operand; isfloat tells whether it was a float */
static int isSCnumber(expdesc *e, int *pi, int *isfloat) {
  lua_Integer i;
  if (e->k == VKINT)
    i = e->u.ival;
  else if (e->k == VKFLT) {
    lua_Number n = e->u.nval;
    if (!(floor(n) == n && n >= -OFFSET_sC && n <= MAXARG_C - OFFSET_sC))
      return 0;
    i = (lua_Integer)n;
    *isfloat = 1;
  } else
    return 0;
  if (!hasjumps(e) && fitsC(i)) {
    *pi = int2sC((int)i);
    return 1;
  }
  return 0;
}

void tyK_indexed(FuncState *fs, expdesc *t, expdesc *k) {
  if (k->k == VKSTR)
    str2K(fs, k);
  if (t->k == VUPVAL && !isKstr(fs, k))  /* GETTABUP needs a short-string key */
    tyK_exp2anyreg(fs, t);
  if (t->k == VUPVAL) {
    int upv = t->u.info;
    t->u.ind.t = (lu_byte)upv;
    t->u.ind.idx = (short)k->u.info;
    t->k = VINDEXUP;
  } else {
    t->u.ind.t = (lu_byte)((t->k == VLOCAL) ? t->u.var.ridx : t->u.info);
    if (isKstr(fs, k)) {
      t->u.ind.idx = (short)k->u.info;
      t->k = VINDEXSTR;
    } else if (isCint(k)) {
      t->u.ind.idx = (short)k->u.ival;
      t->k = VINDEXI;
    } else {
      t->u.ind.idx = (short)tyK_exp2anyreg(fs, k);
      t->k = VINDEXED;
    }
  }
}

/* ---- operators ---- */

static int tointegral(const TValue *v) {
  if (ttisinteger(v))
    return 1;
  else {
    lua_Number n = fltvalue(v);
    return floor(n) == n && n >= -9223372036854775808.0 && n < 9223372036854775808.0;
  }
}

/* operations that cannot raise (or give a result the folding must avoid) */
static int validop(int op, TValue *v1, TValue *v2) {
  switch (op) {
    case LUA_OPBAND: case LUA_OPBOR: case LUA_OPBXOR:
    case LUA_OPSHL: case LUA_OPSHR: case LUA_OPBNOT:
      return tointegral(v1) && tointegral(v2);
    case LUA_OPDIV: case LUA_OPIDIV: case LUA_OPMOD:
      return nvalue(v2) != 0;
    default:
      return 1;
  }
}

static int constfolding(FuncState *fs, int op, expdesc *e1, const expdesc *e2) {
  TValue v1, v2, res;
  lua_Number n;
  if (!tonumeral(e1, &v1) || !tonumeral(e2, &v2) || !validop(op, &v1, &v2))
    return 0;
  if (!tyO_rawarith(fs->ls->L, op, &v1, &v2, &res))
    return 0;
  if (ttisinteger(&res)) {
    e1->k = VKINT;
    e1->u.ival = ivalue(&res);
  } else {
    n = fltvalue(&res);
    if (n != n || n == 0)  /* keep NaN and +-0.0 out of the constant table */
      return 0;
    e1->k = VKFLT;
    e1->u.nval = n;
  }
  return 1;
}

static void codeunexpval(FuncState *fs, OpCode op, expdesc *e, int line) {
  int r = tyK_exp2anyreg(fs, e);
  freeexp(fs, e);
  e->u.info = tyK_codeABC(fs, op, 0, r, 0);
  e->k = VRELOC;
  tyK_fixline(fs, line);
}

void tyK_prefix(FuncState *fs, UnOpr opr, expdesc *e, int line) {
  static const expdesc ef = {VKINT, {0}, NO_JUMP, NO_JUMP};
  tyK_dischargevars(fs, e);
  switch (opr) {
    case OPR_MINUS: case OPR_BNOT:
      if (constfolding(fs, (int)opr + LUA_OPUNM, e, &ef))
        break;
      codeunexpval(fs, opr == OPR_MINUS ? OP_UNM : OP_BNOT, e, line);
      break;
    case OPR_LEN:
      codeunexpval(fs, OP_LEN, e, line);
      break;
    case OPR_NOT:
      codenot(fs, e);
      break;
    default:
      tyassert(0);
  }
}

void tyK_infix(FuncState *fs, BinOpr op, expdesc *v) {
  tyK_dischargevars(fs, v);
  switch (op) {
    case OPR_AND:
      tyK_goiftrue(fs, v);
      break;
    case OPR_OR:
      tyK_goiffalse(fs, v);
      break;
    case OPR_CONCAT:
      tyK_exp2nextreg(fs, v);  /* operands must be consecutive */
      break;
    case OPR_ADD: case OPR_SUB: case OPR_MUL: case OPR_DIV: case OPR_IDIV:
    case OPR_MOD: case OPR_POW: case OPR_BAND: case OPR_BOR: case OPR_BXOR:
    case OPR_SHL: case OPR_SHR:
      if (!tonumeral(v, NULL))  /* numerals may be folded or become immediates */
        tyK_exp2anyreg(fs, v);
      break;
    case OPR_EQ: case OPR_NE:
      if (!tonumeral(v, NULL))
        exp2RK(fs, v);
      break;
    case OPR_LT: case OPR_LE: case OPR_GT: case OPR_GE: {
      int dummy, dummy2;
      if (!isSCnumber(v, &dummy, &dummy2))
        tyK_exp2anyreg(fs, v);
      break;
    }
    default:
      tyassert(0);
  }
}

static void swapexps(expdesc *e1, expdesc *e2) {
  expdesc temp = *e1;
  *e1 = *e2;
  *e2 = temp;
}

/* R[A] := e1 op v2 where v2 is an already coded operand (register, K or immediate) */
static void finishbinexpval(FuncState *fs, expdesc *e1, expdesc *e2, OpCode op, int v2, int line) {
  int v1 = tyK_exp2anyreg(fs, e1);
  int pc = tyK_codeABC(fs, op, 0, v1, v2);
  freeexps(fs, e1, e2);
  e1->u.info = pc;
  e1->k = VRELOC;
  tyK_fixline(fs, line);
}

static void codebinexpval(FuncState *fs, OpCode op, expdesc *e1, expdesc *e2, int line) {
  int v2 = tyK_exp2anyreg(fs, e2);
  finishbinexpval(fs, e1, e2, op, v2, line);
}

static void codearith(FuncState *fs, BinOpr opr, expdesc *e1, expdesc *e2, int line) {
  if (opr == OPR_ADD && isSCint(e2))
    finishbinexpval(fs, e1, e2, OP_ADDI, int2sC((int)e2->u.ival), line);
  else if (tonumeral(e2, NULL) && exp2K(fs, e2))
    finishbinexpval(fs, e1, e2, (OpCode)(opr - OPR_ADD + OP_ADDK), e2->u.info, line);
  else
    codebinexpval(fs, (OpCode)(opr - OPR_ADD + OP_ADD), e1, e2, line);
}

static void codebitwise(FuncState *fs, BinOpr opr, expdesc *e1, expdesc *e2, int line) {
  if (e2->k == VKINT && exp2K(fs, e2))
    finishbinexpval(fs, e1, e2, (OpCode)(opr - OPR_BAND + OP_BANDK), e2->u.info, line);
  else
    codebinexpval(fs, (OpCode)(opr - OPR_ADD + OP_ADD), e1, e2, line);
}

static void codeconcat(FuncState *fs, expdesc *e1, expdesc *e2, int line) {
  Instruction *ie2 = previousinstruction(fs);
  if (GET_OPCODE(*ie2) == OP_CONCAT && GETARG_A(*ie2) == e1->u.info + 1) {
    int n = GETARG_B(*ie2);  /* e2 is a concatenation: extend it */
    freeexp(fs, e2);
    SETARG_A(*ie2, e1->u.info);
    SETARG_B(*ie2, n + 1);
  } else {
    tyK_codeABC(fs, OP_CONCAT, e1->u.info, 2, 0);
    freeexp(fs, e2);
    tyK_fixline(fs, line);
  }
}

static void codeorder(FuncState *fs, BinOpr opr, expdesc *e1, expdesc *e2) {
  int r1, r2, isfloat = 0;
  int im;
  OpCode op;
  if (isSCnumber(e2, &im, &isfloat)) {  /* e1 < I, e1 <= I */
    r1 = tyK_exp2anyreg(fs, e1);
    r2 = im;
    op = (opr == OPR_LT) ? OP_LTI : OP_LEI;
  } else if (isSCnumber(e1, &im, &isfloat)) {  /* I < e2 is e2 > I */
    r1 = tyK_exp2anyreg(fs, e2);
    r2 = im;
    op = (opr == OPR_LT) ? OP_GTI : OP_GEI;
  } else {
    r1 = tyK_exp2anyreg(fs, e1);
    r2 = tyK_exp2anyreg(fs, e2);
    op = (opr == OPR_LT) ? OP_LT : OP_LE;
  }
  freeexps(fs, e1, e2);
  e1->u.info = condjump(fs, op, r1, r2, isfloat, 1);
  e1->k = VJMP;
}

static void codeeq(FuncState *fs, BinOpr opr, expdesc *e1, expdesc *e2) {
  int r1, r2, isfloat = 0;
  int im;
  OpCode op;
  if (e1->k != VNONRELOC)  /* e1 is a constant: put it second */
    swapexps(e1, e2);
  r1 = tyK_exp2anyreg(fs, e1);
  if (isSCnumber(e2, &im, &isfloat)) {
    op = OP_EQI;
    r2 = im;
  } else if (exp2RK(fs, e2)) {
    op = OP_EQK;
    r2 = e2->u.info;
  } else {
    op = OP_EQ;
    r2 = tyK_exp2anyreg(fs, e2);
  }
  freeexps(fs, e1, e2);
  e1->u.info = condjump(fs, op, r1, r2, isfloat, opr == OPR_EQ);
  e1->k = VJMP;
}

void tyK_posfix(FuncState *fs, BinOpr opr, expdesc *e1, expdesc *e2, int line) {
  tyK_dischargevars(fs, e2);
  if (opr <= OPR_SHR && constfolding(fs, (int)opr + LUA_OPADD, e1, e2))
    return;
  switch (opr) {
    case OPR_AND:
      tyK_concat(fs, &e2->f, e1->f);
      *e1 = *e2;
      break;
    case OPR_OR:
      tyK_concat(fs, &e2->t, e1->t);
      *e1 = *e2;
      break;
    case OPR_CONCAT:
      tyK_exp2nextreg(fs, e2);
      codeconcat(fs, e1, e2, line);
      break;
    case OPR_ADD: case OPR_SUB: case OPR_MUL: case OPR_DIV:
    case OPR_IDIV: case OPR_MOD: case OPR_POW:
      codearith(fs, opr, e1, e2, line);
      break;
    case OPR_BAND: case OPR_BOR: case OPR_BXOR:
      codebitwise(fs, opr, e1, e2, line);
      break;
    case OPR_SHL:
      if (isSCint(e1)) {  /* I << e2 */
        int im = int2sC((int)e1->u.ival);
        int r = tyK_exp2anyreg(fs, e2);
        freeexp(fs, e2);
        e1->u.info = tyK_codeABC(fs, OP_SHLI, 0, r, im);
        e1->k = VRELOC;
        tyK_fixline(fs, line);
      } else
        codebinexpval(fs, OP_SHL, e1, e2, line);
      break;
    case OPR_SHR:
      if (isSCint(e2))
        finishbinexpval(fs, e1, e2, OP_SHRI, int2sC((int)e2->u.ival), line);
      else
        codebinexpval(fs, OP_SHR, e1, e2, line);
      break;
    case OPR_EQ: case OPR_NE:
      codeeq(fs, opr, e1, e2);
      break;
    case OPR_GT: case OPR_GE:
      /* a > b is b < a; a >= b is b <= a */
      swapexps(e1, e2);
      opr = (BinOpr)((opr - OPR_GT) + OPR_LT);
      /* FALLTHROUGH */
    case OPR_LT: case OPR_LE:
      codeorder(fs, opr, e1, e2);
      break;
    default:
      tyassert(0);
  }
}

/* ---- tables ---- */

void tyK_settablesize(FuncState *fs, int pc, int ra, int asize, int hsize) {
  Instruction *inst = &fs->f->code[pc];
  int rb = (hsize != 0) ? tyO_ceillog2((unsigned int)hsize) + 1 : 0;
  int extra = asize / (MAXARG_C + 1);
  int rc = asize % (MAXARG_C + 1);
  int k = (extra > 0);
  if (extra > MAXARG_Ax) extra = MAXARG_Ax;  /* only a hint */
  *inst = CREATE_ABCk(OP_NEWTABLE, ra, rb, rc, k);
  *(inst + 1) = CREATE_Ax(OP_EXTRAARG, extra);
}

/* Stores the tostore values in the registers after the table at base into
** its slots nelems+1, nelems+2, ...; LUA_MULTRET stores up to the stack top
** (B = 0).  C holds nelems; a larger count puts its high part in an
** EXTRAARG (flag k).  The values' registers are free afterwards. */
void tyK_setlist(FuncState *fs, int base, int nelems, int tostore) {
  int b = (tostore == LUA_MULTRET) ? 0 : tostore;
  int big = (nelems > MAXARG_C);
  int c = big ? nelems % (MAXARG_C + 1) : nelems;
  tyK_codeABCk(fs, OP_SETLIST, base, b, c, big);
  if (big)
    codeextraarg(fs, nelems / (MAXARG_C + 1));
  fs->freereg = (lu_byte)(base + 1);
}

/* ---- final pass ---- */

/* follows a chain of jumps to its final destination */
static int finaltarget(Instruction *code, int i) {
  int count;
  for (count = 0; count < 100; count++) {
    Instruction pc = code[i];
    if (GET_OPCODE(pc) != OP_JMP)
      break;
    i += GETARG_sJ(pc) + 1;
  }
  return i;
}

/* What a return must tell the VM: k when the frame has upvalues or
** to-be-closed variables to close, C = numparams + 1 for a vararg function
** (whose frame must be moved back). */
static void completereturn(FuncState *fs, Instruction *i) {
  if (fs->needclose)
    SETARG_k(*i, 1);
  if (fs->f->is_vararg)
    SETARG_C(*i, fs->f->numparams + 1);
}

/* Last pass over a finished function: returns get their final form (the
** short RETURN0/RETURN1 only where nothing needs closing or restoring) and
** every jump goes straight to the end of its chain of jumps. */
void tyK_finish(FuncState *fs) {
  Proto *p = fs->f;
  int general = fs->needclose || p->is_vararg;
  int pc;
  for (pc = 0; pc < fs->pc; pc++) {
    Instruction *i = &p->code[pc];
    OpCode op = GET_OPCODE(*i);
    if (op == OP_JMP)
      fixjump(fs, pc, finaltarget(p->code, pc));
    else if (op == OP_RETURN || op == OP_TAILCALL)
      completereturn(fs, i);
    else if ((op == OP_RETURN0 || op == OP_RETURN1) && general) {
      SET_OPCODE(*i, OP_RETURN);
      completereturn(fs, i);
    }
  }
}
