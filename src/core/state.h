/* state.h: threads (lua_State), call frames (CallInfo) and the global state shared by all threads. */
#ifndef TY_STATE_H
#define TY_STATE_H

#include <setjmp.h>
#include <signal.h>
#include "obj.h"
#include "../vm/tm.h"

/*
** Ownership of fields: the GC section of global_State belongs to core/gc.c;
** the coroutine/C-stack fields of lua_State belong to vm/do.c.  Everything
** else is read and written through the functions of the owning module.
**
** Stack invariant: every slot in [stack, top) holds a valid TValue; slots in
** [top, stack_last + EXTRA_STACK) are writable scratch space.  Pointers into
** the stack (CallInfo func/top, open upvalues) are fixed by tyD_reallocstack;
** code that keeps a StkId across anything that may grow the stack must save it
** with savestack()/restorestack().
*/

#define EXTRA_STACK   5
#define BASIC_STACK_SIZE (2 * LUA_MINSTACK)
#define TY_MAXSTACK   1000000          /* = LUAI_MAXSTACK in luaconf.h */
#define TY_MAXCCALLS  200              /* nested C calls / parser levels */

#define stacksize(th) ((int)((th)->stack_last - (th)->stack))
#define savestack(L, p)    ((char *)(p) - (char *)(L)->stack)
#define restorestack(L, n) ((StkId)((char *)(L)->stack + (n)))

/* error recovery point; a chain of them lives on the C stack */
typedef struct tyjmp {
  struct tyjmp *previous;
  jmp_buf b;
  volatile int status;
} tyjmp;

/*
** CallInfo.callstatus: one bit per property of a frame.  The values are part
** of a suspended coroutine's saved frames (image writer), so they stay put.
*/
/* what the frame runs */
#define CIST_C         0x0002  /* a C function (clear: a Lua function) */
#define CIST_FRESH     0x0004  /* a Lua function with its own tyV_execute invocation */
#define CIST_TAIL      0x0020  /* reached through a tail call */
/* debug hooks */
#define CIST_OAH       0x0001  /* L->allowhook as it was before the hook ran */
#define CIST_HOOKED    0x0008  /* the frame belongs to a running hook */
#define CIST_HOOKYIELD 0x0040  /* the last hook of this frame yielded */
#define CIST_TRAN      0x0100  /* u2.transferinfo is valid (call/return hooks) */
/* what the frame is doing on behalf of others */
#define CIST_YPCALL    0x0010  /* inside a lua_pcallk with a continuation */
#define CIST_FIN       0x0080  /* running a finalizer for the collector */
#define CIST_CLSRET    0x0200  /* returning, and running __close of its tbc slots */
#define CIST_LEQ       0x0400  /* a __lt call standing in for __le: its result is negated */
#define CIST_YCALL     0x0800  /* inside a lua_callk with a continuation */
#define CIST_RECOVER   0x1000  /* its protected call failed: closing tbc slots (may yield) */

typedef struct CallInfo {
  StkId func;                 /* function slot */
  StkId top;                  /* top for this function */
  struct CallInfo *previous, *next;  /* doubly linked; entries are reused */
  union {
    struct {                  /* Lua functions */
      const Instruction *savedpc;
      volatile int trap;      /* != 0: hooks active or stack reallocated; reload base */
      int nextraargs;         /* extra (vararg) arguments */
    } l;
    struct {                  /* C functions */
      lua_KFunction k;
      ptrdiff_t old_errfunc;
      lua_KContext ctx;
      void *kjmp;             /* landing point (vm/do.c tyland) in a coroutine, else NULL */
    } c;
  } u;
  union {
    int funcidx;              /* called-function index (protected calls) */
    int nyield;               /* values yielded */
    int nres;                 /* values returned */
    struct { unsigned short ftransfer, ntransfer; } transferinfo;  /* for call/return hooks */
  } u2;
  short nresults;             /* expected results (LUA_MULTRET = -1) */
  unsigned short callstatus;
} CallInfo;

#define isLua(ci)  (!((ci)->callstatus & CIST_C))
#define ci_func(ci) (clLvalue((ci)->func))

struct tycoro;  /* a coroutine's own C stack and saved context (vm/do.c) */

struct lua_State {
  TY_COMMONHEADER;
  lu_byte status;             /* LUA_OK, LUA_YIELD or an error status (dead) */
  lu_byte allowhook;
  unsigned short nci;         /* number of CallInfos in the list */
  StkId top;                  /* first free slot */
  struct global_State *l_G;
  CallInfo *ci;               /* current call */
  StkId stack_last;           /* end of usable stack (EXTRA_STACK slots follow) */
  StkId stack;
  UpVal *openupval;           /* open upvalues, sorted by level, highest first */
  ptrdiff_t *tbc;             /* stack offsets (savestack) of pending to-be-closed slots */
  int ntbc, sizetbc;
  GCObject *gclist;
  struct lua_State *twups;    /* list of threads with open upvalues */
  tyjmp *errorJmp;            /* current error recovery point */
  CallInfo base_ci;           /* CallInfo of the first level (C host) */
  volatile lua_Hook hook;
  ptrdiff_t errfunc;          /* stack offset of the current message handler, 0 = none */
  unsigned int nCcalls;       /* nested C calls on this thread's C stack */
  unsigned int nny;           /* >0: not yieldable (inside a lua_call without continuation) */
  int oldpc;                  /* last pc traced by the line hook */
  int basehookcount;
  int hookcount;
  volatile sig_atomic_t hookmask;
  /* coroutine section (vm/do.c) */
  struct tycoro *coro;        /* own C stack; NULL until first resume, and for the main thread */
  struct lua_State *from;     /* thread that resumed this one (while running) */
  int nresume;                /* values passed by the last resume/yield */
  unsigned int nyields;       /* yields so far: lua_callk/pcallk detect a yield inside */
};

#define G(L) ((L)->l_G)

/* string table (interned short strings) */
typedef struct stringtable {
  TString **hash;
  int nuse;
  int size;
} stringtable;

#define STRCACHE_N 53
#define STRCACHE_M 2

/* g->gcstate: where the incremental cycle of core/gc.c stands, in cycle order */
#define GCSpropagate   0  /* marking, a few gray objects per step */
#define GCSenteratomic 1  /* nothing gray is left: the atomic step is next */
#define GCSatomic      2  /* inside the atomic step */
#define GCSswpallgc    3  /* sweeping g->allgc */
#define GCSswpfinobj   4  /* sweeping g->finobj */
#define GCSswptobefnz  5  /* sweeping g->tobefnz */
#define GCSswpend      6  /* sweeps done; buffers get shrunk */
#define GCScallfin     7  /* running pending finalizers */
#define GCSpause       8  /* between two cycles */

#define KGC_INC 0
#define KGC_GEN 1

typedef struct global_State {
  lua_Alloc frealloc;
  void *ud;
  l_mem totalbytes;           /* bytes allocated - GCdebt */
  l_mem GCdebt;               /* bytes allocated not yet compensated by the collector */
  lu_mem GCestimate;          /* estimate of live memory */
  lu_mem memlimit;            /* 0: none; else allocations past it fail ("not enough memory") */
  stringtable strt;
  TValue l_registry;
  TValue nilvalue;            /* a nil; its tag is LUA_TNIL only once the state is built */
  unsigned int seed;          /* randomized hash seed */
  /* ---- GC section (core/gc.c) ---- */
  lu_byte currentwhite;
  lu_byte gcstate;
  lu_byte gckind;             /* KGC_INC or KGC_GEN */
  lu_byte gcstopem;           /* stops emergency collections */
  lu_byte genminormul;
  lu_byte genmajormul;
  lu_byte gcstp;              /* control whether GC is running (bit flags) */
  lu_byte gcemergency;
  int gcpause;                /* percent (e.g. 200) */
  int gcstepmul;
  int gcstepsize;             /* log2 of step size in bytes */
  GCObject *allgc;
  GCObject **sweepgc;
  GCObject *finobj;           /* objects with finalizers */
  GCObject *gray;
  GCObject *grayagain;
  GCObject *weak;
  GCObject *ephemeron;
  GCObject *allweak;
  GCObject *tobefnz;          /* to be finalized */
  GCObject *fixedgc;          /* never collected (reserved words, metamethod names) */
  GCObject *survival;         /* generational mode lists */
  GCObject *old1;
  GCObject *reallyold;
  GCObject *firstold1;
  GCObject *finobjsur;
  GCObject *finobjold1;
  GCObject *finobjrold;
  GCObject *remembered;       /* image objects written after load (issue 4) */
  void *ephidx;               /* key index while ephemerons converge (gc.c), else NULL */
  struct lua_State *twups;
  /* ---- end of GC section ---- */
  lua_CFunction panic;
  struct lua_State *mainthread;
  TString *memerrmsg;         /* "not enough memory", preallocated and fixed */
  TString *tmname[TM_N];      /* metamethod names */
  struct Table *mt[LUA_NUMTYPES];  /* metatables of basic types */
  TString *strcache[STRCACHE_N][STRCACHE_M];  /* cache for strings in the API */
  lua_WarnFunction warnf;
  void *ud_warn;
  void *image;                /* loaded image descriptor (issue 4); NULL without one */
} global_State;

/* union used only for allocation of threads with extra space */
#define TY_EXTRASPACE LUA_EXTRASPACE

void tyE_setdebt(global_State *g, l_mem debt);
#define gettotalbytes(g) ((lu_mem)((g)->totalbytes + (g)->GCdebt))
CallInfo *tyE_extendCI(lua_State *L);          /* allocates the next CallInfo */
void tyE_freeCI(lua_State *L);                 /* frees unused CallInfos */
void tyE_shrinkCI(lua_State *L);
void tyE_checkcstack(lua_State *L);            /* raises "C stack overflow" */
void tyE_incCstack(lua_State *L);              /* ++nCcalls, checking the limit */
void tyE_freethread(lua_State *L, lua_State *L1);
int tyE_resetthread(lua_State *L, int status); /* closes pending tbc/upvalues, resets stack */
void tyE_warning(lua_State *L, const char *msg, int tocont);
void tyE_warnerror(lua_State *L, const char *where); /* warns with the error object on top */

#define tyE_exitCcall(L) ((L)->nCcalls--)
#define getCcalls(L) ((L)->nCcalls)
#define yieldable(L) ((L)->nny == 0 && (L) != G(L)->mainthread)

#endif
