/* pucload.c: loads PUC Lua 5.4 binary chunks (luac5.4, lua5.4's string.dump) and translates their code to tycho's ISA. */
#include <string.h>
#include "pucload.h"
#include "../core/func.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../vm/do.h"
#include "../vm/opcodes.h"

/*
** PUC 5.4's ISA is tycho's (same formats, operands and semantics, opcode for
** opcode) plus OP_MMBIN/OP_MMBINI/OP_MMBINK, numbered 46..48 right after
** OP_SHR, which follow every arithmetic/bitwise instruction: PUC's fast path
** skips them, otherwise they call the metamethod.  tycho's arithmetic opcodes
** call the metamethod themselves, so translation renumbers opcodes and turns
** each MMBIN* into "JMP +0" (every pc offset stays valid).  What the MMBIN*
** carried moves into the instruction before it:
**  - flip (k of MMBINI/MMBINK, "constant was the first operand") goes to the
**    k bit of OP_ADDI and OP_ADDK..OP_BXORK, where tycho keeps it;
**  - PUC codes "x - I" as ADDI x, -I (event TM_SUB, operand I) and "x << I"
**    as SHRI x, -I (event TM_SHL); tycho's ADDI/SHRI would call __add/__shr,
**    so these become SUBK x, K[I] (a constant added when needed) or, failing
**    that, LOADI into a spare register followed by SUB/SHL.
** Everything else (RETURN/TAILCALL's C and k, NEWTABLE/SETLIST's EXTRAARG,
** LTI..GEI's isfloat C, FORPREP/TFORPREP offsets, sBx/sJ/sC excess-K) is
** identical.  The translated function then goes through tycho's validator.
*/

#define P_MMBIN   46
#define P_MMBINI  47
#define P_MMBINK  48
#define P_NUMOPS  83
#define P_TM_SUB  7   /* PUC's TMS numbering (same as tycho's) */
#define P_TM_SHL  16

/* constant tags (PUC's type variants) */
#define PK_NIL    0x00
#define PK_FALSE  0x01
#define PK_TRUE   0x11
#define PK_INT    0x03
#define PK_FLT    0x13
#define PK_SHRSTR 0x04
#define PK_LNGSTR 0x14

#define NOP_JMP CREATE_sJ(OP_JMP, OFFSET_sJ, 0)  /* pc += 0 */

static int loadInt(LoadState *S) {
  return (int)tyU_loadsize(S, INT_MAX);
}

static void loadFunction(LoadState *S, Proto *f, TString *psource, int level);

static void loadCode(LoadState *S, Proto *f) {
  int n = loadInt(S), i;
  for (i = 0; i < n; i++) {
    Instruction ins;
    f->code = (Instruction *)tyU_grow(S, f->code, &f->sizecode, i, sizeof(Instruction));
    tyU_loadblock(S, &ins, sizeof(ins));
    f->code[i] = ins;
  }
  f->code = (Instruction *)tyU_shrink(S, f->code, &f->sizecode, n, sizeof(Instruction));
}

/* PUC's constant tags, in tycho's kind order (nil, false, true, int, float, short, long) */
static const lu_byte puctags[7] = {PK_NIL, PK_FALSE, PK_TRUE, PK_INT, PK_FLT, PK_SHRSTR, PK_LNGSTR};

static void loadProtos(LoadState *S, Proto *f, int level) {
  lua_State *L = S->L;
  int n = tyU_loadcount(S, MAXARG_Bx + 1), i;
  if (n > 0 && level >= TY_MAXCCALLS)
    tyU_error(S, "corrupted chunk");  /* absurd nesting */
  for (i = 0; i < n; i++) {
    f->p = (Proto **)tyU_grow(S, f->p, &f->sizep, i, sizeof(Proto *));
    f->p[i] = tyF_newproto(L);
    tyC_objbarrier(L, f, f->p[i]);
    loadFunction(S, f->p[i], f->source, level + 1);
  }
  f->p = (Proto **)tyU_shrink(S, f->p, &f->sizep, n, sizeof(Proto *));
}

/*
** PUC keeps one signed byte per instruction, the line delta from the previous
** instruction (from linedefined for the first), plus (pc, line) pairs giving
** absolute lines at some pcs (their byte is a marker); tycho keeps the
** absolute line of every instruction.  The deltas are read into f->lineinfo
** and made absolute as the (increasing) pairs arrive.
*/
static void loadLines(LoadState *S, Proto *f) {
  int n = loadInt(S), i, nabs, done = 0;
  unsigned int line = (unsigned int)f->linedefined;
  if (n != 0 && n != f->sizecode)
    tyU_error(S, "corrupted chunk");
  for (i = 0; i < n; i++) {
    f->lineinfo = (int *)tyU_grow(S, f->lineinfo, &f->sizelineinfo, i, sizeof(int));
    f->lineinfo[i] = (signed char)tyU_loadbyte(S);
  }
  f->lineinfo = (int *)tyU_shrink(S, f->lineinfo, &f->sizelineinfo, n, sizeof(int));
  nabs = loadInt(S);
  for (i = 0; i < nabs; i++) {
    int pc = loadInt(S);
    int absline = loadInt(S);
    if (pc < done || pc >= n)
      tyU_error(S, "corrupted chunk");
    for (; done < pc; done++)
      f->lineinfo[done] = (int)(line += (unsigned int)f->lineinfo[done]);
    f->lineinfo[done++] = absline;
    line = (unsigned int)absline;
  }
  for (; done < n; done++)
    f->lineinfo[done] = (int)(line += (unsigned int)f->lineinfo[done]);
}

static void loadDebug(LoadState *S, Proto *f) {
  lua_State *L = S->L;
  int n, i;
  loadLines(S, f);
  n = tyU_loadcount(S, SHRT_MAX);
  for (i = 0; i < n; i++) {
    LocVar *v;
    f->locvars = (LocVar *)tyU_grow(S, f->locvars, &f->sizelocvars, i, sizeof(LocVar));
    v = &f->locvars[i];
    v->varname = tyU_loadstring(S);
    if (v->varname)
      tyC_objbarrier(L, f, v->varname);
    v->startpc = loadInt(S);
    v->endpc = loadInt(S);
  }
  f->locvars = (LocVar *)tyU_shrink(S, f->locvars, &f->sizelocvars, n, sizeof(LocVar));
  n = loadInt(S);
  if (n != 0)  /* names present: PUC reads exactly one per upvalue, whatever the count says */
    n = f->sizeupvalues;
  for (i = 0; i < n; i++) {
    f->upvalues[i].name = tyU_loadstring(S);
    if (f->upvalues[i].name)
      tyC_objbarrier(L, f, f->upvalues[i].name);
  }
}

/* ---- code translation ---- */

/* index of integer constant v, added if missing; -1 if it would not fit in C */
static int intconstant(LoadState *S, Proto *f, lua_Integer v) {
  int i, n = f->sizek;
  for (i = 0; i < n && i <= MAXARG_C; i++)
    if (ttisinteger(&f->k[i]) && ivalue(&f->k[i]) == v)
      return i;
  if (n > MAXARG_C)
    return -1;
  f->k = (TValue *)tyU_grow(S, f->k, &f->sizek, n, sizeof(TValue));
  f->k = (TValue *)tyU_shrink(S, f->k, &f->sizek, n + 1, sizeof(TValue));
  setivalue(&f->k[n], v);
  return n;
}

/* a register no PUC instruction uses (allocated once per function), or -1 */
static int spare(Proto *f, int *reg) {
  if (*reg < 0 && f->maxstacksize < MAXREGS)
    *reg = f->maxstacksize++;
  return *reg;
}

/*
** Rewrites the pair "op; MMBIN*" at pc, pc+1 when PUC's MMBIN* names an event
** or operand tycho's op does not imply; returns 1 if it did.
*/
static int fixevent(LoadState *S, Proto *f, int pc, int *reg) {
  Instruction i = f->code[pc], mm = f->code[pc + 1];
  int op = GET_OPCODE(i), ev = GETARG_C(mm), imm = GETARG_sB(mm);
  int a = GETARG_A(i), b = GETARG_B(i), r;
  if (GET_OPCODE(mm) != P_MMBINI)
    return 0;
  if (op == OP_ADDI && ev == P_TM_SUB) {  /* x - I */
    int kx = intconstant(S, f, imm);
    if (kx >= 0) {
      f->code[pc] = CREATE_ABCk(OP_SUBK, a, b, kx, 0);
      f->code[pc + 1] = NOP_JMP;
      return 1;
    }
  }
  else if (!(op == OP_SHRI && ev == P_TM_SHL))  /* not x << I */
    return 0;
  if ((r = spare(f, reg)) < 0)
    return 0;  /* no room (255 registers): keep PUC's numeric behaviour */
  f->code[pc] = CREATE_ABx(OP_LOADI, r, imm + OFFSET_sBx);
  f->code[pc + 1] = CREATE_ABCk(op == OP_ADDI ? OP_SUB : OP_SHL, a, b, r, 0);
  return 1;
}

static void translate(LoadState *S, Proto *f) {
  int pc, reg = -1;
  for (pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    int op = GET_OPCODE(i);
    if (op >= P_NUMOPS)
      tyU_error(S, "corrupted chunk");
    if (op >= P_MMBIN && op <= P_MMBINK) {  /* stray (not after an arithmetic op) */
      f->code[pc] = NOP_JMP;
      continue;
    }
    if (op > P_MMBINK) {
      SET_OPCODE(f->code[pc], op - 3);
      continue;
    }
    if (op < OP_ADDI || pc + 1 >= f->sizecode)
      continue;
    {  /* arithmetic/bitwise op (same number in both ISAs) */
      Instruction mm = f->code[pc + 1];
      int mop = GET_OPCODE(mm);
      if (mop < P_MMBIN || mop > P_MMBINK)
        continue;
      if (!fixevent(S, f, pc, &reg)) {
        if (op == OP_ADDI || (op >= OP_ADDK && op <= OP_BXORK))
          SETARG_k(f->code[pc], GETARG_k(mm));  /* flip */
        f->code[pc + 1] = NOP_JMP;
      }
      pc++;
    }
  }
}

static void loadFunction(LoadState *S, Proto *f, TString *psource, int level) {
  lua_State *L = S->L;
  const char *problem;
  tyU_loadfunchead(S, f, psource);
  loadCode(S, f);
  tyU_loadconstants(S, f, puctags, 1);
  tyU_loadupvalues(S, f);
  loadProtos(S, f, level);
  loadDebug(S, f);
  translate(S, f);
  problem = tyU_checkproto(L, f);
  if (problem != NULL)
    tyU_error(S, problem);
}

void tyU_pucload(LoadState *S, LClosure *cl) {
  loadFunction(S, cl->p, NULL, 0);
}
