/* opcodes.c: names and argument formats of the opcodes (order must match the OpCode enum). */
#include "opcodes.h"

#define OPNAMES \
  "MOVE", "LOADI", "LOADF", "LOADK", "LOADKX", "LOADFALSE", "LFALSESKIP", \
  "LOADTRUE", "LOADNIL", "GETUPVAL", "SETUPVAL", \
  "GETTABUP", "GETTABLE", "GETI", "GETFIELD", \
  "SETTABUP", "SETTABLE", "SETI", "SETFIELD", \
  "NEWTABLE", "SELF", "ADDI", \
  "ADDK", "SUBK", "MULK", "MODK", "POWK", "DIVK", "IDIVK", \
  "BANDK", "BORK", "BXORK", "SHRI", "SHLI", \
  "ADD", "SUB", "MUL", "MOD", "POW", "DIV", "IDIV", \
  "BAND", "BOR", "BXOR", "SHL", "SHR", \
  "UNM", "BNOT", "NOT", "LEN", "CONCAT", \
  "CLOSE", "TBC", "JMP", "EQ", "LT", "LE", \
  "EQK", "EQI", "LTI", "LEI", "GTI", "GEI", \
  "TEST", "TESTSET", "CALL", "TAILCALL", \
  "RETURN", "RETURN0", "RETURN1", \
  "FORLOOP", "FORPREP", "TFORPREP", "TFORCALL", "TFORLOOP", \
  "SETLIST", "CLOSURE", "VARARG", "VARARGPREP", "EXTRAARG"

const char *const tyP_opnames[NUM_OPCODES + 1] = { OPNAMES, NULL };

#define OPMODES \
  iABC, iAsBx, iAsBx, iABx, iABx, iABC, iABC, iABC, iABC, iABC, iABC,  /* MOVE..SETUPVAL */ \
  iABC, iABC, iABC, iABC,                                             /* GETTABUP..GETFIELD */ \
  iABC, iABC, iABC, iABC,                                             /* SETTABUP..SETFIELD */ \
  iABC, iABC, iABC,                                                   /* NEWTABLE SELF ADDI */ \
  iABC, iABC, iABC, iABC, iABC, iABC, iABC,                           /* ADDK..IDIVK */ \
  iABC, iABC, iABC, iABC, iABC,                                       /* BANDK..SHLI */ \
  iABC, iABC, iABC, iABC, iABC, iABC, iABC,                           /* ADD..IDIV */ \
  iABC, iABC, iABC, iABC, iABC,                                       /* BAND..SHR */ \
  iABC, iABC, iABC, iABC, iABC,                                       /* UNM..CONCAT */ \
  iABC, iABC, isJ, iABC, iABC, iABC,                                  /* CLOSE TBC JMP EQ LT LE */ \
  iABC, iABC, iABC, iABC, iABC, iABC,                                 /* EQK..GEI */ \
  iABC, iABC, iABC, iABC,                                             /* TEST TESTSET CALL TAILCALL */ \
  iABC, iABC, iABC,                                                   /* RETURN RETURN0 RETURN1 */ \
  iABx, iABx, iABx, iABC, iABx,                                       /* FORLOOP..TFORLOOP */ \
  iABC, iABx, iABC, iABC, iAx                                         /* SETLIST..EXTRAARG */

const lu_byte tyP_opmodes[NUM_OPCODES] = { OPMODES };

/* the lists must have exactly one entry per opcode */
_Static_assert(sizeof((const char *[]){ OPNAMES }) / sizeof(const char *) == NUM_OPCODES,
               "tyP_opnames out of sync with OpCode");
_Static_assert(sizeof((const lu_byte[]){ OPMODES }) == NUM_OPCODES,
               "tyP_opmodes out of sync with OpCode");
