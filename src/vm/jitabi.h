/* jitabi.h: the contract between the runtime (vm/jit.c) and the dlopen'ed native compiler (src/jit/). */
#ifndef TY_JITABI_H
#define TY_JITABI_H

#include <stdlib.h>
#include "../core/state.h"
#include "opcodes.h"

/*
** Design note.
** The runtime never links LLVM: it opens build/libtychojit.so with dlopen and
** finds the four entry points below with dlsym.  Both sides are compiled from
** the same headers, so struct offsets agree; the runtime's build id and
** TYJ_ABI_VERSION are checked at open, and a mismatch means "interpret".
**
** Native code reaches the runtime only through a TyJHelpers table, which it
** receives as its third argument on every call; it never holds the address
** of a runtime function or of a heap object (heap constants are read through
** the prototype, p->k, at run time).  So the same code can later be written
** into an image and run from there with a table filled at load.
**
** A compiled specialization is a TyJNative:
**   int fn(lua_State *L, CallInfo *ci, const TyJHelpers *H)
** called at the start of a fresh Lua frame ci (savedpc == p->code, no hook
** set).  It returns 0 when the function has returned (tyD_poscall done,
** L->ci is the caller), or an exit code (TYJ_EXITCODE) after leaving the
** frame to the interpreter: every register is then a proper value in the Lua
** stack and ci->u.l.savedpc is the instruction to execute next.
*/

#define TYJ_ABI_VERSION 1
#define TYJ_MAXSPECARGS 8   /* parameters that take part in a specialization key */

/* type kinds of a specialization key (4 bits each); TYJ_ANY = not guarded */
enum {
  TYJ_ANY, TYJ_NIL, TYJ_BOOLEAN, TYJ_INTEGER, TYJ_FLOAT, TYJ_STRING, TYJ_TABLE,
  TYJ_LFUNCTION, TYJ_CFUNCTION, TYJ_USERDATA, TYJ_THREAD, TYJ_NKINDS
};

/* why native code left a frame to the interpreter */
enum {
  TYJ_EXIT_NONE,         /* (0: the function returned) */
  TYJ_EXIT_UNSUPPORTED,  /* an instruction the compiler does not translate */
  TYJ_EXIT_TYPE,         /* operand types without an inline path (metamethods, coercions, ...) */
  TYJ_EXIT_DIVZERO,      /* integer // or % by zero: the interpreter raises the error */
  TYJ_EXIT_FORPREP,      /* a numeric for the compiler does not prepare (float limit, zero step) */
  TYJ_EXIT_HOOK,         /* a debug hook became active */
  TYJ_NEXITS
};
#define TYJ_EXITCODE(reason, op) (((reason) << 8) | (op))
#define TYJ_EXITREASON(code) ((code) >> 8)
#define TYJ_EXITOP(code) ((code) & 0xFF)

/* the runtime services native code may call (order is ABI: append only) */
typedef struct TyJHelpers {
  unsigned int version;       /* TYJ_ABI_VERSION */
  unsigned int size;          /* sizeof(TyJHelpers) */
  const char *buildid;        /* the runtime's build id */
  /* OP_GETTABUP: ra := t[key] (key a short string), with __index; may raise,
  ** run Lua code, collect garbage and move the stack */
  void (*gettabup)(lua_State *L, const TValue *t, TValue *key, StkId ra);
  /* return of n values starting at register a of the frame ci: tyD_poscall */
  void (*ret)(lua_State *L, CallInfo *ci, int a, int n);
  double (*pow)(double a, double b);    /* pow() */
  double (*fmod)(double a, double b);   /* Lua's float %, floored */
  double (*floor)(double a);            /* floor() */
} TyJHelpers;

typedef int (*TyJNative)(lua_State *L, CallInfo *ci, const TyJHelpers *H);

/* what to compile: a prototype and the types of its first parameters */
typedef struct TyJRequest {
  const Proto *p;
  int nargs;                               /* kinds given in argkinds */
  unsigned char argkinds[TYJ_MAXSPECARGS]; /* TYJ_* per fixed parameter */
  const char *name;                        /* symbol name for the code (unique) */
  int wantir;                              /* 1: return the optimised IR, install nothing */
  int loopsonly;                           /* 1: refuse a function without a loop (tiered policy) */
} TyJRequest;

typedef struct TyJResult {
  TyJNative fn;    /* the installed code (wantir == 0) */
  char *ir;        /* malloc'ed optimised IR (wantir == 1); free with tyjit_free */
  size_t irinsts;  /* LLVM instructions after optimisation */
  int anykinds;    /* the refusal holds for every argument kind (do not ask again) */
  char err[256];   /* why not, when the entry point returns nonzero */
} TyJResult;

/* entry points of libtychojit.so (looked up by these names) */
typedef int (*TyJOpenFn)(const TyJHelpers *h, char *err, size_t errlen);
typedef int (*TyJCompileFn)(const TyJRequest *rq, TyJResult *res);
typedef void (*TyJFreeFn)(void *p);
#define TYJ_SYM_OPEN "tyjit_open"
#define TYJ_SYM_COMPILE "tyjit_compile"
#define TYJ_SYM_FREE "tyjit_free"

/* the opcodes the compiler translates (the others always exit); both sides use
** this list: the runtime to skip what would not run natively, without LLVM */
static inline int tyj_translated(OpCode op) {
  switch (op) {
    case OP_MOVE: case OP_LOADI: case OP_LOADF: case OP_LOADK: case OP_LOADKX:
    case OP_LOADFALSE: case OP_LFALSESKIP: case OP_LOADTRUE: case OP_LOADNIL:
    case OP_GETUPVAL: case OP_GETTABUP:
    case OP_ADDI: case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK:
    case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
    case OP_SHRI: case OP_SHLI:
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW: case OP_DIV: case OP_IDIV:
    case OP_BAND: case OP_BOR: case OP_BXOR: case OP_SHL: case OP_SHR:
    case OP_UNM: case OP_BNOT: case OP_NOT:
    case OP_JMP: case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI:
    case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST: case OP_TESTSET:
    case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_FORLOOP: case OP_FORPREP:
      return 1;
    default:
      return 0;
  }
}

/*
** Can native code reach a loop (a FORLOOP or a backward jump) from the entry
** through translated instructions only?  The tiered policy compiles only
** such prototypes: without compiled calls, native code gains nothing in a
** function that leaves it before its loops.  Returns 0 on bad jumps.
*/
static inline int tyj_loopreachable(const Proto *p) {
  int n = p->sizecode, sp = 0, found = 0;
  int *stack;
  unsigned char *seen;
  if (n <= 0) return 0;
  stack = (int *)malloc(sizeof(int) * (size_t)(2 * n + 2));
  seen = (unsigned char *)calloc((size_t)n, 1);
  if (stack == NULL || seen == NULL) { free(stack); free(seen); return 0; }
  stack[sp++] = 0;
  while (sp > 0 && !found) {
    int pc = stack[--sp], s1 = -1, s2 = -1;
    Instruction i;
    OpCode op;
    if (pc < 0 || pc >= n || seen[pc]) continue;
    seen[pc] = 1;
    i = p->code[pc];
    op = GET_OPCODE(i);
    if (!tyj_translated(op)) continue;
    switch (op) {
      case OP_FORLOOP: found = 1; break;
      case OP_JMP:
        if (GETARG_sJ(i) < 0) found = 1;
        s1 = pc + 1 + GETARG_sJ(i);
        break;
      case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI: case OP_LTI: case OP_LEI:
      case OP_GTI: case OP_GEI: case OP_TEST: case OP_TESTSET:
        s1 = pc + 1; s2 = pc + 2;
        break;
      case OP_FORPREP: s1 = pc + 1; s2 = pc + GETARG_Bx(i) + 2; break;
      case OP_LFALSESKIP: case OP_LOADKX: s1 = pc + 2; break;
      case OP_RETURN: case OP_RETURN0: case OP_RETURN1: break;
      default: s1 = pc + 1; break;
    }
    if (s1 >= 0) stack[sp++] = s1;
    if (s2 >= 0) stack[sp++] = s2;
  }
  free(stack);
  free(seen);
  return found;
}

#endif
