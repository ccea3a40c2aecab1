/* jitemit.c: bytecode -> LLVM IR for one (prototype, argument types) specialization. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <llvm-c/Core.h>
#include "../core/obj.h"
#include "../core/state.h"
#include "../vm/opcodes.h"
#include "../vm/jitabi.h"
#include "jitemit.h"

/*
** Design note: the frame and the deoptimisation invariants.
**
** Native code runs the interpreter's frame: register r is the TValue at
** base + r, base = ci->func + 1, exactly as in tyV_execute.  Each register
** also has two allocas (payload as i64, tag as i8) that mem2reg turns into
** SSA values; every write goes to both (write-through), every read comes
** from the allocas.  The invariants, which make an exit a plain "continue
** in the interpreter at pc":
**  1. Between instructions, every register in the Lua stack holds the value
**     the interpreter would hold there (write-through; nothing is deferred).
**  2. At an exit to pc, ci->u.l.savedpc = p->code + pc and the instruction
**     at pc has not started: no register it writes has been touched, so the
**     interpreter can run it from the beginning (guards sit before the
**     first store of an instruction; FORPREP checks everything first).
**  3. Before a helper call that may raise, run Lua code, collect garbage or
**     move the stack: savedpc = code + pc + 1 (as the interpreter's savepc
**     after fetching), L->top = ci->top (so the collector sees the whole
**     frame).  After it, base and every cached register are reloaded from
**     the stack (a metamethod may move the stack or set a local through the
**     debug library), and a hook that became active exits at pc + 1.
**  4. Back-edges and returns read L->hookmask and exit when a hook is set:
**     hooks run only in the interpreter.  Native code is entered only when
**     no hook is set.
**  5. Native code never raises an error itself: every case that raises in
**     the interpreter (division by zero, a for step of zero, a type without
**     an inline path) exits before the instruction, and the interpreter
**     raises with its own message and line.
** Types: the argument kinds of the specialization become constant tags at
** entry; tags flow through the allocas, and LLVM's SCCP and instcombine
** fold the runtime tag tests the constants decide.  So the type inference
** of this first tier is LLVM's constant propagation over the tag values;
** where a tag is unknown, both inline paths and the exit remain.
** Heap constants are read through p->k at run time and runtime services
** through the helper table H: the code holds no absolute address.
*/

typedef struct E {
  LLVMContextRef cx;
  LLVMModuleRef m;
  LLVMBuilderRef b;
  LLVMValueRef fn;
  LLVMTypeRef t1, t8, t16, t32, t64, tf, tp;
  LLVMTypeRef ty_gettabup, ty_ret, ty_ff, ty_f;
  const Proto *p;
  const TyJRequest *rq;
  LLVMValueRef L, ci, H;
  LLVMValueRef cl, k, code;  /* the running closure, p->k, p->code */
  LLVMValueRef abase;        /* alloca holding base */
  LLVMValueRef *aval, *atag; /* allocas per register */
  LLVMBasicBlockRef *bb;     /* block of each instruction */
  int nreg, ncode;
  int bad;                   /* bytecode the compiler refuses */
  char why[160];
} E;

#define TV(r) ((long long)(r) * (long long)sizeof(TValue))
#define OFF_VAL ((long long)offsetof(TValue, value_))
#define OFF_TT ((long long)offsetof(TValue, tt_))
_Static_assert(sizeof(TValue) == 16 && offsetof(TValue, tt_) == 8, "TValue layout");
_Static_assert(sizeof(((lua_State *)0)->hookmask) == 4, "hookmask is an i32");
_Static_assert(sizeof(((CallInfo *)0)->nresults) == 2, "nresults is an i16");

static void refuse(E *e, const char *why) {
  if (!e->bad) snprintf(e->why, sizeof e->why, "%s", why);
  e->bad = 1;
}

/* ---- small IR helpers ---- */

static LLVMValueRef ci64(E *e, long long v) { return LLVMConstInt(e->t64, (unsigned long long)v, 1); }
static LLVMValueRef ci32(E *e, int v) { return LLVMConstInt(e->t32, (unsigned long long)(unsigned)v, 0); }
static LLVMValueRef ci8(E *e, int v) { return LLVMConstInt(e->t8, (unsigned long long)(v & 0xFF), 0); }
static LLVMValueRef cf(E *e, double d) { return LLVMConstReal(e->tf, d); }

static LLVMValueRef at(E *e, LLVMValueRef ptr, long long off) {
  LLVMValueRef idx;
  if (off == 0) return ptr;
  idx = ci64(e, off);
  return LLVMBuildInBoundsGEP2(e->b, e->t8, ptr, &idx, 1, "");
}
static LLVMValueRef ld(E *e, LLVMTypeRef t, LLVMValueRef ptr, long long off) {
  return LLVMBuildLoad2(e->b, t, at(e, ptr, off), "");
}
static void st(E *e, LLVMValueRef v, LLVMValueRef ptr, long long off) {
  LLVMBuildStore(e->b, v, at(e, ptr, off));
}
static LLVMBasicBlockRef newbb(E *e, const char *name) {
  return LLVMAppendBasicBlockInContext(e->cx, e->fn, name);
}
static void go(E *e, LLVMBasicBlockRef to) { LLVMBuildBr(e->b, to); }
static void cbr(E *e, LLVMValueRef c, LLVMBasicBlockRef t, LLVMBasicBlockRef f) {
  LLVMBuildCondBr(e->b, c, t, f);
}
static void here(E *e, LLVMBasicBlockRef bb) { LLVMPositionBuilderAtEnd(e->b, bb); }
static LLVMValueRef ieq(E *e, LLVMValueRef a, LLVMValueRef b) { return LLVMBuildICmp(e->b, LLVMIntEQ, a, b, ""); }
static LLVMValueRef and1(E *e, LLVMValueRef a, LLVMValueRef b) { return LLVMBuildAnd(e->b, a, b, ""); }
static LLVMValueRef or1(E *e, LLVMValueRef a, LLVMValueRef b) { return LLVMBuildOr(e->b, a, b, ""); }
static LLVMValueRef sel(E *e, LLVMValueRef c, LLVMValueRef a, LLVMValueRef b) { return LLVMBuildSelect(e->b, c, a, b, ""); }
static LLVMValueRef i2d(E *e, LLVMValueRef v) { return LLVMBuildBitCast(e->b, v, e->tf, ""); }
static LLVMValueRef d2i(E *e, LLVMValueRef v) { return LLVMBuildBitCast(e->b, v, e->t64, ""); }

static LLVMValueRef istag(E *e, LLVMValueRef tag, int t) { return ieq(e, tag, ci8(e, t)); }
static LLVMValueRef isint(E *e, LLVMValueRef tag) { return istag(e, tag, TY_VNUMINT); }
static LLVMValueRef isflt(E *e, LLVMValueRef tag) { return istag(e, tag, TY_VNUMFLT); }
static LLVMValueRef isnum(E *e, LLVMValueRef tag) { return or1(e, isint(e, tag), isflt(e, tag)); }
/* l_isfalse: false, or any nil variant */
static LLVMValueRef isfalse(E *e, LLVMValueRef tag) {
  LLVMValueRef nov = LLVMBuildAnd(e->b, tag, ci8(e, 0x0F), "");
  return or1(e, istag(e, tag, TY_VFALSE), ieq(e, nov, ci8(e, LUA_TNIL)));
}
/* a number as a float (tonumberns): the float's bits, or the integer converted */
static LLVMValueRef tofloat(E *e, LLVMValueRef tag, LLVMValueRef val) {
  return sel(e, isflt(e, tag), i2d(e, val), LLVMBuildSIToFP(e->b, val, e->tf, ""));
}

static LLVMValueRef helper(E *e, size_t off) { return ld(e, e->tp, e->H, (long long)off); }
static LLVMValueRef call(E *e, LLVMTypeRef fty, size_t off, LLVMValueRef *args, unsigned n) {
  return LLVMBuildCall2(e->b, fty, helper(e, off), args, n, "");
}

/* ---- registers ---- */

static int reg(E *e, int r) {
  if (r < 0 || r >= e->nreg) { refuse(e, "register out of range"); return 0; }
  return r;
}
static LLVMValueRef base(E *e) { return LLVMBuildLoad2(e->b, e->tp, e->abase, "base"); }
static LLVMValueRef rtag(E *e, int r) { return LLVMBuildLoad2(e->b, e->t8, e->atag[reg(e, r)], ""); }
static LLVMValueRef rval(E *e, int r) { return LLVMBuildLoad2(e->b, e->t64, e->aval[reg(e, r)], ""); }
static LLVMValueRef rflt(E *e, int r) { return i2d(e, rval(e, r)); }

/* R[r] := (tag, val), in the cache and in the Lua stack (invariant 1) */
static void setreg(E *e, int r, LLVMValueRef tag, LLVMValueRef val) {
  LLVMValueRef b;
  r = reg(e, r);
  LLVMBuildStore(e->b, tag, e->atag[r]);
  LLVMBuildStore(e->b, val, e->aval[r]);
  b = base(e);
  st(e, val, b, TV(r) + OFF_VAL);
  st(e, tag, b, TV(r) + OFF_TT);
}
static void setint(E *e, int r, LLVMValueRef v) { setreg(e, r, ci8(e, TY_VNUMINT), v); }
static void setflt(E *e, int r, LLVMValueRef d) { setreg(e, r, ci8(e, TY_VNUMFLT), d2i(e, d)); }

/* base and every register from the Lua stack (after a helper: invariant 3) */
static void reload(E *e) {
  LLVMValueRef func = ld(e, e->tp, e->ci, offsetof(CallInfo, func));
  LLVMValueRef b = at(e, func, (long long)sizeof(TValue));
  int r;
  LLVMBuildStore(e->b, b, e->abase);
  for (r = 0; r < e->nreg; r++) {
    LLVMBuildStore(e->b, ld(e, e->t64, b, TV(r) + OFF_VAL), e->aval[r]);
    LLVMBuildStore(e->b, ld(e, e->t8, b, TV(r) + OFF_TT), e->atag[r]);
  }
}

/* a constant operand: numbers as immediates, other values read through p->k */
static void kopnd(E *e, int idx, LLVMValueRef *tag, LLVMValueRef *val) {
  const TValue *kv;
  if (idx < 0 || idx >= e->p->sizek) {
    refuse(e, "constant out of range");
    idx = 0;
    if (e->p->sizek == 0) { *tag = ci8(e, TY_VNIL); *val = ci64(e, 0); return; }
  }
  kv = &e->p->k[idx];
  *tag = ci8(e, rawtt(kv));
  if (ttisinteger(kv)) *val = ci64(e, ivalue(kv));
  else if (ttisfloat(kv)) *val = d2i(e, cf(e, fltvalue(kv)));
  else *val = ld(e, e->t64, e->k, TV(idx) + OFF_VAL);
}

/* ---- exits ---- */

static void savepc(E *e, int pc) {
  LLVMValueRef idx = ci64(e, pc);
  LLVMValueRef p = LLVMBuildInBoundsGEP2(e->b, e->t32, e->code, &idx, 1, "");
  st(e, p, e->ci, offsetof(CallInfo, u.l.savedpc));
}

/* a block that leaves the frame to the interpreter at pc (invariant 2) */
static LLVMBasicBlockRef exitto(E *e, int pc, int reason) {
  LLVMBasicBlockRef cur = LLVMGetInsertBlock(e->b);
  LLVMBasicBlockRef x = newbb(e, "exit");
  int op = (pc >= 0 && pc < e->ncode) ? (int)GET_OPCODE(e->p->code[pc]) : 0;
  here(e, x);
  savepc(e, pc);
  LLVMBuildRet(e->b, ci32(e, TYJ_EXITCODE(reason, op)));
  here(e, cur);
  return x;
}

static LLVMBasicBlockRef target(E *e, int pc) {
  if (pc < 0 || pc >= e->ncode) {
    refuse(e, "jump out of range");
    return e->bb[0];
  }
  return e->bb[pc];
}
/* the instruction after pc; falling off the end exits at pc */
static LLVMBasicBlockRef nextbb(E *e, int pc) {
  return (pc + 1 < e->ncode) ? e->bb[pc + 1] : exitto(e, pc, TYJ_EXIT_UNSUPPORTED);
}

static LLVMValueRef hookset(E *e) {
  LLVMValueRef v = LLVMBuildLoad2(e->b, e->t32, at(e, e->L, offsetof(lua_State, hookmask)), "hookmask");
  LLVMSetVolatile(v, 1);
  return LLVMBuildICmp(e->b, LLVMIntNE, v, ci32(e, 0), "");
}
/* continue at pc unless a hook became active (invariant 4) */
static void checkedgo(E *e, int pc) {
  LLVMBasicBlockRef t = target(e, pc);
  cbr(e, hookset(e), exitto(e, pc, TYJ_EXIT_HOOK), t);
}
/* a jump from pc to to: backward jumps check the hook */
static void jumpto(E *e, int pc, int to) {
  if (to <= pc) checkedgo(e, to);
  else go(e, target(e, to));
}

/* before a helper that may raise, call Lua or move the stack (invariant 3) */
static void savestate(E *e, int pc) {
  savepc(e, pc + 1);
  st(e, ld(e, e->tp, e->ci, offsetof(CallInfo, top)), e->L, offsetof(lua_State, top));
}

/* ---- arithmetic ---- */

enum { AR_ADD, AR_SUB, AR_MUL, AR_MOD, AR_POW, AR_DIV, AR_IDIV,
       AR_BAND, AR_BOR, AR_BXOR, AR_SHL, AR_SHR };

/* tyV_shiftl: shifts of 64 or more give 0, negative counts shift right */
static LLVMValueRef shiftl(E *e, LLVMValueRef x, LLVMValueRef y) {
  LLVMValueRef neg = LLVMBuildICmp(e->b, LLVMIntSLT, y, ci64(e, 0), "");
  LLVMValueRef ny = LLVMBuildSub(e->b, ci64(e, 0), y, "");
  LLVMValueRef r1 = sel(e, LLVMBuildICmp(e->b, LLVMIntUGE, ny, ci64(e, 64), ""), ci64(e, 0),
                        LLVMBuildLShr(e->b, x, LLVMBuildAnd(e->b, ny, ci64(e, 63), ""), ""));
  LLVMValueRef r2 = sel(e, LLVMBuildICmp(e->b, LLVMIntUGE, y, ci64(e, 64), ""), ci64(e, 0),
                        LLVMBuildShl(e->b, x, LLVMBuildAnd(e->b, y, ci64(e, 63), ""), ""));
  return sel(e, neg, r1, r2);
}

/* integer paths; for % and // the divisor 0 exits and -1 is special-cased */
static void intarith(E *e, int pc, int ar, int a, LLVMValueRef vb, LLVMValueRef vc,
                     LLVMBasicBlockRef next) {
  LLVMValueRef r;
  switch (ar) {
    case AR_ADD: r = LLVMBuildAdd(e->b, vb, vc, ""); break;
    case AR_SUB: r = LLVMBuildSub(e->b, vb, vc, ""); break;
    case AR_MUL: r = LLVMBuildMul(e->b, vb, vc, ""); break;
    case AR_BAND: r = LLVMBuildAnd(e->b, vb, vc, ""); break;
    case AR_BOR: r = LLVMBuildOr(e->b, vb, vc, ""); break;
    case AR_BXOR: r = LLVMBuildXor(e->b, vb, vc, ""); break;
    case AR_SHL: r = shiftl(e, vb, vc); break;
    case AR_SHR: r = shiftl(e, vb, LLVMBuildSub(e->b, ci64(e, 0), vc, "")); break;
    default: {  /* AR_MOD, AR_IDIV */
      LLVMBasicBlockRef sp = newbb(e, "div.special"), m1 = newbb(e, "div.m1"), nrm = newbb(e, "div");
      LLVMValueRef c1 = LLVMBuildAdd(e->b, vc, ci64(e, 1), "");
      cbr(e, LLVMBuildICmp(e->b, LLVMIntULE, c1, ci64(e, 1), ""), sp, nrm);
      here(e, sp);
      cbr(e, ieq(e, vc, ci64(e, 0)), exitto(e, pc, TYJ_EXIT_DIVZERO), m1);
      here(e, m1);  /* n % -1 == 0; n // -1 == -n (wrapping) */
      setint(e, a, ar == AR_MOD ? ci64(e, 0) : LLVMBuildSub(e->b, ci64(e, 0), vb, ""));
      go(e, next);
      here(e, nrm);
      if (ar == AR_MOD) {  /* remainder with the sign of the divisor */
        LLVMValueRef m = LLVMBuildSRem(e->b, vb, vc, "");
        LLVMValueRef fix = and1(e, LLVMBuildICmp(e->b, LLVMIntNE, m, ci64(e, 0), ""),
                                LLVMBuildICmp(e->b, LLVMIntSLT, LLVMBuildXor(e->b, m, vc, ""), ci64(e, 0), ""));
        r = sel(e, fix, LLVMBuildAdd(e->b, m, vc, ""), m);
      }
      else {  /* quotient rounded towards minus infinity */
        LLVMValueRef q = LLVMBuildSDiv(e->b, vb, vc, "");
        LLVMValueRef fix = and1(e, LLVMBuildICmp(e->b, LLVMIntSLT, LLVMBuildXor(e->b, vb, vc, ""), ci64(e, 0), ""),
                                LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildSRem(e->b, vb, vc, ""), ci64(e, 0), ""));
        r = sel(e, fix, LLVMBuildSub(e->b, q, ci64(e, 1), ""), q);
      }
      break;
    }
  }
  setint(e, a, r);
  go(e, next);
}

static void fltarith(E *e, int ar, int a, LLVMValueRef fb, LLVMValueRef fc, LLVMBasicBlockRef next) {
  LLVMValueRef r, args[2];
  args[0] = fb; args[1] = fc;
  switch (ar) {
    case AR_ADD: r = LLVMBuildFAdd(e->b, fb, fc, ""); break;
    case AR_SUB: r = LLVMBuildFSub(e->b, fb, fc, ""); break;
    case AR_MUL: r = LLVMBuildFMul(e->b, fb, fc, ""); break;
    case AR_DIV: r = LLVMBuildFDiv(e->b, fb, fc, ""); break;
    case AR_MOD: r = call(e, e->ty_ff, offsetof(TyJHelpers, fmod), args, 2); break;
    case AR_IDIV: {
      LLVMValueRef q = LLVMBuildFDiv(e->b, fb, fc, "");
      r = call(e, e->ty_f, offsetof(TyJHelpers, floor), &q, 1);
      break;
    }
    default: {  /* AR_POW: x^2 is x*x, as in the interpreter */
      LLVMBasicBlockRef sq = newbb(e, "pow.sq"), gen = newbb(e, "pow");
      cbr(e, LLVMBuildFCmp(e->b, LLVMRealOEQ, fc, cf(e, 2.0), ""), sq, gen);
      here(e, sq);
      setflt(e, a, LLVMBuildFMul(e->b, fb, fb, ""));
      go(e, next);
      here(e, gen);
      r = call(e, e->ty_ff, offsetof(TyJHelpers, pow), args, 2);
      break;
    }
  }
  setflt(e, a, r);
  go(e, next);
}

/* R[a] := B op C with the interpreter's fast paths; anything else exits */
static void arith(E *e, int pc, int ar, int a, LLVMValueRef tb, LLVMValueRef vb,
                  LLVMValueRef tc, LLVMValueRef vc) {
  LLVMBasicBlockRef next = nextbb(e, pc);
  LLVMValueRef bothint = and1(e, isint(e, tb), isint(e, tc));
  LLVMBasicBlockRef li = newbb(e, "int"), lnum, lf;
  if (ar >= AR_BAND) {  /* bitwise: integers only (floats with exact values exit) */
    cbr(e, bothint, li, exitto(e, pc, TYJ_EXIT_TYPE));
    here(e, li);
    intarith(e, pc, ar, a, vb, vc, next);
    return;
  }
  lnum = newbb(e, "num");
  lf = newbb(e, "flt");
  if (ar == AR_POW || ar == AR_DIV)  /* always float */
    go(e, lnum);
  else
    cbr(e, bothint, li, lnum);
  here(e, li);
  if (ar == AR_POW || ar == AR_DIV) LLVMBuildUnreachable(e->b);
  else intarith(e, pc, ar, a, vb, vc, next);
  here(e, lnum);
  cbr(e, and1(e, isnum(e, tb), isnum(e, tc)), lf, exitto(e, pc, TYJ_EXIT_TYPE));
  here(e, lf);
  fltarith(e, ar, a, tofloat(e, tb, vb), tofloat(e, tc, vc), next);
}

static int arop(OpCode op) {
  switch (op) {
    case OP_ADD: case OP_ADDK: return AR_ADD;
    case OP_SUB: case OP_SUBK: return AR_SUB;
    case OP_MUL: case OP_MULK: return AR_MUL;
    case OP_MOD: case OP_MODK: return AR_MOD;
    case OP_POW: case OP_POWK: return AR_POW;
    case OP_DIV: case OP_DIVK: return AR_DIV;
    case OP_IDIV: case OP_IDIVK: return AR_IDIV;
    case OP_BAND: case OP_BANDK: return AR_BAND;
    case OP_BOR: case OP_BORK: return AR_BOR;
    case OP_BXOR: case OP_BXORK: return AR_BXOR;
    case OP_SHL: return AR_SHL;
    default: return AR_SHR;
  }
}

/* ---- comparisons ---- */

/* the instruction after a test is its jump: cond == k jumps, else skips it */
static void condjump(E *e, int pc, LLVMValueRef cond, int k) {
  if (pc + 2 >= e->ncode || GET_OPCODE(e->p->code[pc + 1]) != OP_JMP) {
    refuse(e, "test not followed by a jump");
    go(e, e->bb[pc]);
    return;
  }
  cbr(e, k ? cond : LLVMBuildNot(e->b, cond, ""), e->bb[pc + 1], e->bb[pc + 2]);
}

/* R[a] < R[b] / <= for numbers of one kind; mixed and other values exit */
static void order(E *e, int pc, Instruction i, LLVMIntPredicate ip, LLVMRealPredicate fp) {
  int a = GETARG_A(i), b = GETARG_B(i);
  LLVMValueRef ta = rtag(e, a), tb = rtag(e, b);
  LLVMBasicBlockRef li = newbb(e, "cmp.int"), lnf = newbb(e, "cmp.nf"), lf = newbb(e, "cmp.flt");
  LLVMBasicBlockRef join = newbb(e, "cmp");
  LLVMValueRef ci, cfl, phi, vals[2];
  LLVMBasicBlockRef from[2];
  cbr(e, and1(e, isint(e, ta), isint(e, tb)), li, lnf);
  here(e, li);
  ci = LLVMBuildICmp(e->b, ip, rval(e, a), rval(e, b), "");
  go(e, join);
  here(e, lnf);
  cbr(e, and1(e, isflt(e, ta), isflt(e, tb)), lf, exitto(e, pc, TYJ_EXIT_TYPE));
  here(e, lf);
  cfl = LLVMBuildFCmp(e->b, fp, rflt(e, a), rflt(e, b), "");
  go(e, join);
  here(e, join);
  phi = LLVMBuildPhi(e->b, e->t1, "");
  vals[0] = ci; vals[1] = cfl; from[0] = li; from[1] = lf;
  LLVMAddIncoming(phi, vals, from, 2);
  condjump(e, pc, phi, GETARG_k(i));
}

/* R[a] op sB (LTI..GEI, EQI): integers and floats inline; eq of others is false */
static void orderimm(E *e, int pc, Instruction i, LLVMIntPredicate ip, LLVMRealPredicate fp, int iseq) {
  int a = GETARG_A(i), im = GETARG_sB(i);
  LLVMValueRef ta = rtag(e, a);
  LLVMBasicBlockRef li = newbb(e, "cmp.int"), lnf = newbb(e, "cmp.nf"), lf = newbb(e, "cmp.flt");
  LLVMBasicBlockRef join = newbb(e, "cmp"), lo = NULL;
  LLVMValueRef vals[3], phi;
  LLVMBasicBlockRef from[3];
  unsigned n = 2;
  cbr(e, isint(e, ta), li, lnf);
  here(e, li);
  vals[0] = LLVMBuildICmp(e->b, ip, rval(e, a), ci64(e, im), "");
  go(e, join);
  here(e, lnf);
  if (iseq) {
    lo = newbb(e, "cmp.other");
    cbr(e, isflt(e, ta), lf, lo);
    here(e, lo);
    go(e, join);
  }
  else
    cbr(e, isflt(e, ta), lf, exitto(e, pc, TYJ_EXIT_TYPE));
  here(e, lf);
  vals[1] = LLVMBuildFCmp(e->b, fp, rflt(e, a), cf(e, (double)im), "");
  go(e, join);
  here(e, join);
  phi = LLVMBuildPhi(e->b, e->t1, "");
  from[0] = li; from[1] = lf;
  if (iseq) { vals[2] = LLVMConstInt(e->t1, 0, 0); from[2] = lo; n = 3; }
  LLVMAddIncoming(phi, vals, from, n);
  condjump(e, pc, phi, GETARG_k(i));
}

/* R[a] == K[b], raw: the constant's kind is known here */
static void eqk(E *e, int pc, Instruction i) {
  int a = GETARG_A(i), b = GETARG_B(i);
  LLVMValueRef ta = rtag(e, a), kt, kv, cond;
  const TValue *kc;
  if (b >= e->p->sizek) { refuse(e, "constant out of range"); go(e, e->bb[pc]); return; }
  kc = &e->p->k[b];
  kopnd(e, b, &kt, &kv);
  if (ttisinteger(kc) || ttisfloat(kc)) {
    /* same variant: compare payloads; the other number variant needs the
    ** exact mixed comparison: exit; other types are different */
    int other = ttisinteger(kc) ? TY_VNUMFLT : TY_VNUMINT;
    LLVMBasicBlockRef same = newbb(e, "eqk.same"), diff = newbb(e, "eqk.diff");
    LLVMBasicBlockRef join = newbb(e, "eqk"), lo = newbb(e, "eqk.other");
    LLVMValueRef vals[2], phi;
    LLVMBasicBlockRef from[2];
    cbr(e, ieq(e, ta, kt), same, diff);
    here(e, same);
    vals[0] = ttisinteger(kc) ? ieq(e, rval(e, a), kv)
                              : LLVMBuildFCmp(e->b, LLVMRealOEQ, rflt(e, a), i2d(e, kv), "");
    go(e, join);
    here(e, diff);
    cbr(e, istag(e, ta, other), exitto(e, pc, TYJ_EXIT_TYPE), lo);
    here(e, lo);
    go(e, join);
    here(e, join);
    phi = LLVMBuildPhi(e->b, e->t1, "");
    vals[1] = LLVMConstInt(e->t1, 0, 0);
    from[0] = same; from[1] = lo;
    LLVMAddIncoming(phi, vals, from, 2);
    cond = phi;
  }
  else if (ttisnil(kc) || ttisboolean(kc)) {  /* same variant */
    cond = ieq(e, LLVMBuildAnd(e->b, ta, ci8(e, 0x3F), ""), ci8(e, withvariant(rawtt(kc))));
  }
  else if (ttisshrstring(kc) || ttislightuserdata(kc) || ttislcf(kc)) {  /* identity */
    cond = and1(e, ieq(e, ta, kt), ieq(e, rval(e, a), kv));
  }
  else {  /* long strings (and anything else) compare in the interpreter */
    LLVMBasicBlockRef ok = newbb(e, "eqk.ne");
    cbr(e, LLVMBuildICmp(e->b, LLVMIntEQ, LLVMBuildAnd(e->b, ta, ci8(e, 0x0F), ""),
                         ci8(e, novariant(rawtt(kc))), ""), exitto(e, pc, TYJ_EXIT_TYPE), ok);
    here(e, ok);
    cond = LLVMConstInt(e->t1, 0, 0);
  }
  condjump(e, pc, cond, GETARG_k(i));
}

/* ---- numeric for ---- */

static void forprep(E *e, int pc, Instruction i) {
  int a = GETARG_A(i);
  LLVMBasicBlockRef skip = target(e, pc + GETARG_Bx(i) + 2);
  LLVMBasicBlockRef x = exitto(e, pc, TYJ_EXIT_FORPREP);
  LLVMBasicBlockRef li = newbb(e, "for.int"), li2 = newbb(e, "for.int2"), li3 = newbb(e, "for.int3");
  LLVMBasicBlockRef lcount = newbb(e, "for.count"), lnot = newbb(e, "for.notint");
  LLVMBasicBlockRef lf = newbb(e, "for.flt"), lf2 = newbb(e, "for.flt2"), lf3 = newbb(e, "for.flt3");
  LLVMValueRef t0 = rtag(e, a), t1 = rtag(e, a + 1), t2 = rtag(e, a + 2);
  LLVMValueRef v0 = rval(e, a), v1 = rval(e, a + 1), v2 = rval(e, a + 2);
  LLVMValueRef pos, skipc, cpos, cneg, count, f0, f1, f2;
  reg(e, a + 3);
  cbr(e, and1(e, isint(e, t0), isint(e, t2)), li, lnot);
  /* integer loop: a float or string limit is converted by the interpreter */
  here(e, li);
  cbr(e, isint(e, t1), li2, x);
  here(e, li2);
  cbr(e, ieq(e, v2, ci64(e, 0)), x, li3);  /* "'for' step is zero" */
  here(e, li3);
  setint(e, a + 3, v0);
  pos = LLVMBuildICmp(e->b, LLVMIntSGT, v2, ci64(e, 0), "");
  skipc = sel(e, pos, LLVMBuildICmp(e->b, LLVMIntSGT, v0, v1, ""), LLVMBuildICmp(e->b, LLVMIntSLT, v0, v1, ""));
  cbr(e, skipc, skip, lcount);
  here(e, lcount);  /* the iteration count, without overflow */
  cpos = LLVMBuildSub(e->b, v1, v0, "");
  cpos = sel(e, ieq(e, v2, ci64(e, 1)), cpos, LLVMBuildUDiv(e->b, cpos, v2, ""));
  cneg = LLVMBuildUDiv(e->b, LLVMBuildSub(e->b, v0, v1, ""),
                       LLVMBuildAdd(e->b, LLVMBuildSub(e->b, ci64(e, 0), LLVMBuildAdd(e->b, v2, ci64(e, 1), ""), ""),
                                    ci64(e, 1), ""), "");
  count = sel(e, pos, cpos, cneg);
  setint(e, a + 1, count);
  go(e, nextbb(e, pc));
  /* float loop */
  here(e, lnot);
  cbr(e, and1(e, isnum(e, t0), and1(e, isnum(e, t1), isnum(e, t2))), lf, x);
  here(e, lf);
  f0 = tofloat(e, t0, v0); f1 = tofloat(e, t1, v1); f2 = tofloat(e, t2, v2);
  cbr(e, LLVMBuildFCmp(e->b, LLVMRealOEQ, f2, cf(e, 0.0), ""), x, lf2);
  here(e, lf2);
  skipc = sel(e, LLVMBuildFCmp(e->b, LLVMRealOLT, cf(e, 0.0), f2, ""),
              LLVMBuildFCmp(e->b, LLVMRealOLT, f1, f0, ""), LLVMBuildFCmp(e->b, LLVMRealOLT, f0, f1, ""));
  cbr(e, skipc, skip, lf3);
  here(e, lf3);
  setflt(e, a + 1, f1);
  setflt(e, a + 2, f2);
  setflt(e, a, f0);
  setflt(e, a + 3, f0);
  go(e, nextbb(e, pc));
}

static void forloop(E *e, int pc, Instruction i) {
  int a = GETARG_A(i);
  int back = pc + 1 - GETARG_Bx(i);
  LLVMBasicBlockRef next = nextbb(e, pc);
  LLVMBasicBlockRef li = newbb(e, "loop.int"), li2 = newbb(e, "loop.int2");
  LLVMBasicBlockRef lf = newbb(e, "loop.flt"), lf2 = newbb(e, "loop.flt2");
  LLVMValueRef count, idx, step, limit, cont;
  reg(e, a + 3);
  cbr(e, isint(e, rtag(e, a + 2)), li, lf);
  here(e, li);
  count = rval(e, a + 1);
  cbr(e, LLVMBuildICmp(e->b, LLVMIntNE, count, ci64(e, 0), ""), li2, next);
  here(e, li2);
  setint(e, a + 1, LLVMBuildSub(e->b, count, ci64(e, 1), ""));
  idx = LLVMBuildAdd(e->b, rval(e, a), rval(e, a + 2), "");
  setint(e, a, idx);
  setint(e, a + 3, idx);
  jumpto(e, pc, back);
  here(e, lf);
  step = rflt(e, a + 2);
  limit = rflt(e, a + 1);
  idx = LLVMBuildFAdd(e->b, rflt(e, a), step, "");
  cont = sel(e, LLVMBuildFCmp(e->b, LLVMRealOLT, cf(e, 0.0), step, ""),
             LLVMBuildFCmp(e->b, LLVMRealOLE, idx, limit, ""), LLVMBuildFCmp(e->b, LLVMRealOLE, limit, idx, ""));
  cbr(e, cont, lf2, next);
  here(e, lf2);
  setflt(e, a, idx);
  setflt(e, a + 3, idx);
  jumpto(e, pc, back);
}

/* ---- returns ---- */

static void ret(E *e, int pc, int a, int n) {
  LLVMBasicBlockRef ok = newbb(e, "ret");
  LLVMValueRef args[4];
  reg(e, a + n - (n > 0));
  cbr(e, hookset(e), exitto(e, pc, TYJ_EXIT_HOOK), ok);
  here(e, ok);
  if (n == 1) {  /* the common case inline: one result wanted */
    LLVMBasicBlockRef fast = newbb(e, "ret.one"), slow = newbb(e, "ret.gen");
    LLVMValueRef nres = ld(e, e->t16, e->ci, offsetof(CallInfo, nresults));
    LLVMValueRef b, func;
    cbr(e, ieq(e, nres, LLVMConstInt(e->t16, 1, 0)), fast, slow);
    here(e, fast);
    b = base(e);
    func = at(e, b, -(long long)sizeof(TValue));
    st(e, rval(e, a), func, OFF_VAL);
    st(e, rtag(e, a), func, OFF_TT);
    st(e, b, e->L, offsetof(lua_State, top));
    st(e, ld(e, e->tp, e->ci, offsetof(CallInfo, previous)), e->L, offsetof(lua_State, ci));
    LLVMBuildRet(e->b, ci32(e, 0));
    here(e, slow);
  }
  savepc(e, pc + 1);
  args[0] = e->L; args[1] = e->ci; args[2] = ci32(e, a); args[3] = ci32(e, n);
  LLVMBuildCall2(e->b, e->ty_ret, helper(e, offsetof(TyJHelpers, ret)), args, 4, "");
  LLVMBuildRet(e->b, ci32(e, 0));
}

/* ---- one instruction ---- */

#define translated(op) tyj_translated(op)

static void instruction(E *e, int pc) {
  Instruction i = e->p->code[pc];
  OpCode op = GET_OPCODE(i);
  int a = GETARG_A(i);
  LLVMValueRef tb, vb, tc, vc;
  switch (op) {
    case OP_MOVE:
      tb = rtag(e, GETARG_B(i)); vb = rval(e, GETARG_B(i));
      setreg(e, a, tb, vb);
      go(e, nextbb(e, pc));
      break;
    case OP_LOADI:
      setint(e, a, ci64(e, GETARG_sBx(i)));
      go(e, nextbb(e, pc));
      break;
    case OP_LOADF:
      setflt(e, a, cf(e, (double)GETARG_sBx(i)));
      go(e, nextbb(e, pc));
      break;
    case OP_LOADK:
    case OP_LOADKX: {
      int idx = GETARG_Bx(i), skip = 0;
      if (op == OP_LOADKX) {
        if (pc + 1 >= e->ncode || GET_OPCODE(e->p->code[pc + 1]) != OP_EXTRAARG) {
          refuse(e, "LOADKX without EXTRAARG");
          go(e, e->bb[pc]);
          break;
        }
        idx = GETARG_Ax(e->p->code[pc + 1]);
        skip = 1;
      }
      kopnd(e, idx, &tb, &vb);
      setreg(e, a, tb, vb);
      go(e, nextbb(e, pc + skip));
      break;
    }
    case OP_LOADFALSE: case OP_LFALSESKIP:
      setreg(e, a, ci8(e, TY_VFALSE), ci64(e, 0));
      go(e, nextbb(e, pc + (op == OP_LFALSESKIP)));
      break;
    case OP_LOADTRUE:
      setreg(e, a, ci8(e, TY_VTRUE), ci64(e, 0));
      go(e, nextbb(e, pc));
      break;
    case OP_LOADNIL: {
      int n = GETARG_B(i), j;
      for (j = 0; j <= n; j++) setreg(e, a + j, ci8(e, TY_VNIL), ci64(e, 0));
      go(e, nextbb(e, pc));
      break;
    }
    case OP_GETUPVAL:
    case OP_GETTABUP: {
      int b = GETARG_B(i);
      LLVMValueRef uv, v;
      if (b >= e->p->sizeupvalues) { refuse(e, "upvalue out of range"); go(e, e->bb[pc]); break; }
      uv = ld(e, e->tp, e->cl, (long long)offsetof(LClosure, upvals) + (long long)b * (long long)sizeof(UpVal *));
      v = ld(e, e->tp, uv, offsetof(UpVal, v));
      if (op == OP_GETUPVAL) {
        tb = ld(e, e->t8, v, OFF_TT);
        vb = ld(e, e->t64, v, OFF_VAL);
        setreg(e, a, tb, vb);
        go(e, nextbb(e, pc));
      }
      else {  /* through the helper, with the interpreter's semantics */
        int c = GETARG_C(i);
        LLVMValueRef args[4];
        if (c >= e->p->sizek || !ttisshrstring(&e->p->k[c])) {
          go(e, exitto(e, pc, TYJ_EXIT_UNSUPPORTED));
          break;
        }
        reg(e, a);
        savestate(e, pc);
        args[0] = e->L; args[1] = v; args[2] = at(e, e->k, TV(c));
        args[3] = at(e, base(e), TV(a));
        LLVMBuildCall2(e->b, e->ty_gettabup, helper(e, offsetof(TyJHelpers, gettabup)), args, 4, "");
        reload(e);
        if (pc + 1 < e->ncode) checkedgo(e, pc + 1);
        else go(e, exitto(e, pc, TYJ_EXIT_UNSUPPORTED));
      }
      break;
    }
    case OP_ADDI:
      tc = ci8(e, TY_VNUMINT); vc = ci64(e, GETARG_sC(i));
      arith(e, pc, AR_ADD, a, rtag(e, GETARG_B(i)), rval(e, GETARG_B(i)), tc, vc);
      break;
    case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK:
    case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
      kopnd(e, GETARG_C(i), &tc, &vc);
      arith(e, pc, arop(op), a, rtag(e, GETARG_B(i)), rval(e, GETARG_B(i)), tc, vc);
      break;
    case OP_SHRI:  /* R[B] >> sC */
      arith(e, pc, AR_SHR, a, rtag(e, GETARG_B(i)), rval(e, GETARG_B(i)),
            ci8(e, TY_VNUMINT), ci64(e, GETARG_sC(i)));
      break;
    case OP_SHLI:  /* sC << R[B] */
      arith(e, pc, AR_SHL, a, ci8(e, TY_VNUMINT), ci64(e, GETARG_sC(i)),
            rtag(e, GETARG_B(i)), rval(e, GETARG_B(i)));
      break;
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW: case OP_DIV: case OP_IDIV:
    case OP_BAND: case OP_BOR: case OP_BXOR: case OP_SHL: case OP_SHR:
      arith(e, pc, arop(op), a, rtag(e, GETARG_B(i)), rval(e, GETARG_B(i)),
            rtag(e, GETARG_C(i)), rval(e, GETARG_C(i)));
      break;
    case OP_UNM: case OP_BNOT: {
      int b = GETARG_B(i);
      LLVMBasicBlockRef li = newbb(e, "un.int"), lnf = newbb(e, "un.nf"), lf = newbb(e, "un.flt");
      LLVMBasicBlockRef next = nextbb(e, pc), x = exitto(e, pc, TYJ_EXIT_TYPE);
      tb = rtag(e, b); vb = rval(e, b);
      cbr(e, isint(e, tb), li, lnf);
      here(e, li);
      setint(e, a, op == OP_UNM ? LLVMBuildSub(e->b, ci64(e, 0), vb, "") : LLVMBuildNot(e->b, vb, ""));
      go(e, next);
      here(e, lnf);
      if (op == OP_BNOT) { go(e, x); LLVMDeleteBasicBlock(lf); break; }
      cbr(e, isflt(e, tb), lf, x);
      here(e, lf);
      setflt(e, a, LLVMBuildFNeg(e->b, i2d(e, vb), ""));
      go(e, next);
      break;
    }
    case OP_NOT:
      tb = rtag(e, GETARG_B(i));
      setreg(e, a, sel(e, isfalse(e, tb), ci8(e, TY_VTRUE), ci8(e, TY_VFALSE)), ci64(e, 0));
      go(e, nextbb(e, pc));
      break;
    case OP_JMP:
      jumpto(e, pc, pc + 1 + GETARG_sJ(i));
      break;
    case OP_EQ: {
      int b = GETARG_B(i);
      LLVMValueRef ta = rtag(e, a), tbb = rtag(e, b), phi, vals[2];
      LLVMBasicBlockRef li = newbb(e, "eq.int"), lnf = newbb(e, "eq.nf"), lf = newbb(e, "eq.flt");
      LLVMBasicBlockRef join = newbb(e, "eq"), from[2];
      cbr(e, and1(e, isint(e, ta), isint(e, tbb)), li, lnf);
      here(e, li);
      vals[0] = ieq(e, rval(e, a), rval(e, b));
      go(e, join);
      here(e, lnf);  /* other pairs may need __eq: the interpreter compares them */
      cbr(e, and1(e, isflt(e, ta), isflt(e, tbb)), lf, exitto(e, pc, TYJ_EXIT_TYPE));
      here(e, lf);
      vals[1] = LLVMBuildFCmp(e->b, LLVMRealOEQ, rflt(e, a), rflt(e, b), "");
      go(e, join);
      here(e, join);
      phi = LLVMBuildPhi(e->b, e->t1, "");
      from[0] = li; from[1] = lf;
      LLVMAddIncoming(phi, vals, from, 2);
      condjump(e, pc, phi, GETARG_k(i));
      break;
    }
    case OP_LT: order(e, pc, i, LLVMIntSLT, LLVMRealOLT); break;
    case OP_LE: order(e, pc, i, LLVMIntSLE, LLVMRealOLE); break;
    case OP_EQK: eqk(e, pc, i); break;
    case OP_EQI: orderimm(e, pc, i, LLVMIntEQ, LLVMRealOEQ, 1); break;
    case OP_LTI: orderimm(e, pc, i, LLVMIntSLT, LLVMRealOLT, 0); break;
    case OP_LEI: orderimm(e, pc, i, LLVMIntSLE, LLVMRealOLE, 0); break;
    case OP_GTI: orderimm(e, pc, i, LLVMIntSGT, LLVMRealOGT, 0); break;
    case OP_GEI: orderimm(e, pc, i, LLVMIntSGE, LLVMRealOGE, 0); break;
    case OP_TEST:
      condjump(e, pc, LLVMBuildNot(e->b, isfalse(e, rtag(e, a)), ""), GETARG_k(i));
      break;
    case OP_TESTSET: {  /* if (isfalse(R[B]) == k) skip the jump, else R[A] := R[B] and jump */
      int b = GETARG_B(i);
      LLVMBasicBlockRef cp = newbb(e, "testset");
      if (pc + 2 >= e->ncode || GET_OPCODE(e->p->code[pc + 1]) != OP_JMP) {
        refuse(e, "test not followed by a jump");
        go(e, e->bb[pc]);
        break;
      }
      tb = rtag(e, b);
      vb = rval(e, b);
      cbr(e, GETARG_k(i) ? isfalse(e, tb) : LLVMBuildNot(e->b, isfalse(e, tb), ""), e->bb[pc + 2], cp);
      here(e, cp);
      setreg(e, a, tb, vb);
      go(e, e->bb[pc + 1]);
      break;
    }
    case OP_RETURN0:
      ret(e, pc, 0, 0);
      break;
    case OP_RETURN1:
      ret(e, pc, a, 1);
      break;
    case OP_RETURN:
      if (TESTARG_k(i) || GETARG_C(i) != 0 || GETARG_B(i) == 0)  /* close, vararg, up to top */
        go(e, exitto(e, pc, TYJ_EXIT_UNSUPPORTED));
      else
        ret(e, pc, a, GETARG_B(i) - 1);
      break;
    case OP_FORPREP: forprep(e, pc, i); break;
    case OP_FORLOOP: forloop(e, pc, i); break;
    default:
      go(e, exitto(e, pc, TYJ_EXIT_UNSUPPORTED));
      break;
  }
}

/* ---- the function ---- */

/* the tag a kind guarantees, or -1 when the kind has several variants */
static int kindtag(int kind) {
  switch (kind) {
    case TYJ_NIL: return TY_VNIL;
    case TYJ_INTEGER: return TY_VNUMINT;
    case TYJ_FLOAT: return TY_VNUMFLT;
    case TYJ_TABLE: return ctb(TY_VTABLE);
    case TYJ_LFUNCTION: return ctb(TY_VLCL);
    case TYJ_THREAD: return ctb(TY_VTHREAD);
    default: return -1;
  }
}

static void prologue(E *e) {
  LLVMValueRef func, b;
  int r;
  e->aval = calloc((size_t)e->nreg + 1, sizeof(LLVMValueRef));
  e->atag = calloc((size_t)e->nreg + 1, sizeof(LLVMValueRef));
  e->abase = LLVMBuildAlloca(e->b, e->tp, "abase");
  for (r = 0; r < e->nreg; r++) {
    char nm[16];
    snprintf(nm, sizeof nm, "v%d", r);
    e->aval[r] = LLVMBuildAlloca(e->b, e->t64, nm);
    snprintf(nm, sizeof nm, "t%d", r);
    e->atag[r] = LLVMBuildAlloca(e->b, e->t8, nm);
  }
  func = ld(e, e->tp, e->ci, offsetof(CallInfo, func));
  e->cl = ld(e, e->tp, func, OFF_VAL);
  {
    LLVMValueRef p = ld(e, e->tp, e->cl, offsetof(LClosure, p));
    e->k = ld(e, e->tp, p, offsetof(Proto, k));
    e->code = ld(e, e->tp, p, offsetof(Proto, code));
  }
  b = at(e, func, (long long)sizeof(TValue));
  LLVMBuildStore(e->b, b, e->abase);
  for (r = 0; r < e->nreg; r++) {
    int kt = (r < e->rq->nargs && r < e->p->numparams) ? kindtag(e->rq->argkinds[r]) : -1;
    LLVMBuildStore(e->b, ld(e, e->t64, b, TV(r) + OFF_VAL), e->aval[r]);
    LLVMBuildStore(e->b, kt >= 0 ? ci8(e, kt) : ld(e, e->t8, b, TV(r) + OFF_TT), e->atag[r]);
  }
}

const char *tyjit_refusal(const TyJRequest *rq) {
  const Proto *p = rq->p;
  if (p->is_vararg) return "vararg functions are not compiled yet";
  if (p->sizecode <= 0 || !translated(GET_OPCODE(p->code[0])))
    return "nothing to compile (it exits at its first instruction)";
  /* without a loop, entering native code costs more than it saves (calls are not
  ** compiled yet): such functions are compiled only on request (jitabi.h) */
  if (rq->loopsonly && !tyj_loopreachable(p))
    return "no loop reachable in native code (compiled only under --compile=all)";
  return NULL;
}

int tyjit_emit(LLVMModuleRef m, const TyJRequest *rq, char *err, size_t errlen) {
  E e0, *e = &e0;
  const Proto *p = rq->p;
  LLVMTypeRef params[4], fty;
  int pc;
  const char *no = tyjit_refusal(rq);
  memset(e, 0, sizeof *e);
  if (no != NULL) { snprintf(err, errlen, "%s", no); return -1; }
  e->m = m;
  e->cx = LLVMGetModuleContext(m);
  e->p = p;
  e->rq = rq;
  e->nreg = p->maxstacksize;
  e->ncode = p->sizecode;
  e->t1 = LLVMInt1TypeInContext(e->cx);
  e->t8 = LLVMInt8TypeInContext(e->cx);
  e->t16 = LLVMInt16TypeInContext(e->cx);
  e->t32 = LLVMInt32TypeInContext(e->cx);
  e->t64 = LLVMInt64TypeInContext(e->cx);
  e->tf = LLVMDoubleTypeInContext(e->cx);
  e->tp = LLVMPointerTypeInContext(e->cx, 0);
  params[0] = params[1] = params[2] = params[3] = e->tp;
  e->ty_gettabup = LLVMFunctionType(LLVMVoidTypeInContext(e->cx), params, 4, 0);
  params[2] = params[3] = e->t32;
  e->ty_ret = LLVMFunctionType(LLVMVoidTypeInContext(e->cx), params, 4, 0);
  params[0] = params[1] = e->tf;
  e->ty_ff = LLVMFunctionType(e->tf, params, 2, 0);
  e->ty_f = LLVMFunctionType(e->tf, params, 1, 0);
  params[0] = params[1] = params[2] = e->tp;
  fty = LLVMFunctionType(e->t32, params, 3, 0);
  e->fn = LLVMAddFunction(m, rq->name, fty);
  e->L = LLVMGetParam(e->fn, 0);
  e->ci = LLVMGetParam(e->fn, 1);
  e->H = LLVMGetParam(e->fn, 2);
  LLVMSetValueName2(e->L, "L", 1);
  LLVMSetValueName2(e->ci, "ci", 2);
  LLVMSetValueName2(e->H, "H", 1);
  e->b = LLVMCreateBuilderInContext(e->cx);
  here(e, newbb(e, "entry"));
  e->bb = calloc((size_t)e->ncode, sizeof(LLVMBasicBlockRef));
  if (e->bb == NULL) { LLVMDisposeBuilder(e->b); snprintf(err, errlen, "out of memory"); return -1; }
  prologue(e);
  if (e->aval == NULL || e->atag == NULL) { refuse(e, "out of memory"); go(e, newbb(e, "x")); }
  else {
    for (pc = 0; pc < e->ncode; pc++) {
      char nm[24];
      snprintf(nm, sizeof nm, "pc%d", pc);
      e->bb[pc] = newbb(e, nm);
    }
    go(e, e->bb[0]);
    for (pc = 0; pc < e->ncode && !e->bad; pc++) {
      here(e, e->bb[pc]);
      instruction(e, pc);
    }
  }
  LLVMDisposeBuilder(e->b);
  free(e->bb);
  free(e->aval);
  free(e->atag);
  if (e->bad) {
    LLVMDeleteFunction(e->fn);
    snprintf(err, errlen, "bytecode not compiled: %s", e->why);
    return -1;
  }
  return 0;
}
