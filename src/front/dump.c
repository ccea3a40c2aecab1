/* dump.c: tycho's binary chunks: the writer behind string.dump/lua_dump, and the validating loader. */
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
** Design note.
**
** A chunk opens with PUC Lua 5.4's header, byte for byte, so that PUC's tools
** and the official suite recognise it; the bytes after it say which body
** follows (pucload.h).  Field by field:
**
**   chunk     header  u8 1  stub  u8 nupvalues-of-main  u8 TYC_MARK  function
**   header    "\x1bLua"  u8 0x54 (version)  u8 0 (format)  "\x19\x93\r\n\x1a\n"
**             u8 sizeof(Instruction)  u8 sizeof(lua_Integer)  u8 sizeof(lua_Number)
**             lua_Integer 0x5678  lua_Number 370.5          (host byte order)
**   function  string source        absent when stripped or equal to the
**                                  enclosing function's source
**             varint linedefined  varint lastlinedefined
**             u8 numparams  u8 is_vararg  u8 maxstacksize
**             varint n, then n instructions                  (host byte order)
**             varint n, then n constants
**             varint n, then n upvalues: u8 instack  u8 idx  u8 kind
**             varint n, then n nested functions
**             varint n, then n varint lines                  n = 0 if stripped
**             varint n, then n locals: string name  varint startpc  varint endpc
**                                                            n = 0 if stripped
**             varint n, then n upvalue names (string)        n = 0 if stripped
**   constant  u8 tag (KT_*), then: nothing for nil/false/true, the raw
**             lua_Integer or lua_Number, or a string (KT_SHRSTR, KT_LNGSTR)
**   string    varint 0 for "none", else varint length+1, then the bytes
**   varint    7 bits per byte, most significant group first; only the last
**             byte has bit 7 set
**
** The stub is a PUC Lua 5.4 main function with one upvalue (the "u8 1"
** before it is, for PUC's loader, the main closure's upvalue count):
** `error("this binary chunk was written by tycho; PUC Lua cannot run it", 0)`.
** The header must be PUC's byte for byte (the official suite, calls.lua,
** compares it), so PUC's loader always reads on past it; with the stub it
** loads a function that says what the chunk is, where it used to run into
** tycho's body and fail with "bad binary format (integer overflow)".  PUC
** ignores the bytes after its main function.  tycho's loader compares the
** stub byte for byte; a chunk whose bytes differ from it is PUC's.
**
** Writing stages small fields in a buffer and hands the writer blocks of a
** few hundred bytes; the first nonzero status a writer returns stops all
** further output and is what tyU_dump returns.
**
** Loading trusts nothing.  Every count is read before anything is allocated
** for it, and arrays grow as their elements actually arrive, so a lying count
** costs memory only in proportion to the input present.  Once a function and
** its nested functions are in, tyU_checkproto verifies every instruction's
** operands, so a chunk that loads cannot make the interpreter misbehave.
** Every failure is "<chunk>: bad binary format (<why>)".
*/

#define TYC_VERSION 0x54
#define TYC_FORMAT  0                  /* PUC's "official" format; TYC_MARK tells the bodies apart */
#define TYC_DATA    "\x19\x93\r\n\x1a\n"
#define TYC_INT     0x5678
#define TYC_NUM     ((lua_Number)370.5)

/* constant tags in tycho's body */
enum { KT_NIL, KT_FALSE, KT_TRUE, KT_INT, KT_FLT, KT_SHRSTR, KT_LNGSTR };

/* ---- the header, shared by the writer and the loader ---- */

/* The header's fields in order, with the complaint a mismatch earns. */
static const struct HeaderField {
  lu_byte len;
  const char *why;
} header_fields[] = {
  { sizeof(LUA_SIGNATURE) - 1, "not a binary chunk" },
  { 1, "version mismatch" },
  { 1, "format mismatch" },
  { sizeof(TYC_DATA) - 1, "corrupted chunk" },
  { 1, "Instruction size mismatch" },
  { 1, "lua_Integer size mismatch" },
  { 1, "lua_Number size mismatch" },
  { sizeof(lua_Integer), "integer format mismatch" },
  { sizeof(lua_Number), "float format mismatch" },
};

#define HEADER_LEN (sizeof(LUA_SIGNATURE) - 1 + 2 + sizeof(TYC_DATA) - 1 + 3 + \
                    sizeof(lua_Integer) + sizeof(lua_Number))

/* Fills out[HEADER_LEN] with the header this build writes and accepts. */
static void build_header(lu_byte *out) {
  lua_Integer probe_int = TYC_INT;
  lua_Number probe_num = TYC_NUM;
  lu_byte *p = out;
  memcpy(p, LUA_SIGNATURE, sizeof(LUA_SIGNATURE) - 1);
  p += sizeof(LUA_SIGNATURE) - 1;
  *p++ = TYC_VERSION;
  *p++ = TYC_FORMAT;
  memcpy(p, TYC_DATA, sizeof(TYC_DATA) - 1);
  p += sizeof(TYC_DATA) - 1;
  *p++ = (lu_byte)sizeof(Instruction);
  *p++ = (lu_byte)sizeof(lua_Integer);
  *p++ = (lu_byte)sizeof(lua_Number);
  memcpy(p, &probe_int, sizeof(probe_int));
  p += sizeof(probe_int);
  memcpy(p, &probe_num, sizeof(probe_num));
  tyassert(p + sizeof(probe_num) == out + HEADER_LEN);
}

/* ---- the stub PUC Lua runs instead of tycho's body ---- */

#define STUB_MSG "this binary chunk was written by tycho; PUC Lua cannot run it"
#define STUB_SOURCE "=(tycho binary chunk)"
#define STUB_MAX 160

/* PUC 5.4's instruction encoding: op 7 bits, A 8, k 1, B 8, C 8 (or Bx 17) */
#define P_ABC(op, a, b, c) ((Instruction)(op) | (Instruction)(a) << 7 | \
                            (Instruction)(b) << 16 | (Instruction)(c) << 24)
#define P_ABX(op, a, bx)   ((Instruction)(op) | (Instruction)(a) << 7 | (Instruction)(bx) << 15)
#define P_OFFSET_SBX 65535
enum { P_LOADI = 1, P_LOADK = 3, P_GETTABUP = 11, P_CALL = 68, P_RETURN = 70, P_VARARGPREP = 81 };

static lu_byte *stub_str(lu_byte *p, const char *s) {  /* PUC's string: varint size+1, bytes */
  size_t len = strlen(s);
  tyassert(len + 1 < 0x80);  /* a one-byte varint */
  *p++ = (lu_byte)(0x80 | (len + 1));
  memcpy(p, s, len);
  return p + len;
}

/* Fills out[STUB_MAX] with the stub (the PUC function after "u8 1"); its length. */
static size_t build_stub(lu_byte *out) {
  static const Instruction code[] = {
    P_ABC(P_VARARGPREP, 0, 0, 0),
    P_ABC(P_GETTABUP, 0, 0, 0),                /* R0 = _ENV["error"] */
    P_ABX(P_LOADK, 1, 1),                      /* R1 = STUB_MSG */
    P_ABX(P_LOADI, 2, P_OFFSET_SBX + 0),       /* R2 = 0 (no position) */
    P_ABC(P_CALL, 0, 3, 1),                    /* error(R1, R2) */
    P_ABC(P_RETURN, 0, 1, 1),
  };
  lu_byte *p = out;
  p = stub_str(p, STUB_SOURCE);
  *p++ = 0x80;  /* linedefined 0 */
  *p++ = 0x80;  /* lastlinedefined 0 */
  *p++ = 0;     /* numparams */
  *p++ = 1;     /* is_vararg */
  *p++ = 3;     /* maxstacksize */
  *p++ = (lu_byte)(0x80 | (sizeof(code) / sizeof(code[0])));
  memcpy(p, code, sizeof(code));  /* host byte order, as PUC writes them */
  p += sizeof(code);
  *p++ = 0x80 | 2;  /* constants: "error", STUB_MSG */
  *p++ = 0x04;      /* LUA_VSHRSTR */
  p = stub_str(p, "error");
  *p++ = 0x14;      /* LUA_VLNGSTR */
  p = stub_str(p, STUB_MSG);
  *p++ = 0x80 | 1;  /* upvalues: _ENV, in the enclosing stack, register 0 */
  *p++ = 1; *p++ = 0; *p++ = 0;
  *p++ = 0x80;      /* no nested functions */
  *p++ = 0x80;      /* no line info */
  *p++ = 0x80;      /* no absolute line info */
  *p++ = 0x80;      /* no locals */
  *p++ = 0x80 | 1;  /* upvalue names: "_ENV" */
  p = stub_str(p, "_ENV");
  tyassert((size_t)(p - out) <= STUB_MAX);
  return (size_t)(p - out);
}

/* ================= writing ================= */

typedef struct Writer {
  lua_State *L;
  lua_Writer sink;
  void *ud;
  int strip;          /* leave out debug information */
  int status;         /* first nonzero result of sink; nothing is written after it */
  size_t staged;      /* bytes waiting in stage */
  lu_byte stage[512];
} Writer;

static void flush_stage(Writer *w) {
  if (w->staged > 0 && w->status == 0)
    w->status = w->sink(w->L, w->stage, w->staged, w->ud);
  w->staged = 0;
}

static void put_bytes(Writer *w, const void *src, size_t len) {
  if (len > sizeof(w->stage) - w->staged) {
    flush_stage(w);
    if (len > sizeof(w->stage) / 2) {  /* large blocks (code, long strings) go as they are */
      if (w->status == 0)
        w->status = w->sink(w->L, src, len, w->ud);
      return;
    }
  }
  memcpy(w->stage + w->staged, src, len);
  w->staged += len;
}

static void put_u8(Writer *w, int v) {
  lu_byte b = (lu_byte)v;
  put_bytes(w, &b, 1);
}

static void put_varint(Writer *w, size_t v) {
  lu_byte groups[(sizeof(size_t) * CHAR_BIT + 6) / 7];
  size_t first = sizeof(groups);
  groups[--first] = (lu_byte)(0x80 | (v & 0x7f));  /* the last byte carries the end mark */
  for (v >>= 7; v != 0; v >>= 7)
    groups[--first] = (lu_byte)(v & 0x7f);
  put_bytes(w, groups + first, sizeof(groups) - first);
}

/* an int goes out as its size_t conversion (the fields written are never negative) */
#define put_int(w, v) put_varint(w, (size_t)(v))

static void put_string(Writer *w, const TString *s) {
  size_t len;
  if (s == NULL) {
    put_varint(w, 0);
    return;
  }
  len = tsslen(s);
  put_varint(w, len + 1);
  put_bytes(w, getstr(s), len);
}

static void put_constant(Writer *w, const TValue *v) {
  switch (ttypetag(v)) {
    case TY_VFALSE: put_u8(w, KT_FALSE); break;
    case TY_VTRUE: put_u8(w, KT_TRUE); break;
    case TY_VNUMINT: {
      lua_Integer n = ivalue(v);
      put_u8(w, KT_INT);
      put_bytes(w, &n, sizeof(n));
      break;
    }
    case TY_VNUMFLT: {
      lua_Number n = fltvalue(v);
      put_u8(w, KT_FLT);
      put_bytes(w, &n, sizeof(n));
      break;
    }
    case TY_VSHRSTR: case TY_VLNGSTR: {
      TString *s = tsvalue(v);
      put_u8(w, strisshr(s) ? KT_SHRSTR : KT_LNGSTR);
      put_string(w, s);
      break;
    }
    default:  /* nil; a constant table holds nothing else */
      put_u8(w, KT_NIL);
  }
}

static void put_function(Writer *w, const Proto *f, const TString *outer_source) {
  int i;
  int nlines = w->strip ? 0 : f->sizelineinfo;
  int nlocals = w->strip ? 0 : f->sizelocvars;
  int nupnames = w->strip ? 0 : f->sizeupvalues;
  put_string(w, (w->strip || f->source == outer_source) ? NULL : f->source);
  put_int(w, f->linedefined);
  put_int(w, f->lastlinedefined);
  put_u8(w, f->numparams);
  put_u8(w, f->is_vararg);
  put_u8(w, f->maxstacksize);
  put_int(w, f->sizecode);
  put_bytes(w, f->code, sizeof(Instruction) * (size_t)f->sizecode);
  put_int(w, f->sizek);
  for (i = 0; i < f->sizek; i++)
    put_constant(w, &f->k[i]);
  put_int(w, f->sizeupvalues);
  for (i = 0; i < f->sizeupvalues; i++) {
    const Upvaldesc *u = &f->upvalues[i];
    lu_byte desc[3];
    desc[0] = u->instack;
    desc[1] = u->idx;
    desc[2] = u->kind;
    put_bytes(w, desc, sizeof(desc));
  }
  put_int(w, f->sizep);
  for (i = 0; i < f->sizep; i++)
    put_function(w, f->p[i], f->source);
  /* debug information */
  put_int(w, nlines);
  for (i = 0; i < nlines; i++)
    put_int(w, f->lineinfo[i]);
  put_int(w, nlocals);
  for (i = 0; i < nlocals; i++) {
    const LocVar *v = &f->locvars[i];
    put_string(w, v->varname);
    put_int(w, v->startpc);
    put_int(w, v->endpc);
  }
  put_int(w, nupnames);
  for (i = 0; i < nupnames; i++)
    put_string(w, f->upvalues[i].name);
}

int tyU_dump(lua_State *L, const Proto *f, lua_Writer w, void *data, int strip) {
  Writer out;
  lu_byte header[HEADER_LEN];
  lu_byte stub[STUB_MAX];
  size_t nstub = build_stub(stub);
  out.L = L;
  out.sink = w;
  out.ud = data;
  out.strip = strip;
  out.status = 0;
  out.staged = 0;
  build_header(header);
  put_bytes(&out, header, sizeof(header));
  put_u8(&out, 1);  /* the stub's upvalue count, for PUC's loader */
  put_bytes(&out, stub, nstub);
  put_u8(&out, f->sizeupvalues);
  put_u8(&out, TYC_MARK);  /* tycho's body follows (pucload.h) */
  put_function(&out, f, NULL);
  flush_stage(&out);
  return out.status;
}

/* ================= loading: primitives ================= */

l_noret tyU_error(LoadState *S, const char *why) {
  tyO_pushfstring(S->L, "%s: bad binary format (%s)", S->name, why);
  tyD_throw(S->L, LUA_ERRSYNTAX);
}

#define corrupted(S) tyU_error(S, "corrupted chunk")

/* Exactly len bytes into dst, starting with those the format dispatch read
** ahead (S->ahead). */
void tyU_loadblock(LoadState *S, void *dst, size_t len) {
  char *p = (char *)dst;
  while (len > 0 && S->nahead > 0) {
    *p++ = (char)*S->ahead++;
    S->nahead--;
    len--;
  }
  if (len > 0 && tyZ_read(S->Z, p, len) != 0)
    tyU_error(S, "truncated chunk");
}

lu_byte tyU_loadbyte(LoadState *S) {
  int c;
  if (S->nahead > 0) {
    S->nahead--;
    return *S->ahead++;
  }
  if ((c = zgetc(S->Z)) == EOZ)
    tyU_error(S, "truncated chunk");
  return (lu_byte)c;
}

/* A varint no larger than `limit`.  The test is made before each shift, on
** the value so far, so values slightly below limit can be refused too: the
** same rule PUC's loader applies, hence the same chunks accepted. */
size_t tyU_loadsize(LoadState *S, size_t limit) {
  size_t value = 0;
  size_t before_shift = limit >> 7;  /* value must stay below this to take a group */
  for (;;) {
    int b = tyU_loadbyte(S);
    if (value >= before_shift)
      tyU_error(S, "integer overflow");
    value = (value << 7) | (size_t)(b & 0x7f);
    if (b & 0x80)
      return value;
  }
}

static int load_int(LoadState *S) {
  return (int)tyU_loadsize(S, INT_MAX);
}

int tyU_loadcount(LoadState *S, int limit) {
  int n = load_int(S);
  if (n > limit)
    corrupted(S);
  return n;
}

/* ---- strings ---- */

/* A long string of `len` bytes, read into buffers that double as the bytes
** arrive (from 64 KiB), so a lying length only costs what the input holds. */
static TString *load_long_string(LoadState *S, size_t len) {
  lua_State *L = S->L;
  size_t got = 0;
  size_t room = len < 65536 ? len : 65536;
  TString *s = tyS_createlngstrobj(L, room);
  setsvalue(L, L->top, s);  /* the reader may run the collector */
  tyD_inctop(L);
  for (;;) {
    tyU_loadblock(S, getstr(s) + got, room - got);
    got = room;
    if (got == len)
      break;
    room = (len - room > room) ? 2 * room : len;
    {
      TString *wider = tyS_createlngstrobj(L, room);
      memcpy(getstr(wider), getstr(s), got);
      s = wider;
      setsvalue(L, L->top - 1, s);
    }
  }
  getstr(s)[len] = '\0';
  L->top--;
  return s;
}

/* A string, or NULL for "none".  `kind` is KT_SHRSTR or KT_LNGSTR when the
** tag promised that kind (tycho's body is strict), 0 to let the length
** decide (PUC's rule, and every string outside the constant table). */
static TString *load_string(LoadState *S, int kind) {
  size_t len = tyU_loadsize(S, ~(size_t)0 >> 2);
  if (len-- == 0)
    return NULL;
  if (len <= TY_MAXSHORTLEN && kind != KT_LNGSTR) {
    char bytes[TY_MAXSHORTLEN];
    tyU_loadblock(S, bytes, len);
    return tyS_newlstr(S->L, bytes, len);
  }
  if (kind == KT_SHRSTR)
    corrupted(S);
  return load_long_string(S, len);
}

TString *tyU_loadstring(LoadState *S) {
  return load_string(S, 0);
}

/* ---- arrays that grow with the input ---- */

/* Makes index `need` of v (currently *size elements of esize bytes) valid,
** at least doubling; new slots are zeroed (nil TValues, NULL pointers), and
** *size is always the exact allocated count, which the collector reads. */
void *tyU_grow(LoadState *S, void *v, int *size, int need, size_t esize) {
  int old = *size, cap;
  if (need < old)
    return v;
  cap = old < 4 ? 4 : (old > INT_MAX / 2 ? INT_MAX : 2 * old);
  if (cap <= need)
    cap = need + 1;
  v = tyM_saferealloc_(S->L, v, esize * (size_t)old, esize * (size_t)cap);
  memset((char *)v + esize * (size_t)old, 0, esize * (size_t)(cap - old));
  *size = cap;
  return v;
}

/* trims v to exactly n elements */
void *tyU_shrink(LoadState *S, void *v, int *size, int n, size_t esize) {
  if (*size == n)
    return v;
  v = tyM_saferealloc_(S->L, v, esize * (size_t)*size, esize * (size_t)n);
  *size = n;
  return v;
}

#define GROW(S, arr, i, size, T)   ((arr) = (T *)tyU_grow(S, arr, &(size), i, sizeof(T)))
#define SHRINK(S, arr, size, n, T) ((arr) = (T *)tyU_shrink(S, arr, &(size), n, sizeof(T)))

/* ================= loading: a function's parts ================= */

/* The instructions, read straight into the array in runs as large as the
** space allocated so far. */
static void load_code(LoadState *S, Proto *f) {
  int n = load_int(S);
  int have = 0;
  while (have < n) {
    int run;
    GROW(S, f->code, have, f->sizecode, Instruction);
    run = (f->sizecode < n ? f->sizecode : n) - have;
    tyU_loadblock(S, f->code + have, sizeof(Instruction) * (size_t)run);
    have += run;
  }
  SHRINK(S, f->code, f->sizecode, n, Instruction);
}

/* tags[k] is the byte a format uses for constant kind k (KT_NIL..KT_LNGSTR).
** tycho's body says strictly whether a string is short or long; in PUC's
** (puc != 0) the length decides, and a missing string has PUC's message. */
void tyU_loadconstants(LoadState *S, Proto *f, const lu_byte *tags, int puc) {
  lua_State *L = S->L;
  int n = tyU_loadcount(S, MAXARG_Ax + 1), i;
  for (i = 0; i < n; i++) {
    TValue *slot;
    int tag, kind = KT_NIL;
    GROW(S, f->k, i, f->sizek, TValue);
    slot = &f->k[i];
    tag = tyU_loadbyte(S);
    while (kind <= KT_LNGSTR && tags[kind] != tag)
      kind++;
    if (kind == KT_NIL)
      setnilvalue(slot);
    else if (kind == KT_FALSE)
      setbfvalue(slot);
    else if (kind == KT_TRUE)
      setbtvalue(slot);
    else if (kind == KT_INT) {
      lua_Integer v;
      tyU_loadblock(S, &v, sizeof(v));
      setivalue(slot, v);
    }
    else if (kind == KT_FLT) {
      lua_Number v;
      tyU_loadblock(S, &v, sizeof(v));
      setfltvalue(slot, v);
    }
    else if (kind <= KT_LNGSTR) {
      TString *s = load_string(S, puc ? 0 : kind);
      if (s == NULL)
        tyU_error(S, puc ? "bad format for constant string" : "corrupted chunk");
      setsvalue(L, slot, s);
      tyC_barrier(L, f, slot);
    }
    else
      corrupted(S);  /* a tag of no kind */
  }
  SHRINK(S, f->k, f->sizek, n, TValue);
}

static const lu_byte tycho_tags[KT_LNGSTR + 1] = {
  KT_NIL, KT_FALSE, KT_TRUE, KT_INT, KT_FLT, KT_SHRSTR, KT_LNGSTR
};

/* upvalue descriptions: the same three bytes in both formats */
void tyU_loadupvalues(LoadState *S, Proto *f) {
  int n = tyU_loadcount(S, 255), i;
  for (i = 0; i < n; i++) {
    Upvaldesc *u;
    lu_byte desc[3];
    GROW(S, f->upvalues, i, f->sizeupvalues, Upvaldesc);
    tyU_loadblock(S, desc, sizeof(desc));
    if (desc[0] > 1 || desc[2] > 3)  /* instack is a flag; kind is VDKREG..RDKCTC */
      corrupted(S);
    u = &f->upvalues[i];
    u->instack = desc[0];
    u->idx = desc[1];
    u->kind = desc[2];
  }
  SHRINK(S, f->upvalues, f->sizeupvalues, n, Upvaldesc);
}

static void load_function(LoadState *S, Proto *f, TString *outer_source, int depth);

static void load_nested(LoadState *S, Proto *f, int depth) {
  lua_State *L = S->L;
  int n = tyU_loadcount(S, MAXARG_Bx + 1), i;
  if (n > 0 && depth >= TY_MAXCCALLS)
    corrupted(S);  /* nesting no compiler produces; also bounds the C recursion */
  for (i = 0; i < n; i++) {
    Proto *child;
    GROW(S, f->p, i, f->sizep, Proto *);
    child = f->p[i] = tyF_newproto(L);  /* reachable (and so safe) from here on */
    tyC_objbarrier(L, f, child);
    load_function(S, child, f->source, depth + 1);
  }
  SHRINK(S, f->p, f->sizep, n, Proto *);
}

/* line info, local variables, upvalue names: each either absent (count 0)
** or, for lines and upvalue names, one entry per instruction / upvalue */
static void load_debug(LoadState *S, Proto *f) {
  lua_State *L = S->L;
  int n, i;
  n = load_int(S);
  if (n != 0 && n != f->sizecode)
    corrupted(S);
  if (n > 0) {  /* bounded by code already read: allocated at once */
    GROW(S, f->lineinfo, n - 1, f->sizelineinfo, int);
    for (i = 0; i < n; i++)
      f->lineinfo[i] = load_int(S);
  }
  SHRINK(S, f->lineinfo, f->sizelineinfo, n, int);
  n = tyU_loadcount(S, SHRT_MAX);
  for (i = 0; i < n; i++) {
    LocVar *v;
    GROW(S, f->locvars, i, f->sizelocvars, LocVar);
    v = &f->locvars[i];
    v->varname = load_string(S, 0);
    if (v->varname != NULL)
      tyC_objbarrier(L, f, v->varname);
    v->startpc = load_int(S);
    v->endpc = load_int(S);
  }
  SHRINK(S, f->locvars, f->sizelocvars, n, LocVar);
  n = load_int(S);
  if (n != 0 && n != f->sizeupvalues)
    corrupted(S);
  for (i = 0; i < n; i++) {
    TString *name = load_string(S, 0);
    f->upvalues[i].name = name;
    if (name != NULL)
      tyC_objbarrier(L, f, name);
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


/* ================= loading: whole functions and the chunk ================= */

/* The fields both formats store first, in the same encoding: the source
** (absent: the enclosing function's, or "=?" for a stripped main function),
** the line range, and three bytes that must agree with each other. */
void tyU_loadfunchead(LoadState *S, Proto *f, TString *outer_source) {
  lua_State *L = S->L;
  TString *source = load_string(S, 0);
  if (source == NULL)
    source = outer_source != NULL ? outer_source : tyS_newliteral(L, "=?");
  f->source = source;
  tyC_objbarrier(L, f, source);
  f->linedefined = load_int(S);
  f->lastlinedefined = load_int(S);
  f->numparams = tyU_loadbyte(S);
  f->is_vararg = tyU_loadbyte(S);
  f->maxstacksize = tyU_loadbyte(S);
  if (f->is_vararg > 1 || f->numparams > f->maxstacksize)
    corrupted(S);
}

/* One function of tycho's body, checked before anything can run it. */
static void load_function(LoadState *S, Proto *f, TString *outer_source, int depth) {
  const char *problem;
  tyU_loadfunchead(S, f, outer_source);
  load_code(S, f);
  tyU_loadconstants(S, f, tycho_tags, 0);
  tyU_loadupvalues(S, f);
  load_nested(S, f, depth);
  load_debug(S, f);
  problem = tyU_checkproto(S->L, f);
  if (problem != NULL)
    tyU_error(S, problem);
}

/* Reads the header field by field, so that the first field that differs
** names the problem (a chunk cut short says "truncated chunk" instead). */
static void check_header(LoadState *S) {
  lu_byte expected[HEADER_LEN], seen[HEADER_LEN];
  size_t at = 0, i;
  build_header(expected);
  for (i = 0; i < sizeof(header_fields) / sizeof(header_fields[0]); i++) {
    size_t len = header_fields[i].len;
    tyU_loadblock(S, seen + at, len);
    if (memcmp(seen + at, expected + at, len) != 0)
      tyU_error(S, header_fields[i].why);
    at += len;
  }
  tyassert(at == HEADER_LEN);
}

/* The name messages give the chunk: without its '@' or '=' prefix, and a
** generic one for a name that is itself binary (load(s) names a chunk after
** its text by default). */
static const char *chunk_label(const char *name) {
  if (name[0] == '@' || name[0] == '=')
    return name + 1;
  return name[0] == LUA_SIGNATURE[0] ? "binary string" : name;
}

LClosure *tyU_undump(lua_State *L, ZIO *Z, const char *name) {
  LoadState S;
  LClosure *cl;
  int nup, body;
  lu_byte seen[STUB_MAX];  /* what the dispatch read of the body */
  size_t nseen;
  S.L = L;
  S.Z = Z;
  S.name = chunk_label(name);
  S.ahead = NULL;
  S.nahead = 0;
  check_header(&S);
  nup = tyU_loadbyte(&S);
  seen[0] = tyU_loadbyte(&S);
  nseen = 1;
  body = seen[0];
  if (nup == 1) {  /* tycho's stub? (dump.c, "Design note") */
    lu_byte stub[STUB_MAX];
    size_t nstub = build_stub(stub);
    while (nseen < nstub && seen[nseen - 1] == stub[nseen - 1])
      seen[nseen++] = tyU_loadbyte(&S);
    if (nseen == nstub && memcmp(seen, stub, nstub) == 0) {
      nup = tyU_loadbyte(&S);
      body = tyU_loadbyte(&S);
      if (body != TYC_MARK)
        corrupted(&S);
      nseen = 0;
    }
  }
  cl = tyF_newLclosure(L, nup);
  setclLvalue(L, L->top, cl);  /* on the stack while loading allocates */
  tyD_inctop(L);
  cl->p = tyF_newproto(L);
  tyC_objbarrier(L, cl, cl->p);
  if (nseen == 0 || (nseen == 1 && body == TYC_MARK))  /* tycho's body (after the stub, or of an earlier build) */
    load_function(&S, cl->p, NULL, 0);
  else {  /* the bytes read ahead already belong to a PUC 5.4 body */
    S.ahead = seen;
    S.nahead = nseen;
    tyU_pucload(&S, cl);
  }
  if (cl->p->sizeupvalues != nup)
    corrupted(&S);
  return cl;
}
