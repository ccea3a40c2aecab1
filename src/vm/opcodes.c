/* opcodes.c: the per-opcode name and mode tables, generated from TY_OPCODE_TABLE in opcodes.h. */
#include "opcodes.h"

#define TY_OPCODE_NAME(name, mode, args, doc) #name,
const char *const tyP_opnames[NUM_OPCODES + 1] = {
  TY_OPCODE_TABLE(TY_OPCODE_NAME)
  NULL
};

#define TY_OPCODE_MODE(name, mode, args, doc) mode,
const lu_byte tyP_opmodes[NUM_OPCODES] = {
  TY_OPCODE_TABLE(TY_OPCODE_MODE)
};

/* both tables come from the same list as the enum: one entry per opcode */
_Static_assert(sizeof(tyP_opmodes) == NUM_OPCODES, "tyP_opmodes out of sync with OpCode");
_Static_assert(OP_EXTRAARG == NUM_OPCODES - 1 && OP_MOVE == 0, "OpCode numbering");
