/* code.h: the code generator (tyK_): expression descriptors, per-function compile state, emitters. */
#ifndef TY_CODE_H
#define TY_CODE_H

#include "lex.h"
#include "../vm/opcodes.h"

#define NO_JUMP (-1)  /* end of a jump list */
#define MAXVARS 200   /* local variables per function */

/* kinds of expressions */
typedef enum {
  VVOID,     /* empty list / no value */
  VNIL, VTRUE, VFALSE,
  VK,        /* constant; info = index in k */
  VKFLT,     /* nval = float numeral */
  VKINT,     /* ival = integer numeral */
  VKSTR,     /* strval = string literal */
  VNONRELOC, /* value in a fixed register; info = register */
  VLOCAL,    /* local variable; var.ridx = register, var.vidx = index in actvar (relative) */
  VUPVAL,    /* info = upvalue index */
  VCONST,    /* compile-time constant; info = absolute index in actvar */
  VINDEXED,  /* ind.t = table register, ind.idx = key register */
  VINDEXUP,  /* ind.t = table upvalue, ind.idx = key K index (short string) */
  VINDEXI,   /* ind.t = table register, ind.idx = integer key 0..255 */
  VINDEXSTR, /* ind.t = table register, ind.idx = key K index (short string) */
  VJMP,      /* test/comparison; info = pc of its jump */
  VRELOC,    /* result can go in any register; info = pc of the instruction */
  VCALL,     /* info = pc of OP_CALL */
  VVARARG    /* info = pc of OP_VARARG */
} expkind;

#define vkisvar(k)     (VLOCAL <= (k) && (k) <= VINDEXSTR)
#define vkisindexed(k) (VINDEXED <= (k) && (k) <= VINDEXSTR)
#define hasmultret(k)  ((k) == VCALL || (k) == VVARARG)

typedef struct expdesc {
  expkind k;
  union {
    lua_Integer ival;
    lua_Number nval;
    TString *strval;
    int info;
    struct { short idx; lu_byte t; } ind;
    struct { lu_byte ridx; unsigned short vidx; } var;
  } u;
  int t;  /* jumps taken when the expression is true */
  int f;  /* jumps taken when the expression is false */
} expdesc;

/* A local variable of a function being compiled, from its declaration to the
** end of its scope (an entry of Dyndata.actvar). */
typedef struct Vardesc {
  TValue k;       /* RDKCTC: the constant's value (code.c folds it in) */
  lu_byte kind;   /* VDKREG, RDKCONST, RDKTOCLOSE, RDKCTC (parse.h) */
  lu_byte ridx;   /* its register (not RDKCTC) */
  short pidx;     /* its entry in Proto.locvars (not RDKCTC) */
  TString *name;
} Vardesc;

/* A label, or a forward goto/break waiting for one (a "pending jump").
** nactvar/varregs describe the locals in scope there; a pending jump's are
** lowered to each enclosing block's as it leaves blocks. */
typedef struct Labeldesc {
  TString *name;
  int pc;          /* label: its pc; pending jump: the jump list to patch */
  int line;
  lu_byte nactvar; /* locals in scope */
  lu_byte varregs; /* registers those locals hold */
  lu_byte close;   /* pending jump: it left a block whose locals need closing */
} Labeldesc;

typedef struct Labellist {
  Labeldesc *arr;
  int n;
  int size;
} Labellist;

/* Scratch stacks shared by all the nested functions of one compilation
** (allocated and freed by tyY_protectedparser). */
typedef struct Dyndata {
  struct { Vardesc *arr; int n; int size; } actvar;  /* locals of every open function */
  Labellist gt;                                    /* pending gotos and breaks */
  Labellist label;                                 /* labels of the open blocks */
  struct { struct expdesc *arr; int n; int size; } lhs;  /* targets of open assignments */
} Dyndata;

struct Scope;  /* a block (parse.c) */

/* Compile state of one function. */
typedef struct FuncState {
  Proto *f;
  struct FuncState *prev;  /* enclosing function */
  LexState *ls;
  struct Scope *scope;     /* innermost open block */
  int pc;                  /* next instruction */
  int lasttarget;          /* pc of the last jump target */
  int nk;                  /* constants in f->k */
  int np;                  /* prototypes in f->p */
  int firstlocal;          /* its first local in Dyndata.actvar */
  int firstlabel;          /* its first label in Dyndata.label */
  short ndebugvars;        /* entries in f->locvars */
  lu_byte nactvar;         /* locals in scope (compile-time constants included) */
  lu_byte varregs;         /* registers they hold (= tyY_nvarstack) */
  lu_byte nups;
  lu_byte freereg;         /* first free register */
  lu_byte needclose;       /* returns must close upvalues/tbc variables */
} FuncState;

typedef enum BinOpr {
  /* arithmetic and bitwise: same order as LUA_OPADD..LUA_OPSHR */
  OPR_ADD, OPR_SUB, OPR_MUL, OPR_MOD, OPR_POW, OPR_DIV, OPR_IDIV,
  OPR_BAND, OPR_BOR, OPR_BXOR, OPR_SHL, OPR_SHR,
  OPR_CONCAT,
  OPR_EQ, OPR_LT, OPR_LE, OPR_NE, OPR_GT, OPR_GE,
  OPR_AND, OPR_OR,
  OPR_NOBINOPR
} BinOpr;

typedef enum UnOpr { OPR_MINUS, OPR_BNOT, OPR_NOT, OPR_LEN, OPR_NOUNOPR } UnOpr;

#define getinstruction(fs, e) ((fs)->f->code[(e)->u.info])
#define tyK_setmultret(fs, e) tyK_setreturns(fs, e, LUA_MULTRET)
#define tyK_codeABC(fs, o, a, b, c) tyK_codeABCk(fs, o, a, b, c, 0)

/* register level of the active locals (parse.c) */
int tyY_nvarstack(FuncState *fs);

int tyK_code(FuncState *fs, Instruction i);
int tyK_codeABx(FuncState *fs, OpCode o, int a, unsigned int bx);
int tyK_codeAsBx(FuncState *fs, OpCode o, int a, int bx);
int tyK_codeABCk(FuncState *fs, OpCode o, int a, int b, int c, int k);
void tyK_fixline(FuncState *fs, int line);
void tyK_nil(FuncState *fs, int from, int n);
void tyK_reserveregs(FuncState *fs, int n);
void tyK_checkstack(FuncState *fs, int n);
void tyK_int(FuncState *fs, int reg, lua_Integer n);
void tyK_dischargevars(FuncState *fs, expdesc *e);
int tyK_exp2anyreg(FuncState *fs, expdesc *e);
void tyK_exp2anyregup(FuncState *fs, expdesc *e);
void tyK_exp2nextreg(FuncState *fs, expdesc *e);
void tyK_exp2val(FuncState *fs, expdesc *e);
int tyK_exp2const(FuncState *fs, const expdesc *e, TValue *v);
void tyK_self(FuncState *fs, expdesc *e, expdesc *key);
void tyK_indexed(FuncState *fs, expdesc *t, expdesc *k);
void tyK_goiftrue(FuncState *fs, expdesc *e);
void tyK_goiffalse(FuncState *fs, expdesc *e);
void tyK_storevar(FuncState *fs, expdesc *var, expdesc *e);
void tyK_setreturns(FuncState *fs, expdesc *e, int nresults);
void tyK_setoneret(FuncState *fs, expdesc *e);
int tyK_jump(FuncState *fs);
void tyK_ret(FuncState *fs, int first, int nret);
void tyK_patchlist(FuncState *fs, int list, int target);
void tyK_patchtohere(FuncState *fs, int list);
void tyK_concat(FuncState *fs, int *l1, int l2);
int tyK_getlabel(FuncState *fs);
void tyK_prefix(FuncState *fs, UnOpr op, expdesc *e, int line);
void tyK_infix(FuncState *fs, BinOpr op, expdesc *v);
void tyK_posfix(FuncState *fs, BinOpr op, expdesc *e1, expdesc *e2, int line);
void tyK_settablesize(FuncState *fs, int pc, int ra, int asize, int hsize);
void tyK_setlist(FuncState *fs, int base, int nelems, int tostore);
void tyK_finish(FuncState *fs);
l_noret tyK_semerror(LexState *ls, const char *msg);

/* bytecode listing for debugging (listing.c); recursive over nested functions */
#include <stdio.h>
void tyK_list(const Proto *f, FILE *out);

#endif
