/* dump.c: tycho's binary chunk format: writing (string.dump) and validated loading. */
#include <string.h>
#include "dump.h"
#include "pucload.h"
#include "../core/func.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../vm/do.h"
#include "../vm/opcodes.h"

/*
** Layout: PUC 5.4's header byte for byte, byte nupvalues of the main
** function, byte TYC_MARK (pucload.h: where a PUC body would continue), then
** the main function.  Sizes and integers are varints (7 bits per byte, high byte
** first, last byte has bit 7 set).  A function is: source (string, empty in
** stripped chunks or when equal to the parent's), linedefined,
** lastlinedefined, numparams, is_vararg, maxstacksize, code, constants,
** upvalues, nested functions, debug info (lines, locals, upvalue names).
** A string is varint (length + 1; 0 = none) followed by its bytes.
*/

#define TYC_VERSION 0x54
#define TYC_FORMAT  0                  /* PUC's "official" format; TYC_MARK tells the bodies apart */
#define TYC_DATA    "\x19\x93\r\n\x1a\n"
#define TYC_INT     0x5678
#define TYC_NUM     ((lua_Number)370.5)

/* constant tags in the chunk */
#define KT_NIL 0
#define KT_FALSE 1
#define KT_TRUE 2
#define KT_INT 3
#define KT_FLT 4
#define KT_SHRSTR 5
#define KT_LNGSTR 6

/* ================= dump ================= */

typedef struct DumpState {
  lua_State *L;
  lua_Writer writer;
  void *data;
  int strip;
  int status;
} DumpState;

static void dumpBlock(DumpState *D, const void *b, size_t size) {
  if (D->status == 0 && size > 0)
    D->status = (*D->writer)(D->L, b, size, D->data);
}

static void dumpByte(DumpState *D, int y) {
  lu_byte x = (lu_byte)y;
  dumpBlock(D, &x, 1);
}

static void dumpSize(DumpState *D, size_t x) {
  lu_byte buff[(sizeof(size_t) * 8 + 6) / 7];
  int n = 0;
  do {
    buff[sizeof(buff) - (++n)] = (lu_byte)(x & 0x7f);
    x >>= 7;
  } while (x != 0);
  buff[sizeof(buff) - 1] |= 0x80;  /* marks the last byte */
  dumpBlock(D, buff + sizeof(buff) - n, (size_t)n);
}

static void dumpInt(DumpState *D, int x) {
  dumpSize(D, (size_t)x);
}

static void dumpString(DumpState *D, const TString *s) {
  if (s == NULL)
    dumpSize(D, 0);
  else {
    size_t size = tsslen(s);
    dumpSize(D, size + 1);
    dumpBlock(D, getstr(s), size);
  }
}

static void dumpFunction(DumpState *D, const Proto *f, TString *psource);

static void dumpConstants(DumpState *D, const Proto *f) {
  int i;
  dumpInt(D, f->sizek);
  for (i = 0; i < f->sizek; i++) {
    const TValue *o = &f->k[i];
    switch (ttypetag(o)) {
      case TY_VNIL: dumpByte(D, KT_NIL); break;
      case TY_VFALSE: dumpByte(D, KT_FALSE); break;
      case TY_VTRUE: dumpByte(D, KT_TRUE); break;
      case TY_VNUMINT: {
        lua_Integer x = ivalue(o);
        dumpByte(D, KT_INT);
        dumpBlock(D, &x, sizeof(x));
        break;
      }
      case TY_VNUMFLT: {
        lua_Number x = fltvalue(o);
        dumpByte(D, KT_FLT);
        dumpBlock(D, &x, sizeof(x));
        break;
      }
      case TY_VSHRSTR: case TY_VLNGSTR:
        dumpByte(D, strisshr(tsvalue(o)) ? KT_SHRSTR : KT_LNGSTR);
        dumpString(D, tsvalue(o));
        break;
      default:
        dumpByte(D, KT_NIL);  /* cannot happen */
    }
  }
}

static void dumpDebug(DumpState *D, const Proto *f) {
  int i, n;
  n = D->strip ? 0 : f->sizelineinfo;
  dumpInt(D, n);
  for (i = 0; i < n; i++)
    dumpInt(D, f->lineinfo[i]);
  n = D->strip ? 0 : f->sizelocvars;
  dumpInt(D, n);
  for (i = 0; i < n; i++) {
    dumpString(D, f->locvars[i].varname);
    dumpInt(D, f->locvars[i].startpc);
    dumpInt(D, f->locvars[i].endpc);
  }
  n = D->strip ? 0 : f->sizeupvalues;
  dumpInt(D, n);
  for (i = 0; i < n; i++)
    dumpString(D, f->upvalues[i].name);
}

static void dumpFunction(DumpState *D, const Proto *f, TString *psource) {
  int i;
  if (D->strip || f->source == psource)
    dumpString(D, NULL);
  else
    dumpString(D, f->source);
  dumpInt(D, f->linedefined);
  dumpInt(D, f->lastlinedefined);
  dumpByte(D, f->numparams);
  dumpByte(D, f->is_vararg);
  dumpByte(D, f->maxstacksize);
  dumpInt(D, f->sizecode);
  dumpBlock(D, f->code, sizeof(Instruction) * (size_t)f->sizecode);
  dumpConstants(D, f);
  dumpInt(D, f->sizeupvalues);
  for (i = 0; i < f->sizeupvalues; i++) {
    dumpByte(D, f->upvalues[i].instack);
    dumpByte(D, f->upvalues[i].idx);
    dumpByte(D, f->upvalues[i].kind);
  }
  dumpInt(D, f->sizep);
  for (i = 0; i < f->sizep; i++)
    dumpFunction(D, f->p[i], f->source);
  dumpDebug(D, f);
}

static void dumpHeader(DumpState *D) {
  lua_Integer i = TYC_INT;
  lua_Number n = TYC_NUM;
  dumpBlock(D, LUA_SIGNATURE, sizeof(LUA_SIGNATURE) - 1);
  dumpByte(D, TYC_VERSION);
  dumpByte(D, TYC_FORMAT);
  dumpBlock(D, TYC_DATA, sizeof(TYC_DATA) - 1);
  dumpByte(D, sizeof(Instruction));
  dumpByte(D, sizeof(lua_Integer));
  dumpByte(D, sizeof(lua_Number));
  dumpBlock(D, &i, sizeof(i));
  dumpBlock(D, &n, sizeof(n));
}

int tyU_dump(lua_State *L, const Proto *f, lua_Writer w, void *data, int strip) {
  DumpState D;
  D.L = L;
  D.writer = w;
  D.data = data;
  D.strip = strip;
  D.status = 0;
  dumpHeader(&D);
  dumpByte(&D, f->sizeupvalues);
  dumpByte(&D, TYC_MARK);  /* tycho's body, not PUC's (see pucload.h) */
  dumpFunction(&D, f, NULL);
  return D.status;
}

/* ================= undump ================= */

static l_noret error(LoadState *S, const char *why) {
  tyO_pushfstring(S->L, "%s: bad binary format (%s)", S->name, why);
  tyD_throw(S->L, LUA_ERRSYNTAX);
}

l_noret tyU_error(LoadState *S, const char *why) {
  error(S, why);
}

static void loadBlock(LoadState *S, void *b, size_t size) {
  if (S->pending >= 0 && size > 0) {
    *(char *)b = (char)S->pending;
    S->pending = -1;
    b = (char *)b + 1;
    size--;
  }
  if (tyZ_read(S->Z, b, size) != 0)
    error(S, "truncated chunk");
}

static lu_byte loadByte(LoadState *S) {
  int b;
  if (S->pending >= 0) {
    b = S->pending;
    S->pending = -1;
    return (lu_byte)b;
  }
  b = zgetc(S->Z);
  if (b == EOZ)
    error(S, "truncated chunk");
  return (lu_byte)b;
}

void tyU_loadblock(LoadState *S, void *b, size_t size) { loadBlock(S, b, size); }
lu_byte tyU_loadbyte(LoadState *S) { return loadByte(S); }

/* varint as PUC writes it: 7 bits per byte, high group first, bit 7 ends */
static size_t loadSizeLimit(LoadState *S, size_t limit) {
  size_t x = 0;
  int b;
  limit >>= 7;
  do {
    b = loadByte(S);
    if (x >= limit)
      error(S, "integer overflow");
    x = (x << 7) | (size_t)(b & 0x7f);
  } while ((b & 0x80) == 0);
  return x;
}

size_t tyU_loadsize(LoadState *S, size_t limit) { return loadSizeLimit(S, limit); }

static int loadInt(LoadState *S) {
  return (int)loadSizeLimit(S, INT_MAX);
}

/* a count that must not exceed limit */
static int loadCount(LoadState *S, int limit) {
  int n = loadInt(S);
  if (n > limit)
    error(S, "corrupted chunk");
  return n;
}

int tyU_loadcount(LoadState *S, int limit) { return loadCount(S, limit); }

/* Reads a long string in growing pieces, so a lying length costs memory
** proportional to the input actually present. */
static TString *loadLongString(LoadState *S, size_t size) {
  lua_State *L = S->L;
  size_t have = 0;
  size_t cap = size < 65536 ? size : 65536;
  TString *ts = tyS_createlngstrobj(L, cap);
  setsvalue(L, L->top, ts);  /* anchor while reading (the reader may run the GC) */
  tyD_inctop(L);
  for (;;) {
    loadBlock(S, getstr(ts) + have, cap - have);
    have = cap;
    if (have == size)
      break;
    cap = (size - cap > cap) ? cap * 2 : size;
    {
      TString *nts = tyS_createlngstrobj(L, cap);
      memcpy(getstr(nts), getstr(ts), have);
      ts = nts;
      setsvalue(L, L->top - 1, ts);
    }
  }
  getstr(ts)[size] = '\0';
  L->top--;
  return ts;
}

/* loads a string (NULL for none); kind KT_SHRSTR/KT_LNGSTR: must be that kind */
static TString *loadStringN(LoadState *S, int kind) {
  size_t size = loadSizeLimit(S, ~(size_t)0 >> 2);
  if (size == 0)
    return NULL;
  size--;
  if (size <= TY_MAXSHORTLEN && kind != KT_LNGSTR) {
    char buff[TY_MAXSHORTLEN];
    loadBlock(S, buff, size);
    return tyS_newlstr(S->L, buff, size);
  }
  if (kind == KT_SHRSTR)
    error(S, "corrupted chunk");
  return loadLongString(S, size);
}

/* PUC decides short/long by length alone */
TString *tyU_loadstring(LoadState *S) { return loadStringN(S, 0); }

/* grows array v (of *size elements) so that index need fits; new slots are
** zeroed (nil TValues, NULL pointers); keeps *size exact for the GC */
void *tyU_grow(LoadState *S, void *v, int *size, int need, size_t esize) {
  if (need >= *size) {
    int ns = *size < 4 ? 4 : (*size > INT_MAX / 2 ? INT_MAX : *size * 2);
    if (ns <= need)
      ns = need + 1;
    v = tyM_saferealloc_(S->L, v, esize * (size_t)*size, esize * (size_t)ns);
    memset((char *)v + esize * (size_t)*size, 0, esize * (size_t)(ns - *size));
    *size = ns;
  }
  return v;
}

void *tyU_shrink(LoadState *S, void *v, int *size, int n, size_t esize) {
  if (*size != n) {
    v = tyM_saferealloc_(S->L, v, esize * (size_t)*size, esize * (size_t)n);
    *size = n;
  }
  return v;
}

#define growarray(S, v, i, size, t) ((v) = (t *)tyU_grow(S, v, &(size), i, sizeof(t)))
#define shrinkarray(S, v, size, n, t) ((v) = (t *)tyU_shrink(S, v, &(size), n, sizeof(t)))
typedef Proto *ProtoP;

static void loadFunction(LoadState *S, Proto *f, TString *psource, int level);

static void loadCode(LoadState *S, Proto *f) {
  int n = loadInt(S), i;
  for (i = 0; i < n; i++) {
    Instruction ins;
    growarray(S, f->code, i, f->sizecode, Instruction);
    loadBlock(S, &ins, sizeof(ins));
    f->code[i] = ins;
  }
  shrinkarray(S, f->code, f->sizecode, n, Instruction);
}

/* tags[k] is the byte each format uses for constant kind k (KT_NIL..KT_LNGSTR).
** tycho's format marks short and long strings strictly; PUC's lets the length
** decide (puc != 0), with PUC's message for a missing string. */
void tyU_loadconstants(LoadState *S, Proto *f, const lu_byte *tags, int puc) {
  lua_State *L = S->L;
  int n = loadCount(S, MAXARG_Ax + 1), i;
  for (i = 0; i < n; i++) {
    TValue *o;
    int t, kind;
    growarray(S, f->k, i, f->sizek, TValue);
    o = &f->k[i];
    t = loadByte(S);
    for (kind = KT_NIL; kind <= KT_LNGSTR && tags[kind] != t; kind++) ;
    switch (kind) {
      case KT_NIL: setnilvalue(o); break;
      case KT_FALSE: setbfvalue(o); break;
      case KT_TRUE: setbtvalue(o); break;
      case KT_INT: {
        lua_Integer x;
        loadBlock(S, &x, sizeof(x));
        setivalue(o, x);
        break;
      }
      case KT_FLT: {
        lua_Number x;
        loadBlock(S, &x, sizeof(x));
        setfltvalue(o, x);
        break;
      }
      case KT_SHRSTR: case KT_LNGSTR: {
        TString *ts = loadStringN(S, puc ? 0 : kind);
        if (ts == NULL)
          error(S, puc ? "bad format for constant string" : "corrupted chunk");
        setsvalue(L, o, ts);
        tyC_barrier(L, f, o);
        break;
      }
      default:
        error(S, "corrupted chunk");
    }
  }
  shrinkarray(S, f->k, f->sizek, n, TValue);
}

static const lu_byte tytags[KT_LNGSTR + 1] = {
  KT_NIL, KT_FALSE, KT_TRUE, KT_INT, KT_FLT, KT_SHRSTR, KT_LNGSTR
};

/* same layout in both formats */
void tyU_loadupvalues(LoadState *S, Proto *f) {
  int n = loadCount(S, 255), i;
  for (i = 0; i < n; i++) {
    growarray(S, f->upvalues, i, f->sizeupvalues, Upvaldesc);
    f->upvalues[i].instack = loadByte(S);
    f->upvalues[i].idx = loadByte(S);
    f->upvalues[i].kind = loadByte(S);
    if (f->upvalues[i].instack > 1 || f->upvalues[i].kind > 3)
      error(S, "corrupted chunk");
  }
  shrinkarray(S, f->upvalues, f->sizeupvalues, n, Upvaldesc);
}

static void loadProtos(LoadState *S, Proto *f, int level) {
  lua_State *L = S->L;
  int n = loadCount(S, MAXARG_Bx + 1), i;
  if (n > 0 && level >= TY_MAXCCALLS)
    error(S, "corrupted chunk");  /* absurd nesting */
  for (i = 0; i < n; i++) {
    growarray(S, f->p, i, f->sizep, ProtoP);
    f->p[i] = tyF_newproto(L);
    tyC_objbarrier(L, f, f->p[i]);
    loadFunction(S, f->p[i], f->source, level + 1);
  }
  shrinkarray(S, f->p, f->sizep, n, ProtoP);
}

static void loadDebug(LoadState *S, Proto *f) {
  lua_State *L = S->L;
  int n, i;
  n = loadInt(S);
  if (n != 0 && n != f->sizecode)
    error(S, "corrupted chunk");
  for (i = 0; i < n; i++) {
    int line;
    growarray(S, f->lineinfo, i, f->sizelineinfo, int);
    line = loadInt(S);
    f->lineinfo[i] = line;
  }
  shrinkarray(S, f->lineinfo, f->sizelineinfo, n, int);
  n = loadCount(S, SHRT_MAX);
  for (i = 0; i < n; i++) {
    growarray(S, f->locvars, i, f->sizelocvars, LocVar);
    f->locvars[i].varname = loadStringN(S, 0);
    if (f->locvars[i].varname)
      tyC_objbarrier(L, f, f->locvars[i].varname);
    f->locvars[i].startpc = loadInt(S);
    f->locvars[i].endpc = loadInt(S);
  }
  shrinkarray(S, f->locvars, f->sizelocvars, n, LocVar);
  n = loadInt(S);
  if (n != 0 && n != f->sizeupvalues)
    error(S, "corrupted chunk");
  for (i = 0; i < n; i++) {
    f->upvalues[i].name = loadStringN(S, 0);
    if (f->upvalues[i].name)
      tyC_objbarrier(L, f, f->upvalues[i].name);
  }
}

/* ---- validation: a loaded function must not make the interpreter misbehave ---- */

static int isKshrstr(const Proto *f, int k) {
  return k < f->sizek && ttisshrstring(&f->k[k]);
}

static int isKnum(const Proto *f, int k) {
  return k < f->sizek && ttisnumber(&f->k[k]);
}

static int isKint(const Proto *f, int k) {
  return k < f->sizek && ttisinteger(&f->k[k]);
}

/* a jump destination must exist and must not be an instruction that reads
** the stack top (only the instruction right before it may set the top) */
static int destok(const Proto *f, int dest) {
  return dest >= (f->is_vararg ? 1 : 0) && dest < f->sizecode && !isIT(f->code[dest]);
}

static int jumpok(const Proto *f, int pc, int offset) {
  return destok(f, pc + 1 + offset);
}

/* lowest register written by instruction i, or MAXARG_A + 1 if it writes none */
static int lowestwrite(Instruction i) {
  switch (GET_OPCODE(i)) {
    case OP_SETUPVAL: case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
    case OP_CLOSE: case OP_TBC: case OP_JMP: case OP_EQ: case OP_LT: case OP_LE: case OP_EQK:
    case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST:
    case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_TAILCALL: case OP_SETLIST:
    case OP_VARARGPREP: case OP_EXTRAARG:
      return MAXARG_A + 1;
    case OP_TFORCALL:
      return GETARG_A(i) + 4;
    default:
      return GETARG_A(i);
  }
}

/* destination of a jump-like instruction at pc, or -1 */
static int jumpdest(const Proto *f, int pc) {
  Instruction i = f->code[pc];
  switch (GET_OPCODE(i)) {
    case OP_JMP: return pc + 1 + GETARG_sJ(i);
    case OP_FORPREP: return pc + 2 + GETARG_Bx(i);
    case OP_TFORPREP: return pc + 1 + GETARG_Bx(i);
    case OP_FORLOOP: case OP_TFORLOOP: return pc + 1 - GETARG_Bx(i);
    default: return -1;
  }
}

/* SETLIST stores into R[A] without checking its type: R[A] must be the table
** made by the NEWTABLE that opens the constructor, untouched and unskipped since */
static int setlistok(const Proto *f, int pc, const int *lo, const int *hi) {
  int a = GETARG_A(f->code[pc]);
  int start, d;
  for (start = pc - 1; start >= 0; start--) {  /* back to the NEWTABLE or a checked SETLIST */
    Instruction i = f->code[start];
    OpCode op = GET_OPCODE(i);
    if ((op == OP_NEWTABLE || op == OP_SETLIST) && GETARG_A(i) == a)
      break;
    if (lowestwrite(i) <= a)
      return 0;
  }
  if (start < 0)
    return 0;
  if (lo != NULL) {  /* no jump may enter the window from outside */
    for (d = start + 1; d <= pc; d++)
      if (lo[d] < start || hi[d] > pc)
        return 0;
  }
  return 1;
}

/* returns must close upvalues/tbc variables when the function creates them */
static const char *checkclose(const Proto *f) {
  int pc, j, needclose = 0;
  for (pc = 0; pc < f->sizecode && !needclose; pc++) {
    OpCode op = GET_OPCODE(f->code[pc]);
    needclose = (op == OP_TBC || op == OP_TFORPREP);
  }
  for (pc = 0; pc < f->sizep && !needclose; pc++)
    for (j = 0; j < f->p[pc]->sizeupvalues; j++)
      if (f->p[pc]->upvalues[j].instack)
        needclose = 1;
  if (!needclose)
    return NULL;
  for (pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    switch (GET_OPCODE(i)) {
      case OP_RETURN0: case OP_RETURN1: return "return without close";
      case OP_RETURN: case OP_TAILCALL:
        if (!GETARG_k(i)) return "return without close";
        break;
      default: break;
    }
  }
  return NULL;
}

/* Checks operand ranges of every instruction; returns NULL or the problem. */
static const char *checkcode(lua_State *L, const Proto *f) {
  int pc;
  int n = f->sizecode;
  int ms = f->maxstacksize;
  int *lo = NULL, *hi = NULL;  /* lowest/highest pc of a jump to each pc (for SETLIST) */
  for (pc = 0; pc < n && lo == NULL; pc++) {
    if (jumpdest(f, pc) >= 0 && GET_OPCODE(f->code[pc]) != OP_SETLIST) {
      Udata *u = tyS_newudata(L, sizeof(int) * 2 * (size_t)n, 0);
      setuvalue(L, L->top, u);  /* scratch memory owned by the collector; popped by the caller */
      tyD_inctop(L);
      lo = (int *)getudatamem(u);
      hi = lo + n;
    }
  }
  if (lo != NULL) {
    for (pc = 0; pc < n; pc++) {
      lo[pc] = INT_MAX;
      hi[pc] = -1;
    }
    for (pc = 0; pc < n; pc++) {
      int d = jumpdest(f, pc);
      if (d >= 0 && d < n) {
        if (pc < lo[d]) lo[d] = pc;
        if (pc > hi[d]) hi[d] = pc;
      }
    }
  }
  if (n == 0)
    return "empty function";
  if (f->is_vararg && GET_OPCODE(f->code[0]) != OP_VARARGPREP)
    return "missing VARARGPREP";
  switch (GET_OPCODE(f->code[n - 1])) {
    case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_JMP: case OP_TAILCALL: break;
    default: return "function does not end with a return";
  }
  for (pc = 0; pc < n; pc++) {
    Instruction i = f->code[pc];
    OpCode op = GET_OPCODE(i);
    int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i), k = GETARG_k(i);
    if ((int)op >= NUM_OPCODES)
      return "invalid opcode";
    if (isIT(i) && (pc == 0 || !isOT(f->code[pc - 1])))
      return "stack top not set";
    /* register A (most opcodes) */
    switch (op) {
      case OP_SETTABUP: case OP_JMP: case OP_EXTRAARG: case OP_RETURN0:
        break;
      case OP_RETURN: case OP_TAILCALL:  /* may return no values from the top */
        if (a > ms || (op == OP_TAILCALL && a >= ms)) return "register out of range";
        break;
      case OP_VARARGPREP:  /* exactly once, first (jumps cannot reach pc 0 here) */
        if (a != f->numparams || pc != 0) return "bad VARARGPREP";
        break;
      default:
        if (a >= ms) return "register out of range";
    }
    switch (op) {
      case OP_MOVE: case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN:
        if (b >= ms) return "register out of range";
        break;
      case OP_LOADK:
        if (GETARG_Bx(i) >= f->sizek) return "constant out of range";
        break;
      case OP_LOADKX:
        if (pc + 1 >= n || GET_OPCODE(f->code[pc + 1]) != OP_EXTRAARG ||
            GETARG_Ax(f->code[pc + 1]) >= f->sizek)
          return "bad LOADKX";
        break;
      case OP_LFALSESKIP:
        if (!destok(f, pc + 2)) return "jump out of range";
        break;
      case OP_LOADNIL:
        if (a + b >= ms) return "register out of range";
        break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        if (b >= f->sizeupvalues) return "upvalue out of range";
        break;
      case OP_GETTABUP:
        if (b >= f->sizeupvalues || !isKshrstr(f, c)) return "bad GETTABUP";
        break;
      case OP_GETTABLE:
        if (b >= ms || c >= ms) return "register out of range";
        break;
      case OP_GETI:
        if (b >= ms) return "register out of range";
        break;
      case OP_GETFIELD:
        if (b >= ms || !isKshrstr(f, c)) return "bad GETFIELD";
        break;
      case OP_SETTABUP:
        if (a >= f->sizeupvalues || !isKshrstr(f, b)) return "bad SETTABUP";
        if (k ? c >= f->sizek : c >= ms) return "bad RK operand";
        break;
      case OP_SETTABLE:
        if (b >= ms) return "register out of range";
        if (k ? c >= f->sizek : c >= ms) return "bad RK operand";
        break;
      case OP_SETI:
        if (k ? c >= f->sizek : c >= ms) return "bad RK operand";
        break;
      case OP_SETFIELD:
        if (!isKshrstr(f, b)) return "bad SETFIELD";
        if (k ? c >= f->sizek : c >= ms) return "bad RK operand";
        break;
      case OP_NEWTABLE:
        if (b > 31) return "bad NEWTABLE";  /* hash size 2^(B-1) must fit */
        if (pc + 1 >= n || GET_OPCODE(f->code[pc + 1]) != OP_EXTRAARG) return "bad NEWTABLE";
        break;
      case OP_SELF:
        if (a + 1 >= ms || b >= ms) return "register out of range";
        if (k ? !(c < f->sizek && ttisstring(&f->k[c])) : c >= ms) return "bad RK operand";
        break;
      case OP_ADDI: case OP_SHRI: case OP_SHLI:
        if (b >= ms) return "register out of range";
        break;
      case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK:
      case OP_POWK: case OP_DIVK: case OP_IDIVK:
        if (b >= ms || !isKnum(f, c)) return "bad arithmetic constant";
        break;
      case OP_BANDK: case OP_BORK: case OP_BXORK:
        if (b >= ms || !isKint(f, c)) return "bad bitwise constant";
        break;
      case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW: case OP_DIV:
      case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR: case OP_SHL: case OP_SHR:
        if (b >= ms || c >= ms) return "register out of range";
        break;
      case OP_CONCAT:
        if (b < 2 || a + b > ms) return "bad CONCAT";
        break;
      case OP_JMP:
        if (!jumpok(f, pc, GETARG_sJ(i))) return "jump out of range";
        break;
      case OP_EQ: case OP_LT: case OP_LE:
        if (b >= ms) return "register out of range";
        /* FALLTHROUGH */
      case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST:
      case OP_TESTSET: case OP_EQK:
        if (op == OP_EQK && b >= f->sizek) return "constant out of range";
        if (op == OP_TESTSET && b >= ms) return "register out of range";
        if (pc + 1 >= n || GET_OPCODE(f->code[pc + 1]) != OP_JMP) return "test without jump";
        if (!destok(f, pc + 2)) return "jump out of range";  /* the skip lands there */
        break;
      case OP_CALL:
        if (a + (b == 0 ? 1 : b) > ms) return "register out of range";
        if (c > 0 && a + c - 1 > ms) return "register out of range";
        break;
      case OP_TAILCALL: case OP_RETURN:
        if (a + (b == 0 ? 0 : b - 1) > ms) return "register out of range";
        if (c != 0 && (!f->is_vararg || c != f->numparams + 1)) return "bad vararg return";
        break;
      case OP_RETURN0: case OP_RETURN1:
        if (f->is_vararg) return "bad return";
        break;
      case OP_FORPREP: case OP_TFORPREP: {
        int dest = pc + 1 + GETARG_Bx(i);
        if (a + 4 > ms || dest >= n || !destok(f, dest) || (op == OP_FORPREP && !destok(f, dest + 1)))
          return "bad for loop";
        if (op == OP_TFORPREP && GET_OPCODE(f->code[dest]) != OP_TFORCALL) return "bad for loop";
        if (op == OP_FORPREP && GET_OPCODE(f->code[dest]) != OP_FORLOOP) return "bad for loop";
        break;
      }
      case OP_FORLOOP: case OP_TFORLOOP: {
        int dest = pc + 1 - GETARG_Bx(i);
        if (a + 4 > ms || !destok(f, dest)) return "bad for loop";
        break;
      }
      case OP_TFORCALL:
        if (a + 7 > ms || a + 4 + c > ms || pc + 1 >= n || GET_OPCODE(f->code[pc + 1]) != OP_TFORLOOP)
          return "bad for loop";
        break;
      case OP_SETLIST:
        if (a + b >= ms + 1) return "register out of range";
        if (k && (pc + 1 >= n || GET_OPCODE(f->code[pc + 1]) != OP_EXTRAARG)) return "bad SETLIST";
        if (!setlistok(f, pc, lo, hi)) return "bad SETLIST";
        break;
      case OP_CLOSURE:
        if (GETARG_Bx(i) >= f->sizep) return "prototype out of range";
        break;
      case OP_VARARG:
        if (!f->is_vararg || (c > 0 && a + c - 1 > ms)) return "bad VARARG";
        break;
      case OP_VARARGPREP:
        if (!f->is_vararg) return "bad VARARGPREP";
        break;
      default:
        break;
    }
  }
  return NULL;
}

/* the upvalues of nested functions must refer to existing registers/upvalues */
static const char *checknested(const Proto *f) {
  int i, j;
  for (i = 0; i < f->sizep; i++) {
    const Proto *p = f->p[i];
    for (j = 0; j < p->sizeupvalues; j++) {
      const Upvaldesc *u = &p->upvalues[j];
      if (u->instack ? u->idx >= f->maxstacksize : u->idx >= f->sizeupvalues)
        return "bad upvalue reference";
    }
  }
  return NULL;
}

const char *tyU_checkproto(lua_State *L, const Proto *f) {
  const char *problem;
  ptrdiff_t top = savestack(L, L->top);
  problem = checkcode(L, f);
  L->top = restorestack(L, top);  /* drop checkcode's scratch */
  if (problem == NULL)
    problem = checknested(f);
  if (problem == NULL)
    problem = checkclose(f);
  return problem;
}

/* the fields both formats store first, in the same encoding: source (NULL =
** the enclosing function's), line range, parameter count, vararg flag, registers */
void tyU_loadfunchead(LoadState *S, Proto *f, TString *psource) {
  lua_State *L = S->L;
  f->source = loadStringN(S, 0);
  if (f->source == NULL)
    f->source = psource;
  if (f->source == NULL)  /* stripped main function */
    f->source = tyS_newliteral(L, "=?");
  tyC_objbarrier(L, f, f->source);
  f->linedefined = loadInt(S);
  f->lastlinedefined = loadInt(S);
  f->numparams = loadByte(S);
  f->is_vararg = loadByte(S);
  f->maxstacksize = loadByte(S);
  if (f->is_vararg > 1 || f->numparams > f->maxstacksize)
    error(S, "corrupted chunk");
}

static void loadFunction(LoadState *S, Proto *f, TString *psource, int level) {
  lua_State *L = S->L;
  const char *problem;
  tyU_loadfunchead(S, f, psource);
  loadCode(S, f);
  tyU_loadconstants(S, f, tytags, 0);
  tyU_loadupvalues(S, f);
  loadProtos(S, f, level);
  loadDebug(S, f);
  problem = tyU_checkproto(L, f);
  if (problem != NULL)
    error(S, problem);
}

static void checkliteral(LoadState *S, const char *s, const char *msg) {
  char buff[sizeof(TYC_DATA) + sizeof(LUA_SIGNATURE)];
  size_t len = strlen(s);
  loadBlock(S, buff, len);
  if (memcmp(s, buff, len) != 0)
    error(S, msg);
}

static void checksize(LoadState *S, size_t size, const char *tname) {
  if (loadByte(S) != size)
    error(S, tyO_pushfstring(S->L, "%s size mismatch", tname));
}

static void checkHeader(LoadState *S) {
  lua_Integer i;
  lua_Number n;
  checkliteral(S, LUA_SIGNATURE, "not a binary chunk");
  if (loadByte(S) != TYC_VERSION)
    error(S, "version mismatch");
  if (loadByte(S) != TYC_FORMAT)
    error(S, "format mismatch");
  checkliteral(S, TYC_DATA, "corrupted chunk");
  checksize(S, sizeof(Instruction), "Instruction");
  checksize(S, sizeof(lua_Integer), "lua_Integer");
  checksize(S, sizeof(lua_Number), "lua_Number");
  loadBlock(S, &i, sizeof(i));
  if (i != TYC_INT)
    error(S, "integer format mismatch");
  loadBlock(S, &n, sizeof(n));
  if (n != TYC_NUM)
    error(S, "float format mismatch");
}

LClosure *tyU_undump(lua_State *L, ZIO *Z, const char *name) {
  LoadState S;
  LClosure *cl;
  int nup, mark;
  if (*name == '@' || *name == '=')
    S.name = name + 1;
  else if (*name == LUA_SIGNATURE[0])
    S.name = "binary string";
  else
    S.name = name;
  S.L = L;
  S.Z = Z;
  S.pending = -1;
  checkHeader(&S);
  nup = loadByte(&S);
  mark = loadByte(&S);
  cl = tyF_newLclosure(L, nup);
  setclLvalue(L, L->top, cl);  /* anchor */
  tyD_inctop(L);
  cl->p = tyF_newproto(L);
  tyC_objbarrier(L, cl, cl->p);
  if (mark != TYC_MARK) {  /* a PUC Lua 5.4 chunk */
    S.pending = mark;
    tyU_pucload(&S, cl);
  }
  else
    loadFunction(&S, cl->p, NULL, 0);
  if (cl->p->sizeupvalues != nup)
    error(&S, "corrupted chunk");
  return cl;
}
