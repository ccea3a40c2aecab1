/* opcodes.h: tycho's 32-bit instruction word: field layout, accessors, and the opcode table. */
#ifndef TY_OPCODES_H
#define TY_OPCODES_H

#include "../core/obj.h"

/*
** Design note.
**
** One instruction is one 32-bit word (Instruction).  Its low 7 bits name the
** opcode; the other 25 bits are cut into operand fields in one of five ways,
** the opcode's "mode".  The encoding is the one PUC Lua 5.4 uses, bit for bit,
** so that its binary chunks load (front/pucload.c) and string.dump output
** matches what the official suite expects.
**
**   field  first bit  width  present in        meaning
**   -----  ---------  -----  ----------------  -------------------------------
**   op          0        7   every mode        the OpCode
**   A           7        8   iABC iABx iAsBx   usually the target register
**   k          15        1   iABC              a flag (constant operand, close
**                                              needed, test polarity, ...)
**   B          16        8   iABC              operand; sB = B - OFFSET_sC
**   C          24        8   iABC              operand; sC = C - OFFSET_sC
**   Bx         15       17   iABx              unsigned operand (covers k B C)
**   sBx        15       17   iAsBx             Bx - OFFSET_sBx
**   Ax          7       25   iAx               unsigned operand (covers A..C)
**   sJ          7       25   isJ               jump offset, field - OFFSET_sJ
**
** Signed operands are kept biased: the stored field is value + OFFSET, where
** OFFSET is half the field's largest value (rounded down), so the field is
** never negative.  All accessors below are plain shift-and-mask macros with
** constant shifts: the interpreter decodes with them in its dispatch loop.
**
** The opcode list is one X-macro table, TY_OPCODE_TABLE, from which the
** OpCode enum here and the name and mode tables in vm/opcodes.c are all
** generated, so the three cannot drift apart.  Its order is the bytecode's
** numbering and must never change.
*/

/* ---- field layout (see the table above) ---- */

#define POS_OP    0
#define SIZE_OP   7
#define POS_A     7
#define SIZE_A    8
#define POS_k     15
#define POS_B     16
#define SIZE_B    8
#define POS_C     24
#define SIZE_C    8
#define POS_Bx    15
#define SIZE_Bx   17
#define POS_Ax    7
#define SIZE_Ax   25
#define POS_sJ    7
#define SIZE_sJ   25

/* the fields of each mode tile the word exactly, with no gap */
_Static_assert(POS_A == POS_OP + SIZE_OP && POS_k == POS_A + SIZE_A &&
               POS_B == POS_k + 1 && POS_C == POS_B + SIZE_B &&
               POS_C + SIZE_C == 32, "iABC layout");
_Static_assert(POS_Bx == POS_k && POS_Bx + SIZE_Bx == 32, "iABx layout");
_Static_assert(POS_Ax == POS_A && POS_Ax + SIZE_Ax == 32 &&
               POS_sJ == POS_Ax && SIZE_sJ == SIZE_Ax, "iAx/isJ layout");

/* largest value each field holds, and the bias of its signed reading */
#define TY_FIELD_MAX(width)  ((1 << (width)) - 1)
#define MAXARG_A    TY_FIELD_MAX(SIZE_A)
#define MAXARG_B    TY_FIELD_MAX(SIZE_B)
#define MAXARG_C    TY_FIELD_MAX(SIZE_C)
#define MAXARG_Bx   TY_FIELD_MAX(SIZE_Bx)
#define MAXARG_Ax   TY_FIELD_MAX(SIZE_Ax)
#define MAXARG_sJ   TY_FIELD_MAX(SIZE_sJ)
#define OFFSET_sC   (MAXARG_C / 2)
#define OFFSET_sBx  (MAXARG_Bx / 2)
#define OFFSET_sJ   (MAXARG_sJ / 2)

/* signed 8-bit operands (sB, sC) share one bias */
#define int2sC(i)   ((i) + OFFSET_sC)
#define sC2int(i)   ((i) - OFFSET_sC)

/* ---- generic field access ---- */

/* the bits of a `width`-wide field starting at bit `pos`, in place */
#define TY_FMASK(pos, width) \
  ((Instruction)TY_FIELD_MAX_U(width) << (pos))
#define TY_FIELD_MAX_U(width)  ((((Instruction)1) << (width)) - 1)

/* read a field as a non-negative int */
#define TY_FGET(i, pos, width) \
  ((int)(((i) >> (pos)) & TY_FIELD_MAX_U(width)))

/* overwrite a field of lvalue `i` with `v` (excess bits of v are dropped) */
#define TY_FSET(i, v, pos, width) \
  ((i) = (((i) & ~TY_FMASK(pos, width)) | \
          ((((Instruction)(v)) << (pos)) & TY_FMASK(pos, width))))

/* `v` moved into place for a freshly built word */
#define TY_FPUT(v, pos)  (((Instruction)(v)) << (pos))

/* ---- named accessors ---- */

#define GET_OPCODE(i)      ((OpCode)TY_FGET(i, POS_OP, SIZE_OP))
#define SET_OPCODE(i, o)   TY_FSET(i, o, POS_OP, SIZE_OP)

#define GETARG_A(i)        TY_FGET(i, POS_A, SIZE_A)
#define SETARG_A(i, v)     TY_FSET(i, v, POS_A, SIZE_A)

#define GETARG_B(i)        TY_FGET(i, POS_B, SIZE_B)
#define SETARG_B(i, v)     TY_FSET(i, v, POS_B, SIZE_B)
#define GETARG_sB(i)       sC2int(GETARG_B(i))

#define GETARG_C(i)        TY_FGET(i, POS_C, SIZE_C)
#define SETARG_C(i, v)     TY_FSET(i, v, POS_C, SIZE_C)
#define GETARG_sC(i)       sC2int(GETARG_C(i))

#define GETARG_k(i)        TY_FGET(i, POS_k, 1)
#define SETARG_k(i, v)     TY_FSET(i, v, POS_k, 1)
/* nonzero iff k is set, without shifting it down (cheaper in a test) */
#define TESTARG_k(i)       ((int)((i) & (1u << POS_k)))

#define GETARG_Bx(i)       TY_FGET(i, POS_Bx, SIZE_Bx)
#define SETARG_Bx(i, v)    TY_FSET(i, v, POS_Bx, SIZE_Bx)
#define GETARG_sBx(i)      (GETARG_Bx(i) - OFFSET_sBx)
#define SETARG_sBx(i, b)   SETARG_Bx((i), (unsigned int)((b) + OFFSET_sBx))

#define GETARG_Ax(i)       TY_FGET(i, POS_Ax, SIZE_Ax)
#define SETARG_Ax(i, v)    TY_FSET(i, v, POS_Ax, SIZE_Ax)

#define GETARG_sJ(i)       (TY_FGET(i, POS_sJ, SIZE_sJ) - OFFSET_sJ)
#define SETARG_sJ(i, j)    TY_FSET(i, (unsigned int)((j) + OFFSET_sJ), POS_sJ, SIZE_sJ)

/* Building whole words.  The arguments are stored as given (already biased
** where the field is signed) and must fit their fields.  CREATE_sJ's k lands
** on bit POS_k, inside the sJ field; callers pass 0. */
#define CREATE_ABCk(o, a, b, c, k) \
  (TY_FPUT(o, POS_OP) | TY_FPUT(a, POS_A) | TY_FPUT(b, POS_B) | \
   TY_FPUT(c, POS_C) | TY_FPUT(k, POS_k))
#define CREATE_ABx(o, a, bc) \
  (TY_FPUT(o, POS_OP) | TY_FPUT(a, POS_A) | TY_FPUT(bc, POS_Bx))
#define CREATE_Ax(o, a) \
  (TY_FPUT(o, POS_OP) | TY_FPUT(a, POS_Ax))
#define CREATE_sJ(o, j, k) \
  (TY_FPUT(o, POS_OP) | TY_FPUT(j, POS_sJ) | TY_FPUT(k, POS_k))

/* A function may use registers 0 .. MAXREGS-1; the A field's top value is
** left free to mean "no register" in the code generator. */
#define MAXREGS 255
#define NO_REG  MAXARG_A

/* ---- the instruction set ----
**
** Notation: rA, rB, rC are registers of the running frame; kB, kC, kBx are
** entries of the function's constant table; upB is its upvalue B.  "rk(C)"
** means kC when the k flag is set and rC otherwise.  "skip" means the next
** instruction is jumped over.
**
** General rules.  An arithmetic, bitwise, comparison, index or concat
** opcode whose fast path fails falls back to metamethods on the spot; no
** follow-up instruction is involved.  An opcode that can raise an error has
** saved the pc past itself first, so the failing instruction is always
** savedpc - 1 for the debug module.  The conditional opcodes (EQ through
** TESTSET) are always followed by an OP_JMP, which they either run or skip.
**
** Table columns: name, mode, operands, what it does.
*/
#define TY_OPCODE_TABLE(X) \
  /* loads and register moves */ \
  X(MOVE,       iABC,  "A B",     "rA gets a copy of rB") \
  X(LOADI,      iAsBx, "A sBx",   "rA gets the integer sBx") \
  X(LOADF,      iAsBx, "A sBx",   "rA gets sBx converted to a float") \
  X(LOADK,      iABx,  "A Bx",    "rA gets kBx") \
  X(LOADKX,     iABx,  "A",       "rA gets the constant numbered by the EXTRAARG that follows") \
  X(LOADFALSE,  iABC,  "A",       "rA gets false") \
  X(LFALSESKIP, iABC,  "A",       "rA gets false, then skip") \
  X(LOADTRUE,   iABC,  "A",       "rA gets true") \
  X(LOADNIL,    iABC,  "A B",     "rA through rA+B all get nil (B+1 registers)") \
  X(GETUPVAL,   iABC,  "A B",     "rA gets upB") \
  X(SETUPVAL,   iABC,  "A B",     "upB gets rA") \
  /* indexing: the K operands of TABUP/FIELD are short strings */ \
  X(GETTABUP,   iABC,  "A B C",   "rA gets upB[kC]") \
  X(GETTABLE,   iABC,  "A B C",   "rA gets rB[rC]") \
  X(GETI,       iABC,  "A B C",   "rA gets rB[C], C a literal integer 0..255") \
  X(GETFIELD,   iABC,  "A B C",   "rA gets rB[kC]") \
  X(SETTABUP,   iABC,  "A B C k", "upA[kB] gets rk(C)") \
  X(SETTABLE,   iABC,  "A B C k", "rA[rB] gets rk(C)") \
  X(SETI,       iABC,  "A B C k", "rA[B] gets rk(C), B a literal integer 0..255") \
  X(SETFIELD,   iABC,  "A B C k", "rA[kB] gets rk(C)") \
  X(NEWTABLE,   iABC,  "A B C k", "rA gets a new table sized by B (0, or log2 of " \
                                  "the hash part + 1) and C (array part, plus " \
                                  "EXTRAARG * (MAXARG_C+1) when k); an EXTRAARG " \
                                  "always follows") \
  X(SELF,       iABC,  "A B C k", "rA+1 gets rB, then rA gets rB[rk(C)], a string key") \
  /* arithmetic with an immediate or a numeric constant */ \
  X(ADDI,       iABC,  "A B sC",  "rA gets rB + sC") \
  X(ADDK,       iABC,  "A B C",   "rA gets rB + kC") \
  X(SUBK,       iABC,  "A B C",   "rA gets rB - kC") \
  X(MULK,       iABC,  "A B C",   "rA gets rB * kC") \
  X(MODK,       iABC,  "A B C",   "rA gets rB % kC") \
  X(POWK,       iABC,  "A B C",   "rA gets rB ^ kC") \
  X(DIVK,       iABC,  "A B C",   "rA gets rB / kC") \
  X(IDIVK,      iABC,  "A B C",   "rA gets rB // kC") \
  X(BANDK,      iABC,  "A B C",   "rA gets rB & kC, kC an integer") \
  X(BORK,       iABC,  "A B C",   "rA gets rB | kC, kC an integer") \
  X(BXORK,      iABC,  "A B C",   "rA gets rB ~ kC, kC an integer") \
  X(SHRI,       iABC,  "A B sC",  "rA gets rB >> sC") \
  X(SHLI,       iABC,  "A B sC",  "rA gets sC << rB (immediate on the left)") \
  /* arithmetic on two registers */ \
  X(ADD,        iABC,  "A B C",   "rA gets rB + rC") \
  X(SUB,        iABC,  "A B C",   "rA gets rB - rC") \
  X(MUL,        iABC,  "A B C",   "rA gets rB * rC") \
  X(MOD,        iABC,  "A B C",   "rA gets rB % rC") \
  X(POW,        iABC,  "A B C",   "rA gets rB ^ rC") \
  X(DIV,        iABC,  "A B C",   "rA gets rB / rC") \
  X(IDIV,       iABC,  "A B C",   "rA gets rB // rC") \
  X(BAND,       iABC,  "A B C",   "rA gets rB & rC") \
  X(BOR,        iABC,  "A B C",   "rA gets rB | rC") \
  X(BXOR,       iABC,  "A B C",   "rA gets rB ~ rC") \
  X(SHL,        iABC,  "A B C",   "rA gets rB << rC") \
  X(SHR,        iABC,  "A B C",   "rA gets rB >> rC") \
  /* unary operators and concatenation */ \
  X(UNM,        iABC,  "A B",     "rA gets -rB") \
  X(BNOT,       iABC,  "A B",     "rA gets ~rB") \
  X(NOT,        iABC,  "A B",     "rA gets not rB") \
  X(LEN,        iABC,  "A B",     "rA gets #rB") \
  X(CONCAT,     iABC,  "A B",     "rA gets rA .. rA+1 .. ... .. rA+B-1, B at least 2") \
  /* scope, jumps, comparisons: a comparison skips when its result differs from k */ \
  X(CLOSE,      iABC,  "A",       "close upvalues and to-be-closed variables from rA up") \
  X(TBC,        iABC,  "A",       "mark rA as a to-be-closed variable") \
  X(JMP,        isJ,   "sJ",      "pc moves by sJ") \
  X(EQ,         iABC,  "A B k",   "skip unless (rA == rB) equals k") \
  X(LT,         iABC,  "A B k",   "skip unless (rA < rB) equals k") \
  X(LE,         iABC,  "A B k",   "skip unless (rA <= rB) equals k") \
  X(EQK,        iABC,  "A B k",   "skip unless (rA == kB) equals k, raw equality") \
  X(EQI,        iABC,  "A sB k",  "skip unless (rA == sB) equals k") \
  X(LTI,        iABC,  "A sB k",  "skip unless (rA < sB) equals k; C: see below") \
  X(LEI,        iABC,  "A sB k",  "skip unless (rA <= sB) equals k; C: see below") \
  X(GTI,        iABC,  "A sB k",  "skip unless (rA > sB) equals k; C: see below") \
  X(GEI,        iABC,  "A sB k",  "skip unless (rA >= sB) equals k; C: see below") \
  X(TEST,       iABC,  "A k",     "skip unless rA's truth equals k") \
  X(TESTSET,    iABC,  "A B k",   "if rB's truth equals k then rA gets rB, else skip") \
  /* calls and returns */ \
  X(CALL,       iABC,  "A B C",   "call rA with B-1 arguments from rA+1 (B 0: up to " \
                                  "top), keep C-1 results from rA on (C 0: all, top " \
                                  "left after the last)") \
  X(TAILCALL,   iABC,  "A B C k", "return rA(rA+1 .. rA+B-1); k: close upvalues " \
                                  "first; C > 0: the running function is vararg " \
                                  "with C-1 fixed parameters (see below)") \
  X(RETURN,     iABC,  "A B C k", "return B-1 values from rA (B 0: up to top); k " \
                                  "and C as for TAILCALL") \
  X(RETURN0,    iABC,  "",        "return nothing; nothing to close, not vararg") \
  X(RETURN1,    iABC,  "A",       "return rA alone; nothing to close, not vararg") \
  /* loops (register use described below) */ \
  X(FORLOOP,    iABx,  "A Bx",    "numeric for: step; if still running, pc moves back by Bx") \
  X(FORPREP,    iABx,  "A Bx",    "numeric for: check and prepare; if it runs no " \
                                  "iteration, pc moves forward by Bx+1") \
  X(TFORPREP,   iABx,  "A Bx",    "generic for: make rA+3 to-be-closed, pc moves forward by Bx") \
  X(TFORCALL,   iABC,  "A C",     "rA+4 .. rA+3+C get the results of rA(rA+1, rA+2)") \
  X(TFORLOOP,   iABx,  "A Bx",    "if rA+4 is not nil, rA+2 gets it and pc moves back by Bx") \
  /* constructors, closures, varargs */ \
  X(SETLIST,    iABC,  "A B C k", "rA[C+j] gets rA+j for j = 1..B (B 0: up to top); " \
                                  "when k, the next EXTRAARG adds its value * " \
                                  "(MAXARG_C+1) to C") \
  X(CLOSURE,    iABx,  "A Bx",    "rA gets a new closure of the nested prototype Bx") \
  X(VARARG,     iABC,  "A C",     "rA .. rA+C-2 get the varargs (C 0: all of them, up to top)") \
  X(VARARGPREP, iABC,  "A",       "first instruction of a vararg function with A fixed parameters") \
  X(EXTRAARG,   iAx,   "Ax",      "not executed: a wide operand for the instruction before it")

/*
** Notes on the table.
**
** LTI, LEI, GTI, GEI: C is 1 when the literal was written as a float.  It
** only matters on the slow path, to rebuild the operand (and its order,
** for GTI/GEI) given to a metamethod or an error message.
**
** Numeric for uses rA .. rA+3.  Integer loop (init and step integers; a
** float limit is first clipped with floor or ceil per the manual): FORPREP
** replaces rA+1 by the number of iterations left, computed as an unsigned
** value so it cannot overflow, copies the start into rA+3, and raises
** "'for' step is zero" for a zero step.  Each FORLOOP with a nonzero count
** decrements it, adds the step to rA, copies rA into rA+3 and jumps back.
** Float loop: rA index, rA+1 limit, rA+2 step, rA+3 the visible copy.  The
** preparation errors are "'for' initial value must be a number", "'for'
** limit must be a number" and "'for' step must be a number".
**
** Generic for: rA iterator, rA+1 state, rA+2 control, rA+3 the closing
** value, rA+4 onwards the loop variables.
**
** Vararg functions: the callee's VARARGPREP moves the function and its
** fixed parameters above the extra arguments (the frame's base moves up and
** ci->u.l.nextraargs remembers how many extras there are).  That is why
** RETURN and TAILCALL with C > 0 put ci->func back before moving results.
*/

typedef enum {
#define TY_OPCODE_ENUM(name, mode, args, doc) OP_##name,
  TY_OPCODE_TABLE(TY_OPCODE_ENUM)
#undef TY_OPCODE_ENUM
  NUM_OPCODES_
} OpCode;

#define NUM_OPCODES ((int)NUM_OPCODES_)

/* the operand layouts an opcode's mode names (tyP_opmodes) */
enum OpMode { iABC, iABx, iAsBx, iAx, isJ };

/* Instructions that leave L->top marking the end of a variable number of
** values (a multi-result CALL or VARARG, any TAILCALL), and those that
** consume such a top (B == 0 in CALL, TAILCALL, RETURN, SETLIST). */
#define isOT(i) \
  ((GET_OPCODE(i) == OP_CALL && GETARG_C(i) == 0) || \
   GET_OPCODE(i) == OP_TAILCALL || \
   (GET_OPCODE(i) == OP_VARARG && GETARG_C(i) == 0))
#define isIT(i) \
  (GETARG_B(i) == 0 && \
   (GET_OPCODE(i) == OP_CALL || GET_OPCODE(i) == OP_TAILCALL || \
    GET_OPCODE(i) == OP_RETURN || GET_OPCODE(i) == OP_SETLIST))

/* per opcode: its name ("MOVE", ..., NULL-terminated) and its enum OpMode */
extern const char *const tyP_opnames[NUM_OPCODES + 1];
extern const lu_byte tyP_opmodes[NUM_OPCODES];

/* a table constructor stores its list items with one OP_SETLIST per this many */
#define LFIELDS_PER_FLUSH 50

#endif
