/* obj.h: tagged values and the layout of every heap object (the contract all modules share). */
#ifndef TY_OBJ_H
#define TY_OBJ_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <stdarg.h>
#include "lua.h"

/*
** Design note.
** A value is a TValue: a 64-bit payload plus a one-byte tag.  The tag holds
** the basic type (LUA_T* from lua.h) in bits 0-3, a variant in bits 4-5 and
** BIT_ISCOLLECTABLE in bit 6.  Every collectable object starts with
** TY_COMMONHEADER, so the image writer and the collector can walk any object
** from its tag alone (DESIGN constraint 2).  Objects that live in a loaded
** image carry TY_IMAGEBIT in `marked`: the collector never frees, moves or
** sweeps them (constraint 6).
*/

#if defined(__GNUC__)
#define l_noret void __attribute__((noreturn))
#define l_likely(x) __builtin_expect(((x) != 0), 1)
#define l_unlikely(x) __builtin_expect(((x) != 0), 0)
#else
#define l_noret void
#define l_likely(x) (x)
#define l_unlikely(x) (x)
#endif
#define cast(t, e) ((t)(e))
#define cast_int(e) ((int)(e))
#define cast_num(e) ((lua_Number)(e))
#define l_castS2U(i) ((lua_Unsigned)(i))
#define l_castU2S(i) ((lua_Integer)(i))
#define tyassert(c) ((void)0)  /* TY_DEBUG builds map this to assert() */
#ifdef TY_DEBUG
#include <assert.h>
#undef tyassert
#define tyassert(c) assert(c)
#endif

typedef uint32_t Instruction;
typedef unsigned char lu_byte;
typedef size_t lu_mem;
typedef ptrdiff_t l_mem;

/* internal-only basic types (after LUA_TTHREAD = 8) */
#define TY_TUPVAL   LUA_NUMTYPES        /* 9 */
#define TY_TPROTO   (LUA_NUMTYPES + 1)  /* 10 */
#define TY_TDEADKEY (LUA_NUMTYPES + 2)  /* 11: key of a dead entry in a hash node */
#define TY_TOTALTYPES (TY_TPROTO + 2)

#define makevariant(t, v) ((t) | ((v) << 4))
#define BIT_ISCOLLECTABLE (1 << 6)
#define ctb(t) ((t) | BIT_ISCOLLECTABLE)

/* variants */
#define TY_VNIL        makevariant(LUA_TNIL, 0)
#define TY_VEMPTY      makevariant(LUA_TNIL, 1)  /* empty slot in a table */
#define TY_VABSTKEY    makevariant(LUA_TNIL, 2)  /* "absent key" result of a lookup */
#define TY_VFALSE      makevariant(LUA_TBOOLEAN, 0)
#define TY_VTRUE       makevariant(LUA_TBOOLEAN, 1)
#define TY_VLIGHTUD    makevariant(LUA_TLIGHTUSERDATA, 0)
#define TY_VNUMINT     makevariant(LUA_TNUMBER, 0)
#define TY_VNUMFLT     makevariant(LUA_TNUMBER, 1)
#define TY_VSHRSTR     makevariant(LUA_TSTRING, 0)
#define TY_VLNGSTR     makevariant(LUA_TSTRING, 1)
#define TY_VTABLE      makevariant(LUA_TTABLE, 0)
#define TY_VLCL        makevariant(LUA_TFUNCTION, 0)  /* Lua closure */
#define TY_VLCF        makevariant(LUA_TFUNCTION, 1)  /* light C function */
#define TY_VCCL        makevariant(LUA_TFUNCTION, 2)  /* C closure */
#define TY_VUSERDATA   makevariant(LUA_TUSERDATA, 0)
#define TY_VTHREAD     makevariant(LUA_TTHREAD, 0)
#define TY_VUPVAL      makevariant(TY_TUPVAL, 0)
#define TY_VPROTO      makevariant(TY_TPROTO, 0)

typedef struct GCObject GCObject;

#define TY_COMMONHEADER struct GCObject *next; lu_byte tt; lu_byte marked

struct GCObject { TY_COMMONHEADER; };

typedef union Value {
  GCObject *gc;
  void *p;           /* light userdata */
  lua_CFunction f;   /* light C function */
  lua_Integer i;
  lua_Number n;
} Value;

typedef struct TValue { Value value_; lu_byte tt_; } TValue;

typedef TValue *StkId;  /* index into a thread's Lua stack */

/* ---- tag access ---- */
#define rawtt(o)        ((o)->tt_)
#define novariant(t)    ((t) & 0x0F)
#define withvariant(t)  ((t) & 0x3F)
#define ttypetag(o)     withvariant(rawtt(o))
#define ttype(o)        (novariant(rawtt(o)))
#define checktag(o, t)  (rawtt(o) == (t))
#define checktype(o, t) (ttype(o) == (t))
#define iscollectable(o) (rawtt(o) & BIT_ISCOLLECTABLE)

#define ttisnil(o)          checktype((o), LUA_TNIL)
#define ttisstrictnil(o)    checktag((o), TY_VNIL)
#define isabstkey(o)        checktag((o), TY_VABSTKEY)
#define isempty(o)          ttisnil(o)
#define ttisboolean(o)      checktype((o), LUA_TBOOLEAN)
#define ttisfalse(o)        checktag((o), TY_VFALSE)
#define ttistrue(o)         checktag((o), TY_VTRUE)
#define l_isfalse(o)        (ttisfalse(o) || ttisnil(o))
#define ttislightuserdata(o) checktag((o), TY_VLIGHTUD)
#define ttisnumber(o)       checktype((o), LUA_TNUMBER)
#define ttisinteger(o)      checktag((o), TY_VNUMINT)
#define ttisfloat(o)        checktag((o), TY_VNUMFLT)
#define ttisstring(o)       checktype((o), LUA_TSTRING)
#define ttisshrstring(o)    checktag((o), ctb(TY_VSHRSTR))
#define ttislngstring(o)    checktag((o), ctb(TY_VLNGSTR))
#define ttistable(o)        checktag((o), ctb(TY_VTABLE))
#define ttisfunction(o)     checktype((o), LUA_TFUNCTION)
#define ttisLclosure(o)     checktag((o), ctb(TY_VLCL))
#define ttislcf(o)          checktag((o), TY_VLCF)
#define ttisCclosure(o)     checktag((o), ctb(TY_VCCL))
#define ttisclosure(o)      (ttisLclosure(o) || ttisCclosure(o))
#define ttisfulluserdata(o) checktag((o), ctb(TY_VUSERDATA))
#define ttisthread(o)       checktag((o), ctb(TY_VTHREAD))
#define ttisdeadkey(o)      checktype((o), TY_TDEADKEY)

/* ---- payload access ---- */
#define val_(o)      ((o)->value_)
#define ivalue(o)    (val_(o).i)
#define fltvalue(o)  (val_(o).n)
#define nvalue(o)    (ttisinteger(o) ? (lua_Number)ivalue(o) : fltvalue(o))
#define pvalue(o)    (val_(o).p)
#define fvalue(o)    (val_(o).f)
#define gcvalue(o)   (val_(o).gc)
#define tsvalue(o)   gco2ts(val_(o).gc)
#define hvalue(o)    gco2t(val_(o).gc)
#define clLvalue(o)  gco2lcl(val_(o).gc)
#define clCvalue(o)  gco2ccl(val_(o).gc)
#define uvalue(o)    gco2u(val_(o).gc)
#define thvalue(o)   gco2th(val_(o).gc)
#define svalue(o)    getstr(tsvalue(o))
#define vslen(o)     tsslen(tsvalue(o))

/* ---- setters (no GC barrier: callers handle barriers) ---- */
#define settt_(o, t)    ((o)->tt_ = (t))
#define setnilvalue(o)  settt_(o, TY_VNIL)
#define setempty(o)     settt_(o, TY_VEMPTY)
#define setbfvalue(o)   settt_(o, TY_VFALSE)
#define setbtvalue(o)   settt_(o, TY_VTRUE)
#define setbvalue(o, b) settt_(o, (b) ? TY_VTRUE : TY_VFALSE)
#define setivalue(o, x) { TValue *io_ = (o); val_(io_).i = (x); settt_(io_, TY_VNUMINT); }
#define setfltvalue(o, x) { TValue *io_ = (o); val_(io_).n = (x); settt_(io_, TY_VNUMFLT); }
#define chgivalue(o, x) (val_(o).i = (x))
#define chgfltvalue(o, x) (val_(o).n = (x))
#define setpvalue(o, x) { TValue *io_ = (o); val_(io_).p = (x); settt_(io_, TY_VLIGHTUD); }
#define setfvalue(o, x) { TValue *io_ = (o); val_(io_).f = (x); settt_(io_, TY_VLCF); }
#define setgcovalue(o, x) { TValue *io_ = (o); GCObject *g_ = (x); val_(io_).gc = g_; settt_(io_, ctb(g_->tt)); }
#define setsvalue(L, o, x) { TValue *io_ = (o); TString *x_ = (x); val_(io_).gc = (GCObject *)x_; settt_(io_, ctb(x_->tt)); (void)L; }
#define sethvalue(L, o, x) { TValue *io_ = (o); val_(io_).gc = (GCObject *)(x); settt_(io_, ctb(TY_VTABLE)); (void)L; }
#define setclLvalue(L, o, x) { TValue *io_ = (o); val_(io_).gc = (GCObject *)(x); settt_(io_, ctb(TY_VLCL)); (void)L; }
#define setclCvalue(L, o, x) { TValue *io_ = (o); val_(io_).gc = (GCObject *)(x); settt_(io_, ctb(TY_VCCL)); (void)L; }
#define setuvalue(L, o, x) { TValue *io_ = (o); val_(io_).gc = (GCObject *)(x); settt_(io_, ctb(TY_VUSERDATA)); (void)L; }
#define setthvalue(L, o, x) { TValue *io_ = (o); val_(io_).gc = (GCObject *)(x); settt_(io_, ctb(TY_VTHREAD)); (void)L; }
#define setobj(L, o1, o2) { TValue *io1_ = (o1); const TValue *io2_ = (o2); io1_->value_ = io2_->value_; settt_(io1_, io2_->tt_); (void)L; }
#define setobj2s setobj  /* to stack */
#define setobjs2s setobj /* stack to stack */
#define setobj2t setobj  /* to table (caller does barrier) */
#define setobj2n setobj  /* to new object */

/* ---- strings ---- */
#define TY_MAXSHORTLEN 40  /* strings up to this length are interned */

typedef struct TString {
  TY_COMMONHEADER;
  lu_byte extra;   /* short: reserved-word index+1 (0 = none); long: 1 once hash computed */
  lu_byte shrlen;  /* length of a short string */
  unsigned int hash;
  union {
    size_t lnglen;           /* length of a long string */
    struct TString *hnext;   /* chain in the string table (short strings) */
  } u;
  char contents[1];          /* NUL-terminated, 8-bit clean */
} TString;

#define getstr(ts)   ((ts)->contents)
#define strisshr(ts) ((ts)->tt == TY_VSHRSTR)
#define tsslen(ts)   (strisshr(ts) ? (size_t)(ts)->shrlen : (ts)->u.lnglen)
#define eqshrstr(a, b) ((a) == (b))

/* ---- userdata ---- */
typedef struct Udata {
  TY_COMMONHEADER;
  unsigned short nuvalue;   /* number of user values */
  lu_byte imgsafe;          /* 1: memory holds no pointers, images copy it (tycho_setimagesafe) */
  size_t len;               /* bytes of user memory */
  struct Table *metatable;
  GCObject *gclist;
  TValue *uv;               /* nuvalue user values, allocated right after the header */
  /* user memory follows, aligned to 16 bytes; see udatamem */
} Udata;

#define udatamemoffset(nuv) \
  ((sizeof(Udata) + sizeof(TValue) * (nuv) + 15) & ~(size_t)15)
#define getudatamem(u) ((char *)(u) + udatamemoffset((u)->nuvalue))
#define sizeudata(nuv, nb) (udatamemoffset(nuv) + (nb))

/* ---- prototypes ---- */
typedef struct Upvaldesc {
  TString *name;   /* for debug information */
  lu_byte instack; /* 1: upvalue is a register of the enclosing function */
  lu_byte idx;     /* register index (instack) or enclosing upvalue index */
  lu_byte kind;    /* VDKREG, RDKCONST, RDKTOCLOSE, RDKCTC (see front/parse.h) */
} Upvaldesc;

typedef struct LocVar {
  TString *varname;
  int startpc;  /* first pc where variable is active */
  int endpc;    /* first pc where variable is dead */
} LocVar;

typedef struct Proto {
  TY_COMMONHEADER;
  lu_byte numparams;     /* fixed parameters */
  lu_byte is_vararg;
  lu_byte maxstacksize;  /* registers needed */
  int sizeupvalues;
  int sizek;
  int sizecode;
  int sizelineinfo;      /* == sizecode, or 0 when stripped */
  int sizep;
  int sizelocvars;
  int linedefined;
  int lastlinedefined;
  TValue *k;             /* constants */
  Instruction *code;
  struct Proto **p;      /* nested prototypes */
  Upvaldesc *upvalues;
  int *lineinfo;         /* absolute source line of each instruction */
  LocVar *locvars;
  TString *source;       /* chunk name ("@file", "=stdin", or source text) */
  GCObject *gclist;
  void *jit;             /* reserved for native code (tier 1); NULL for now */
} Proto;

/* ---- upvalues ---- */
typedef struct UpVal {
  TY_COMMONHEADER;
  lu_byte tbc;     /* unused flag kept for alignment/compat */
  TValue *v;       /* points to stack slot (open) or to u.value (closed) */
  union {
    struct { struct UpVal *next; struct UpVal **previous; } open;  /* list of a thread's open upvalues */
    TValue value;  /* the value when closed */
  } u;
} UpVal;

#define upisopen(up) ((up)->v != &(up)->u.value)

/* ---- closures ---- */
#define TY_CLOSUREHEADER TY_COMMONHEADER; lu_byte nupvalues; GCObject *gclist

typedef struct CClosure {
  TY_CLOSUREHEADER;
  lua_CFunction f;
  TValue upvalue[1];
} CClosure;

typedef struct LClosure {
  TY_CLOSUREHEADER;
  struct Proto *p;
  UpVal *upvals[1];
} LClosure;

#define sizeCclosure(n) (offsetof(CClosure, upvalue) + sizeof(TValue) * (n))
#define sizeLclosure(n) (offsetof(LClosure, upvals) + sizeof(UpVal *) * (n))

/* ---- tables ---- */
typedef struct Node {
  TValue i_val;   /* value; empty when the slot is free */
  TValue i_key;   /* key; TY_TDEADKEY tag for a removed collectable key */
  int next;       /* offset to next node in the collision chain (0 = end) */
} Node;

typedef struct Table {
  TY_COMMONHEADER;
  lu_byte flags;      /* bit i set => metamethod i (< TM_EQ+1) known absent */
  lu_byte lsizenode;  /* log2 of the hash part size */
  unsigned int asize; /* size of the array part: keys 1..asize live in array[0..asize-1] */
  TValue *array;
  Node *node;         /* hash part; points to the shared dummy node when empty */
  Node *lastfree;     /* every free position is before this one */
  struct Table *metatable;
  GCObject *gclist;
  unsigned int alimit;  /* <= asize: the VM's fast array bound, and tyH_getn's hint (tab.c) */
} Table;

#define gnode(t, i)   (&(t)->node[i])
#define gval(n)       (&(n)->i_val)
#define gkey(n)       (&(n)->i_key)
#define gnext(n)      ((n)->next)
#define sizenode(t)   (1u << (t)->lsizenode)
#define twoto(x)      (1 << (x))
#define lmod(s, size) ((int)((s) & ((size) - 1)))

/* ---- conversions from GCObject ---- */
#define gco2ts(o)  ((TString *)(o))
#define gco2u(o)   ((Udata *)(o))
#define gco2lcl(o) ((LClosure *)(o))
#define gco2ccl(o) ((CClosure *)(o))
#define gco2t(o)   ((Table *)(o))
#define gco2p(o)   ((Proto *)(o))
#define gco2th(o)  ((struct lua_State *)(o))
#define gco2upv(o) ((UpVal *)(o))
#define obj2gco(v) ((GCObject *)(v))

/* ---- number helpers (obj.c) ---- */
#define TY_MAXNUMBER2STR 44  /* enough for any number as text */

/* floor division/modulo semantics helpers live in vm.h (tyvm_idiv, tyvm_mod...) */

int tyO_ceillog2(unsigned int x);
/* Text -> number following Lua's rules (hex, exponents, hex floats, spaces);
** returns size of consumed string + 1 (incl. the NUL), or 0 on failure. */
size_t tyO_str2num(const char *s, TValue *o);
/* Number -> text as tostring() does ("%.14g", adding ".0" to integral floats, "inf", "-nan"...);
** returns length written to buff (size >= TY_MAXNUMBER2STR). */
int tyO_tostringbuff(const TValue *obj, char *buff);
/* Converts the number at obj into a string value in place (obj must be a number). */
void tyO_tostring(lua_State *L, TValue *obj);
/* Constant arithmetic used by the code generator and lua_arith; returns 1 on success,
** 0 if it would raise (division by zero, non-number, non-integer for bitwise). */
int tyO_rawarith(lua_State *L, int op, const TValue *p1, const TValue *p2, TValue *res);
/* lua_pushfstring's engine: %% %s %f %I %p %d %c %U, pushes the result on L's stack. */
const char *tyO_pushvfstring(lua_State *L, const char *fmt, va_list argp);
const char *tyO_pushfstring(lua_State *L, const char *fmt, ...);
/* Builds a "source:line:" chunk id for messages (LUA_IDSIZE bytes at most). */
void tyO_chunkid(char *out, const char *source, size_t srclen);
int tyO_hexavalue(int c);
#define UTF8BUFFSZ 8  /* buffer size for tyO_utf8esc: bytes are written at its end */
int tyO_utf8esc(char *buff, unsigned long x);  /* writes backwards; returns byte count */

#endif
