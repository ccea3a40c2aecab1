/* jit.c: the runtime side of the native tier: policy, call counters, specializations, the compiler's loading. */
#include <dlfcn.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
#include "../core/state.h"
#include "../core/tab.h"
#include "../core/gc.h"
#include "opcodes.h"
#include "do.h"
#include "vm.h"
#include "jit.h"
#include "jitabi.h"
#include "buildid.h"

/*
** Design note.
** Policy (--compile, else TYCHO_COMPILE; TYCHO_JIT_THRESHOLD): `yes` counts calls per prototype
** and compiles a specialization for the argument kinds of the call that
** reaches the threshold; `all` compiles at the first call; `no` and `min`
** (no native code comes from images yet) never enter tyJ_enter.
** Per prototype the runtime keeps a JProto (p->jit; images write NULL
** there): the call counter and up to MAXSPECS specializations, each a key
** (4 bits of kind per fixed parameter, TYJ_MAXSPECARGS at most) and its
** code, or NULL when it could not be compiled (never retried).  The entry
** guard is the key comparison here: a call whose argument kinds match no
** specialization compiles another one or interprets.
** The compiler (libtychojit.so, linked to LLVM) is opened with dlopen at
** the first compile: TYCHO_JIT_LIB, else next to the binary that holds
** this code, else ../lib from it.  When it cannot be opened the tier turns
** itself off; the reason is printed once if compiling was asked for
** explicitly (--compile=yes|all, TYCHO_JIT_THRESHOLD).
** Compiles are synchronous for now, but run on a worker thread with its own
** large stack (LLVM recurses deeply; coroutine C stacks are 1 MiB), one at
** a time.  A background queue is the next step.
** Native code is entered only at the start of a fresh frame (savedpc at
** the first instruction, no hook set); see src/jit/jitemit.c for the frame
** invariants that make its exits plain "continue at savedpc".
*/

enum { MODE_NO, MODE_YES, MODE_ALL, MODE_MIN };
#define DEFAULT_THRESHOLD 1000u  /* calls before a prototype is compiled under --compile=yes */
#define MAXSPECS 4

int tyJ_active = 1;
static int mode = MODE_YES;
static int asked;                 /* compiling was asked for explicitly */
static int flagged;               /* the policy came from --compile (beats TYCHO_COMPILE) */
static unsigned int threshold = DEFAULT_THRESHOLD;
static int envread;
static int wantstats;

typedef struct Spec {
  uint32_t key;
  TyJNative fn;  /* NULL: could not be compiled */
} Spec;

typedef struct JProto {
  TyJHead h;  /* calls, nspec, never (read by the interpreter's check) */
  Spec spec[MAXSPECS];
  /* prototypes in an image are never freed: their records are listed, and
  ** freed when the state closes (tyJ_closestate) */
  struct JProto *nextimg;
  global_State *g;
  Proto *p;
} JProto;

static JProto *imgrecs;

/* ---- statistics (TYCHO_JIT_STATS=1) ---- */

static struct {
  unsigned long long entries, returned;
  unsigned long long exits[TYJ_NEXITS];
  unsigned long long exitop[TYJ_NEXITS][NUM_OPCODES];
  unsigned int compiled, failed;
  double *times;  /* compile times in ms */
  size_t ntimes, captimes;
  size_t irinsts;
  double loadms;
  char lastfail[256];
} stats;

static const char *const exitnames[TYJ_NEXITS] = {
  "-", "unsupported instruction", "operand types", "division by zero", "for loop kind", "hook"
};

static int cmpdouble(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void printstats(void) {
  double total = 0, med = 0, p99 = 0;
  size_t i;
  int r, op;
  for (i = 0; i < stats.ntimes; i++) total += stats.times[i];
  if (stats.ntimes > 0) {
    qsort(stats.times, stats.ntimes, sizeof(double), cmpdouble);
    med = stats.times[stats.ntimes / 2];
    p99 = stats.times[(stats.ntimes * 99) / 100 < stats.ntimes ? (stats.ntimes * 99) / 100 : stats.ntimes - 1];
  }
  fprintf(stderr, "jit: %u specializations compiled, %u not compiled; compile ms total %.2f median %.2f p99 %.2f; "
                  "compiler load ms %.2f\n", stats.compiled, stats.failed, total, med, p99, stats.loadms);
  if (stats.failed > 0 && stats.lastfail[0])
    fprintf(stderr, "jit: last not compiled: %s\n", stats.lastfail);
  fprintf(stderr, "jit: native entries %llu, returned %llu; optimised IR instructions %zu "
                  "(native code bytes not measured yet)\n", stats.entries, stats.returned, stats.irinsts);
  for (r = 1; r < TYJ_NEXITS; r++) {
    if (stats.exits[r] == 0) continue;
    fprintf(stderr, "jit: exits (%s): %llu", exitnames[r], stats.exits[r]);
    for (op = 0; op < NUM_OPCODES; op++)
      if (stats.exitop[r][op] > 0) fprintf(stderr, " %s=%llu", tyP_opnames[op], stats.exitop[r][op]);
    fputc('\n', stderr);
  }
  free(stats.times);
  stats.times = NULL;
}

static void addtime(double ms) {
  if (stats.ntimes == stats.captimes) {
    size_t n = stats.captimes ? stats.captimes * 2 : 64;
    double *t = realloc(stats.times, n * sizeof(double));
    if (t == NULL) return;
    stats.times = t;
    stats.captimes = n;
  }
  stats.times[stats.ntimes++] = ms;
}

static double nowms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- policy ---- */

static void setactive(void) {
  tyJ_active = (mode == MODE_YES || mode == MODE_ALL);
}

static int setmode(const char *policy) {
  if (strcmp(policy, "yes") == 0) mode = MODE_YES;
  else if (strcmp(policy, "no") == 0) mode = MODE_NO;
  else if (strcmp(policy, "all") == 0) mode = MODE_ALL;
  else if (strcmp(policy, "min") == 0) mode = MODE_MIN;
  else return -1;
  asked = (mode == MODE_YES || mode == MODE_ALL);
  setactive();
  return 0;
}

/* --compile=yes|no|all|min; -1 for another word */
LUA_API int tycho_setcompile(const char *policy) {
  if (setmode(policy) != 0) return -1;
  flagged = 1;
  return 0;
}

static int kindof(lu_byte tag);
static unsigned char kindtab[256];  /* kindof by tag (readenv fills it before any call counts) */

static void readenv(void) {
  const char *s = getenv("TYCHO_COMPILE");  /* the policy for processes started by tests */
  int t;
  envread = 1;
  for (t = 0; t < 256; t++) kindtab[t] = (unsigned char)kindof((lu_byte)t);
  if (!flagged && s != NULL && *s != '\0') setmode(s);
  s = getenv("TYCHO_JIT_THRESHOLD");
  if (s != NULL && *s != '\0') {
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*end == '\0' && v <= UINT_MAX) {
      threshold = v > 0 ? (unsigned int)v : 1;
      if (mode == MODE_YES) asked = 1;
    }
  }
  s = getenv("TYCHO_JIT_STATS");
  if (s != NULL && *s != '\0' && strcmp(s, "0") != 0 && !wantstats) {
    wantstats = 1;
    atexit(printstats);
  }
}

/* ---- helpers for native code (the table it receives) ---- */

static void h_gettabup(lua_State *L, const TValue *t, TValue *key, StkId ra) {
  const TValue *slot;
  if (ttistable(t)) {
    slot = tyH_getshortstr(hvalue(t), tsvalue(key));
    if (!isempty(slot)) {
      setobj2s(L, ra, slot);
      return;
    }
  }
  else
    slot = NULL;
  tyV_finishget(L, t, key, ra, slot);
}

static void h_ret(lua_State *L, CallInfo *ci, int a, int n) {
  L->top = ci->func + 1 + a + n;
  tyD_poscall(L, ci, n);
}

static double h_pow(double a, double b) { return pow(a, b); }
static double h_fmod(double a, double b) { return tyV_modf(NULL, a, b); }
static double h_floor(double a) { return floor(a); }

static const TyJHelpers helpers = {
  TYJ_ABI_VERSION, sizeof(TyJHelpers), TY_BUILD_ID,
  h_gettabup, h_ret, h_pow, h_fmod, h_floor
};

/* ---- the compiler library ---- */

static enum { LIB_UNTRIED, LIB_OK, LIB_FAILED } libstate;
static TyJCompileFn libcompile;
static TyJFreeFn libfree;
static char libwhy[PATH_MAX + 160];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* libtychojit.so next to the binary holding this code, else in ../lib */
static void findlib(char *out, size_t len) {
  char dir[PATH_MAX];
  Dl_info info;
  char *slash;
  dir[0] = '\0';
  if (dladdr((void *)&tyJ_enter, &info) != 0 && info.dli_fname != NULL && info.dli_fname[0] == '/')
    snprintf(dir, sizeof dir, "%s", info.dli_fname);
  else {
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    dir[n > 0 ? n : 0] = '\0';
  }
  slash = strrchr(dir, '/');
  if (slash == NULL) { snprintf(out, len, "libtychojit.so"); return; }
  *slash = '\0';
  snprintf(out, len, "%s/libtychojit.so", dir);
  if (access(out, R_OK) == 0) return;
  slash = strrchr(dir, '/');
  if (slash != NULL) {
    char alt[PATH_MAX + 32];
    *slash = '\0';
    snprintf(alt, sizeof alt, "%s/lib/libtychojit.so", dir);
    if (access(alt, R_OK) == 0) snprintf(out, len, "%s", alt);
  }
}

static void libfail(const char *why) {
  libstate = LIB_FAILED;
  snprintf(libwhy, sizeof libwhy, "%s", why);
  tyJ_active = 0;  /* nothing to gain from counting any more */
  if (asked)
    fprintf(stderr, "tycho: native compiler unavailable (%s); running in the interpreter\n", libwhy);
}

/* with the lock held */
static int openlib(void) {
  char path[PATH_MAX + 32], err[256];
  const char *env = getenv("TYCHO_JIT_LIB");
  void *h;
  TyJOpenFn fopen_;
  double t0 = nowms();
  if (libstate != LIB_UNTRIED) return libstate == LIB_OK;
  if (env != NULL && *env != '\0') snprintf(path, sizeof path, "%s", env);
  else findlib(path, sizeof path);
  h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (h == NULL) {
    const char *e = dlerror();
    libfail(e ? e : path);
    return 0;
  }
  fopen_ = (TyJOpenFn)(uintptr_t)dlsym(h, TYJ_SYM_OPEN);
  libcompile = (TyJCompileFn)(uintptr_t)dlsym(h, TYJ_SYM_COMPILE);
  libfree = (TyJFreeFn)(uintptr_t)dlsym(h, TYJ_SYM_FREE);
  if (fopen_ == NULL || libcompile == NULL || libfree == NULL) {
    char why[PATH_MAX + 64];
    snprintf(why, sizeof why, "%s is not tycho's compiler", path);
    libfail(why);
    return 0;
  }
  if (fopen_(&helpers, err, sizeof err) != 0) {
    libfail(err);
    return 0;
  }
  libstate = LIB_OK;
  stats.loadms = nowms() - t0;
  return 1;
}

/* ---- compiling on a worker thread ---- */

typedef struct Job {
  const TyJRequest *rq;
  TyJResult *res;
  int status;
} Job;

static void *worker(void *ud) {
  Job *j = (Job *)ud;
  j->status = libcompile(j->rq, j->res);
  return NULL;
}

/* runs one request; with the lock held and the library open */
static int runjob(const TyJRequest *rq, TyJResult *res) {
  pthread_attr_t attr;
  pthread_t th;
  Job j;
  int ok;
  j.rq = rq;
  j.res = res;
  j.status = -1;
  if (pthread_attr_init(&attr) != 0) {
    snprintf(res->err, sizeof res->err, "cannot start the compiler thread");
    return -1;
  }
  pthread_attr_setstacksize(&attr, (size_t)16 << 20);
  ok = pthread_create(&th, &attr, worker, &j) == 0;
  pthread_attr_destroy(&attr);
  if (!ok) {
    snprintf(res->err, sizeof res->err, "cannot start the compiler thread");
    return -1;
  }
  pthread_join(th, NULL);
  return j.status;
}

static void makerequest(TyJRequest *rq, const Proto *p, uint32_t key, char *name, size_t namelen) {
  static unsigned long serial;
  int i;
  memset(rq, 0, sizeof *rq);
  rq->p = p;
  rq->nargs = p->numparams < TYJ_MAXSPECARGS ? p->numparams : TYJ_MAXSPECARGS;
  for (i = 0; i < rq->nargs; i++) rq->argkinds[i] = (unsigned char)((key >> (4 * i)) & 0xF);
  snprintf(name, namelen, "tyj_%lu_line%d", ++serial, p->linedefined);
  rq->name = name;
}

/* compiles (p, key); *anykinds: the refusal holds for every key */
static TyJNative compile(const Proto *p, uint32_t key, int *anykinds) {
  TyJRequest rq;
  TyJResult res;
  char name[64];
  TyJNative fn = NULL;
  double t0;
  pthread_mutex_lock(&lock);
  if (!openlib()) {
    pthread_mutex_unlock(&lock);
    return NULL;
  }
  makerequest(&rq, p, key, name, sizeof name);
  rq.loopsonly = (mode != MODE_ALL);
  memset(&res, 0, sizeof res);
  t0 = nowms();
  if (runjob(&rq, &res) == 0 && res.fn != NULL) {
    fn = res.fn;
    stats.compiled++;
    stats.irinsts += res.irinsts;
    addtime(nowms() - t0);
  }
  else {
    stats.failed++;
    snprintf(stats.lastfail, sizeof stats.lastfail, "%s", res.err);
    *anykinds = res.anykinds;
  }
  pthread_mutex_unlock(&lock);
  return fn;
}

/* ---- entering native code ---- */

static int kindof(lu_byte tag) {
  switch (tag) {
    case TY_VNIL: return TYJ_NIL;
    case TY_VFALSE: case TY_VTRUE: return TYJ_BOOLEAN;
    case TY_VNUMINT: return TYJ_INTEGER;
    case TY_VNUMFLT: return TYJ_FLOAT;
    case ctb(TY_VSHRSTR): case ctb(TY_VLNGSTR): return TYJ_STRING;
    case ctb(TY_VTABLE): return TYJ_TABLE;
    case ctb(TY_VLCL): return TYJ_LFUNCTION;
    case TY_VLCF: case ctb(TY_VCCL): return TYJ_CFUNCTION;
    case TY_VLIGHTUD: case ctb(TY_VUSERDATA): return TYJ_USERDATA;
    case ctb(TY_VTHREAD): return TYJ_THREAD;
    default: return TYJ_ANY;
  }
}

static uint32_t argkey(const CallInfo *ci, const Proto *p) {
  int n = p->numparams < TYJ_MAXSPECARGS ? p->numparams : TYJ_MAXSPECARGS;
  uint32_t key = 0;
  int i;
  for (i = 0; i < n; i++) key |= (uint32_t)kindtab[rawtt(ci->func + 1 + i)] << (4 * i);
  return key;
}

int tyJ_enter(lua_State *L, CallInfo *ci) {
  Proto *p = clLvalue(ci->func)->p;
  JProto *jp = (JProto *)p->jit;
  TyJNative fn = NULL;
  uint32_t key;
  int i, r;
  if (l_unlikely(jp == NULL)) {
    if (!envread) {
      readenv();
      if (!tyJ_active) return TYJ_INTERPRET;  /* TYCHO_COMPILE=no|min */
    }
    jp = (JProto *)calloc(1, sizeof *jp);
    if (jp == NULL) return TYJ_INTERPRET;
    jp->h.never = (p->is_vararg != 0) || (mode != MODE_ALL && !tyj_loopreachable(p));
    p->jit = jp;
    if (isimage(p)) {
      pthread_mutex_lock(&lock);
      jp->g = G(L);
      jp->p = p;
      jp->nextimg = imgrecs;
      imgrecs = jp;
      pthread_mutex_unlock(&lock);
    }
  }
  if (jp->h.never || ci->u.l.savedpc != p->code)  /* resuming a frame: not at its start */
    return TYJ_INTERPRET;
  if (jp->h.nspec == 0 && mode != MODE_ALL && ++jp->h.calls < threshold)
    return TYJ_INTERPRET;
  key = argkey(ci, p);
  for (i = 0; i < jp->h.nspec; i++)
    if (jp->spec[i].key == key) break;
  if (i < jp->h.nspec)
    fn = jp->spec[i].fn;
  else {
    if (jp->h.nspec >= MAXSPECS) return TYJ_INTERPRET;
    int anykinds = 0;
    fn = compile(p, key, &anykinds);
    if (libstate != LIB_OK) return TYJ_INTERPRET;
    if (anykinds) {  /* no specialization of p will be compiled */
      jp->h.never = 1;
      return TYJ_INTERPRET;
    }
    jp->spec[jp->h.nspec].key = key;
    jp->spec[jp->h.nspec].fn = fn;
    jp->h.nspec++;
  }
  if (fn == NULL) return TYJ_INTERPRET;
  stats.entries++;
  r = fn(L, ci, &helpers);
  if (r == 0) {
    stats.returned++;
    return TYJ_RETURNED;
  }
  if (TYJ_EXITREASON(r) < TYJ_NEXITS) {
    stats.exits[TYJ_EXITREASON(r)]++;
    if (TYJ_EXITOP(r) < NUM_OPCODES) stats.exitop[TYJ_EXITREASON(r)][TYJ_EXITOP(r)]++;
  }
  return TYJ_CONTINUE;
}

void tyJ_freeproto(Proto *p) {
  free(p->jit);
  p->jit = NULL;
}

void tyJ_closestate(global_State *g) {
  JProto **pp;
  pthread_mutex_lock(&lock);
  for (pp = &imgrecs; *pp != NULL;) {
    JProto *jp = *pp;
    if (jp->g == g) {
      *pp = jp->nextimg;
      jp->p->jit = NULL;
      free(jp);
    }
    else
      pp = &jp->nextimg;
  }
  pthread_mutex_unlock(&lock);
}

/* ---- tycho.code_llvm(f, types...) ---- */

static const char *const kindnames[TYJ_NKINDS] = {
  "any", "nil", "boolean", "integer", "float", "string", "table", "function", "cfunction",
  "userdata", "thread"
};

/* returns the optimised IR of the specialization of f for the given
** parameter types, or nil and a reason; compiles nothing into the process */
int tyJ_codellvm(lua_State *L) {
  const TValue *o = L->ci->func + 1;
  const Proto *p;
  int n = lua_gettop(L), i;
  uint32_t key = 0;
  TyJRequest rq;
  TyJResult res;
  char name[64];
  luaL_argexpected(L, lua_type(L, 1) == LUA_TFUNCTION && ttisLclosure(o), 1, "Lua function");
  p = clLvalue(o)->p;
  if (n - 1 > p->numparams || n - 1 > TYJ_MAXSPECARGS)
    return luaL_error(L, "%d types given for a function of %d parameters", n - 1, (int)p->numparams);
  for (i = 2; i <= n; i++) {
    const char *t = luaL_checkstring(L, i);
    int kd;
    for (kd = 0; kd < TYJ_NKINDS; kd++)
      if (strcmp(t, kindnames[kd]) == 0) break;
    if (kd == TYJ_NKINDS) return luaL_argerror(L, i, lua_pushfstring(L, "bad type '%s'", t));
    key |= (uint32_t)kd << (4 * (i - 2));
  }
  if (!envread) readenv();
  pthread_mutex_lock(&lock);
  if (!openlib()) {
    pthread_mutex_unlock(&lock);
    lua_pushnil(L);
    lua_pushfstring(L, "compiler unavailable: %s", libwhy);
    return 2;
  }
  makerequest(&rq, p, key, name, sizeof name);
  rq.wantir = 1;
  memset(&res, 0, sizeof res);
  if (runjob(&rq, &res) != 0 || res.ir == NULL) {
    pthread_mutex_unlock(&lock);
    lua_pushnil(L);
    lua_pushstring(L, res.err[0] ? res.err : "not compiled");
    return 2;
  }
  pthread_mutex_unlock(&lock);
  lua_pushstring(L, res.ir);
  libfree(res.ir);
  return 1;
}
