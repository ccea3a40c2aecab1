/* opcodes.h: the bytecode instruction set shared by the code generator, the interpreter, dump/undump and debug. */
#ifndef TY_OPCODES_H
#define TY_OPCODES_H

#include "../core/obj.h"

/*
** Instruction formats (32 bits, opcode in the low 7 bits):
**
**        3 3 2 2 2 2 2 2 2 2 2 2 1 1 1 1 1 1 1 1 1 1 0 0 0 0 0 0 0 0 0 0
**        1 0 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0
** iABC         C(8)     |      B(8)     |k|     A(8)      |   Op(7)     |
** iABx               Bx(17)               |     A(8)      |   Op(7)     |
** iAsBx             sBx(17)               |     A(8)      |   Op(7)     |
** iAx                         Ax(25)                      |   Op(7)     |
** isJ                         sJ(25)                      |   Op(7)     |
**
** Signed fields (sBx, sJ, sB, sC) are stored in excess-K: value + OFFSET.
** sB/sC are 8-bit fields with OFFSET_sC = 127.
**
** Notation below: R[x] register x of the current frame (base + x), K[x]
** constant x, U[x] upvalue x, RK(C) = k ? K[C] : R[C], sC = C - OFFSET_sC.
** "pc++" skips the next instruction.  Arithmetic and comparison opcodes
** that fail their fast path call the metamethod themselves (no follow-up
** instruction).  Every opcode that can raise an error leaves savedpc
** pointing just after itself, so debug info names the failing instruction
** as savedpc - 1.
*/

enum OpMode { iABC, iABx, iAsBx, iAx, isJ };

#define SIZE_C   8
#define SIZE_B   8
#define SIZE_Bx  (SIZE_C + SIZE_B + 1)
#define SIZE_A   8
#define SIZE_Ax  (SIZE_Bx + SIZE_A)
#define SIZE_sJ  (SIZE_Bx + SIZE_A)
#define SIZE_OP  7
#define POS_OP   0
#define POS_A    (POS_OP + SIZE_OP)
#define POS_k    (POS_A + SIZE_A)
#define POS_B    (POS_k + 1)
#define POS_C    (POS_B + SIZE_B)
#define POS_Bx   POS_k
#define POS_Ax   POS_A
#define POS_sJ   POS_A

#define MAXARG_Bx   ((1 << SIZE_Bx) - 1)
#define OFFSET_sBx  (MAXARG_Bx >> 1)
#define MAXARG_Ax   ((1 << SIZE_Ax) - 1)
#define MAXARG_sJ   ((1 << SIZE_sJ) - 1)
#define OFFSET_sJ   (MAXARG_sJ >> 1)
#define MAXARG_A    ((1 << SIZE_A) - 1)
#define MAXARG_B    ((1 << SIZE_B) - 1)
#define MAXARG_C    ((1 << SIZE_C) - 1)
#define OFFSET_sC   (MAXARG_C >> 1)
#define int2sC(i)   ((i) + OFFSET_sC)
#define sC2int(i)   ((i) - OFFSET_sC)

#define MASK1(n, p) ((~((~(Instruction)0) << (n))) << (p))
#define MASK0(n, p) (~MASK1(n, p))
#define GET_OPCODE(i) ((OpCode)(((i) >> POS_OP) & MASK1(SIZE_OP, 0)))
#define SET_OPCODE(i, o) ((i) = (((i) & MASK0(SIZE_OP, POS_OP)) | ((((Instruction)(o)) << POS_OP) & MASK1(SIZE_OP, POS_OP))))
#define getarg(i, pos, size) ((int)(((i) >> (pos)) & MASK1(size, 0)))
#define setarg(i, v, pos, size) ((i) = (((i) & MASK0(size, pos)) | ((((Instruction)(v)) << pos) & MASK1(size, pos))))

#define GETARG_A(i)   getarg(i, POS_A, SIZE_A)
#define SETARG_A(i, v) setarg(i, v, POS_A, SIZE_A)
#define GETARG_B(i)   getarg(i, POS_B, SIZE_B)
#define GETARG_sB(i)  sC2int(GETARG_B(i))
#define SETARG_B(i, v) setarg(i, v, POS_B, SIZE_B)
#define GETARG_C(i)   getarg(i, POS_C, SIZE_C)
#define GETARG_sC(i)  sC2int(GETARG_C(i))
#define SETARG_C(i, v) setarg(i, v, POS_C, SIZE_C)
#define TESTARG_k(i)  ((int)((i) & (1u << POS_k)))
#define GETARG_k(i)   getarg(i, POS_k, 1)
#define SETARG_k(i, v) setarg(i, v, POS_k, 1)
#define GETARG_Bx(i)  getarg(i, POS_Bx, SIZE_Bx)
#define SETARG_Bx(i, v) setarg(i, v, POS_Bx, SIZE_Bx)
#define GETARG_Ax(i)  getarg(i, POS_Ax, SIZE_Ax)
#define SETARG_Ax(i, v) setarg(i, v, POS_Ax, SIZE_Ax)
#define GETARG_sBx(i) (getarg(i, POS_Bx, SIZE_Bx) - OFFSET_sBx)
#define SETARG_sBx(i, b) SETARG_Bx((i), (unsigned int)((b) + OFFSET_sBx))
#define GETARG_sJ(i)  (getarg(i, POS_sJ, SIZE_sJ) - OFFSET_sJ)
#define SETARG_sJ(i, j) setarg(i, (unsigned int)((j) + OFFSET_sJ), POS_sJ, SIZE_sJ)

#define CREATE_ABCk(o, a, b, c, k) ((((Instruction)(o)) << POS_OP) | (((Instruction)(a)) << POS_A) | \
  (((Instruction)(b)) << POS_B) | (((Instruction)(c)) << POS_C) | (((Instruction)(k)) << POS_k))
#define CREATE_ABx(o, a, bc) ((((Instruction)(o)) << POS_OP) | (((Instruction)(a)) << POS_A) | (((Instruction)(bc)) << POS_Bx))
#define CREATE_Ax(o, a) ((((Instruction)(o)) << POS_OP) | (((Instruction)(a)) << POS_Ax))
#define CREATE_sJ(o, j, k) ((((Instruction)(o)) << POS_OP) | (((Instruction)(j)) << POS_sJ) | (((Instruction)(k)) << POS_k))

/* maximum register index + 1 usable by a function */
#define MAXREGS 255
#define NO_REG MAXARG_A

/*
** The instruction set.  Keep tyP_opnames/tyP_opmodes (vm/opcodes.c) in the
** same order (asserted there).
*/
typedef enum {
/*----------------------------------------------------------------------
  name          args    description
------------------------------------------------------------------------*/
OP_MOVE,/*      A B     R[A] := R[B]                                    */
OP_LOADI,/*     A sBx   R[A] := sBx (integer)                           */
OP_LOADF,/*     A sBx   R[A] := (lua_Number)sBx                         */
OP_LOADK,/*     A Bx    R[A] := K[Bx]                                   */
OP_LOADKX,/*    A       R[A] := K[extra arg]  (next is OP_EXTRAARG)     */
OP_LOADFALSE,/* A       R[A] := false                                   */
OP_LFALSESKIP,/*A       R[A] := false; pc++                             */
OP_LOADTRUE,/*  A       R[A] := true                                    */
OP_LOADNIL,/*   A B     R[A], R[A+1], ..., R[A+B] := nil                */
OP_GETUPVAL,/*  A B     R[A] := U[B]                                    */
OP_SETUPVAL,/*  A B     U[B] := R[A]                                    */

OP_GETTABUP,/*  A B C   R[A] := U[B][K[C]:shortstring]                  */
OP_GETTABLE,/*  A B C   R[A] := R[B][R[C]]                              */
OP_GETI,/*      A B C   R[A] := R[B][C]  (C an integer 0..255)          */
OP_GETFIELD,/*  A B C   R[A] := R[B][K[C]:shortstring]                  */

OP_SETTABUP,/*  A B C k U[A][K[B]:shortstring] := RK(C)                 */
OP_SETTABLE,/*  A B C k R[A][R[B]] := RK(C)                             */
OP_SETI,/*      A B C k R[A][B] := RK(C)  (B an integer 0..255)         */
OP_SETFIELD,/*  A B C k R[A][K[B]:shortstring] := RK(C)                 */

OP_NEWTABLE,/*  A B C k R[A] := {}; B: 0 or log2(hash size)+1;
                        array size = C, + EXTRAARG * (MAXARG_C+1) if k;
                        always followed by OP_EXTRAARG                  */
OP_SELF,/*      A B C k R[A+1] := R[B]; R[A] := R[B][RK(C):string]      */

OP_ADDI,/*      A B sC  R[A] := R[B] + sC                               */

OP_ADDK,/*      A B C   R[A] := R[B] + K[C]:number                     */
OP_SUBK,/*      A B C   R[A] := R[B] - K[C]:number                      */
OP_MULK,/*      A B C   R[A] := R[B] * K[C]:number                      */
OP_MODK,/*      A B C   R[A] := R[B] % K[C]:number                      */
OP_POWK,/*      A B C   R[A] := R[B] ^ K[C]:number                      */
OP_DIVK,/*      A B C   R[A] := R[B] / K[C]:number                      */
OP_IDIVK,/*     A B C   R[A] := R[B] // K[C]:number                     */
OP_BANDK,/*     A B C   R[A] := R[B] & K[C]:integer                     */
OP_BORK,/*      A B C   R[A] := R[B] | K[C]:integer                     */
OP_BXORK,/*     A B C   R[A] := R[B] ~ K[C]:integer                     */
OP_SHRI,/*      A B sC  R[A] := R[B] >> sC                              */
OP_SHLI,/*      A B sC  R[A] := sC << R[B]                              */

OP_ADD,/*       A B C   R[A] := R[B] + R[C]                             */
OP_SUB,/*       A B C   R[A] := R[B] - R[C]                             */
OP_MUL,/*       A B C   R[A] := R[B] * R[C]                             */
OP_MOD,/*       A B C   R[A] := R[B] % R[C]                             */
OP_POW,/*       A B C   R[A] := R[B] ^ R[C]                             */
OP_DIV,/*       A B C   R[A] := R[B] / R[C]                             */
OP_IDIV,/*      A B C   R[A] := R[B] // R[C]                            */
OP_BAND,/*      A B C   R[A] := R[B] & R[C]                             */
OP_BOR,/*       A B C   R[A] := R[B] | R[C]                             */
OP_BXOR,/*      A B C   R[A] := R[B] ~ R[C]                             */
OP_SHL,/*       A B C   R[A] := R[B] << R[C]                            */
OP_SHR,/*       A B C   R[A] := R[B] >> R[C]                            */

OP_UNM,/*       A B     R[A] := -R[B]                                   */
OP_BNOT,/*      A B     R[A] := ~R[B]                                   */
OP_NOT,/*       A B     R[A] := not R[B]                                */
OP_LEN,/*       A B     R[A] := #R[B] (length operator)                 */

OP_CONCAT,/*    A B     R[A] := R[A].. ... ..R[A + B - 1]  (B >= 2)     */

OP_CLOSE,/*     A       close all upvalues and tbc variables >= R[A]    */
OP_TBC,/*       A       mark variable R[A] "to be closed"               */
OP_JMP,/*       sJ      pc += sJ                                        */
OP_EQ,/*        A B k   if ((R[A] == R[B]) ~= k) then pc++              */
OP_LT,/*        A B k   if ((R[A] <  R[B]) ~= k) then pc++              */
OP_LE,/*        A B k   if ((R[A] <= R[B]) ~= k) then pc++              */

OP_EQK,/*       A B k   if ((R[A] == K[B]) ~= k) then pc++  (raw eq)    */
OP_EQI,/*       A sB k  if ((R[A] == sB) ~= k) then pc++                */
OP_LTI,/*       A sB k  if ((R[A] < sB) ~= k) then pc++                 */
OP_LEI,/*       A sB k  if ((R[A] <= sB) ~= k) then pc++                */
OP_GTI,/*       A sB k  if ((R[A] > sB) ~= k) then pc++                 */
OP_GEI,/*       A sB k  if ((R[A] >= sB) ~= k) then pc++                */
             /* for LTI..GEI, C = 1 if the literal was a float (isfloat),
                used only to pick the operand order/type in metamethod
                calls and error messages                                */

OP_TEST,/*      A k     if (not R[A] == k) then pc++                    */
OP_TESTSET,/*   A B k   if (not R[B] == k) then pc++ else R[A] := R[B]  */

OP_CALL,/*      A B C   R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])
                        B = 0: arguments up to top; C = 0: all results,
                        top set after the last one                      */
OP_TAILCALL,/*  A B C k return R[A](R[A+1], ... ,R[A+B-1]);
                        k: close upvalues first; C > 0: vararg function,
                        C - 1 = its numparams (to restore func)         */

OP_RETURN,/*    A B C k return R[A], ... ,R[A+B-2]; B = 0: up to top;
                        k: close upvalues/tbc first; C > 0: vararg
                        function, C - 1 = its numparams                 */
OP_RETURN0,/*           return (no values; no close; not vararg)        */
OP_RETURN1,/*   A       return R[A] (no close; not vararg)              */

OP_FORLOOP,/*   A Bx    numeric for: update counters;
                        if loop continues then pc -= Bx                 */
OP_FORPREP,/*   A Bx    numeric for: check values and prepare counters;
                        if loop does not run then pc += Bx + 1          */

OP_TFORPREP,/*  A Bx    generic for: create tbc from R[A+3]; pc += Bx    */
OP_TFORCALL,/*  A C     R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2])  */
OP_TFORLOOP,/*  A Bx    if R[A+4] ~= nil then { R[A+2] := R[A+4]; pc -= Bx } */

OP_SETLIST,/*   A B C k R[A][C+i] := R[A+i], 1 <= i <= B; B = 0: up to top;
                        if k, C += EXTRAARG * (MAXARG_C+1) (next instr) */

OP_CLOSURE,/*   A Bx    R[A] := closure(KPROTO[Bx])                     */
OP_VARARG,/*    A C     R[A], R[A+1], ..., R[A+C-2] = vararg; C = 0: all */
OP_VARARGPREP,/*A       adjust vararg parameters (A = numparams)        */
OP_EXTRAARG,/*  Ax      extra (larger) argument for previous opcode     */
NUM_OPCODES_
} OpCode;

#define NUM_OPCODES ((int)NUM_OPCODES_)

/*
** Numeric for (FORPREP/FORLOOP), registers R[A]..R[A+3]:
**   integer loop (init and step integers, limit converted with floor/ceil
**   as the manual says): FORPREP stores in R[A+1] the unsigned iteration
**   count ((limit-init)/step, computed without overflow) and copies init to
**   R[A+3]; it skips the loop if it does not run.  FORLOOP: if count > 0,
**   count--, R[A] += step, R[A+3] := R[A], jump back.  "'for' step is zero"
**   is an error.
**   float loop: R[A] idx, R[A+1] limit, R[A+2] step, R[A+3] copy of idx.
**   Errors: "'for' initial value must be a number", "'for' limit must be a
**   number", "'for' step must be a number".
** Generic for: R[A] iterator, R[A+1] state, R[A+2] control, R[A+3] closing
**   value (to-be-closed), R[A+4].. loop variables.
** OP_CALL of a vararg function: the callee's VARARGPREP copies the function
**   and fixed parameters above the varargs (the frame's base moves up;
**   ci->u.l.nextraargs records the vararg count); RETURN/TAILCALL with C > 0
**   restore ci->func before moving results.
** Test-then-jump opcodes (EQ..TESTSET) are always followed by OP_JMP.
*/

/* helpers for the code generator / debug module */
#define isOT(i) ((GET_OPCODE(i) == OP_CALL && GETARG_C(i) == 0) || GET_OPCODE(i) == OP_TAILCALL \
                 || (GET_OPCODE(i) == OP_VARARG && GETARG_C(i) == 0))  /* sets top */
#define isIT(i) ((GET_OPCODE(i) == OP_CALL || GET_OPCODE(i) == OP_TAILCALL || \
                  GET_OPCODE(i) == OP_RETURN || GET_OPCODE(i) == OP_SETLIST) && GETARG_B(i) == 0)  /* uses top */

extern const char *const tyP_opnames[NUM_OPCODES + 1];
extern const lu_byte tyP_opmodes[NUM_OPCODES];  /* enum OpMode of each opcode */

/* limit for table fields flushed per OP_SETLIST */
#define LFIELDS_PER_FLUSH 50

#endif
