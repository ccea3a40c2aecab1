/* jitabi.h: the contract between the runtime (vm/jit.c) and the dlopen'ed native compiler (src/jit/). */
#ifndef TY_JITABI_H
#define TY_JITABI_H

#include "../core/state.h"

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
} TyJRequest;

typedef struct TyJResult {
  TyJNative fn;    /* the installed code (wantir == 0) */
  char *ir;        /* malloc'ed optimised IR (wantir == 1); free with tyjit_free */
  size_t irinsts;  /* LLVM instructions after optimisation */
  char err[256];   /* why not, when the entry point returns nonzero */
} TyJResult;

/* entry points of libtychojit.so (looked up by these names) */
typedef int (*TyJOpenFn)(const TyJHelpers *h, char *err, size_t errlen);
typedef int (*TyJCompileFn)(const TyJRequest *rq, TyJResult *res);
typedef void (*TyJFreeFn)(void *p);
#define TYJ_SYM_OPEN "tyjit_open"
#define TYJ_SYM_COMPILE "tyjit_compile"
#define TYJ_SYM_FREE "tyjit_free"

#endif
