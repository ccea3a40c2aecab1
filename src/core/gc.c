/* gc.c: incremental tri-color mark & sweep collector with weak tables, ephemerons and finalizers. */
#include <stdlib.h>
#include <string.h>
#include "gc.h"
#include "mem.h"
#include "str.h"
#include "tab.h"
#include "func.h"
#include "../vm/do.h"
#include "../vm/tm.h"

/*
** Cycle: pause -> propagate (incremental marking from the roots) -> atomic
** (finish marking without interruption, clear weak tables, separate
** unreachable objects with finalizers) -> sweep allgc, finobj, tobefnz
** (free dead objects, whiten survivors) -> callfin (run finalizers) -> pause.
** Gray objects are linked through their `gclist` field.  Image objects
** (TY_IMAGEBIT) are black forever and never on allgc; when one is written
** it goes on g->remembered (linked through `next`) and is re-traversed in
** every atomic phase.  Only incremental mode is implemented: KGC_GEN is
** recorded in g->gckind but collection stays incremental.
*/

#define GCSWEEPMAX 100        /* objects swept per step */
#define GCFINMAX 10           /* finalizers per step */
#define GCFINALIZECOST 50     /* work units of one finalizer */
#define WORK2MEM ((l_mem)sizeof(TValue))
#define PAUSEADJ 100
#define MAX_LMEM ((l_mem)(~(lu_mem)0 >> 1))

#define maskcolors (bitmask(BLACKBIT) | WHITEBITS)
#define setbits(x, m) ((x) |= (lu_byte)(m))
#define resetbits(x, m) ((x) &= (lu_byte)~(m))
#define testbit(x, b) ((x) & bitmask(b))
#define makewhite(g, x) \
  ((x)->marked = (lu_byte)(((x)->marked & ~maskcolors) | tyC_white(g)))
#define set2gray(x) resetbits((x)->marked, maskcolors)
#define set2black(x) \
  ((x)->marked = (lu_byte)(((x)->marked & ~WHITEBITS) | bitmask(BLACKBIT)))
#define valiswhite(x) (iscollectable(x) && iswhite(gcvalue(x)))
#define keepinvariant(g) ((g)->gcstate <= GCSatomic)
#define issweepphase(g) (GCSswpallgc <= (g)->gcstate && (g)->gcstate <= GCSswpend)
#define gcvalueN(o) (iscollectable(o) ? gcvalue(o) : NULL)
#define markvalue(g, o) { if (valiswhite(o)) reallymarkobject(g, gcvalue(o)); }
#define markobject(g, t) { if (iswhite(t)) reallymarkobject(g, obj2gco(t)); }
#define markobjectN(g, t) { if (t) markobject(g, t); }
#define gnodelast(h) gnode(h, sizenode(h))
#define isintwups(L) ((L)->twups != (L))
#define sizelstring(l) (offsetof(TString, contents) + (l) + 1)

static void reallymarkobject(global_State *g, GCObject *o);
static lu_mem atomic(lua_State *L);

/* ---- gray lists ---- */

/* Every type that can be gray keeps a `gclist` link, at its own offset. */
static GCObject **getgclist(GCObject *o) {
  size_t at;
  switch (o->tt) {
    case TY_VTABLE:    at = offsetof(Table, gclist); break;
    case TY_VUSERDATA: at = offsetof(Udata, gclist); break;
    case TY_VLCL:      at = offsetof(LClosure, gclist); break;
    case TY_VCCL:      at = offsetof(CClosure, gclist); break;
    case TY_VPROTO:    at = offsetof(Proto, gclist); break;
    case TY_VTHREAD:   at = offsetof(lua_State, gclist); break;
    default: tyassert(0); return NULL;  /* strings and upvalues are never gray-listed */
  }
  return (GCObject **)((char *)o + at);
}

/* links o into list and paints it gray */
static void linkgclist_(GCObject *o, GCObject **pnext, GCObject **list) {
  *pnext = *list;
  *list = o;
  set2gray(o);
}
#define linkgclist(o, p) linkgclist_(obj2gco(o), &(o)->gclist, &(p))
#define linkobjgclist(o, p) linkgclist_(obj2gco(o), getgclist(o), &(p))

/* an entry whose value was collected: keep the key (as dead) for next() */
static void clearkey(Node *n) {
  if (iscollectable(gkey(n)))
    settt_(gkey(n), TY_TDEADKEY);
}

/* is the object (possibly NULL) to be removed from weak tables?  strings are
** values: they are marked, never cleared */
static int iscleared(global_State *g, const GCObject *o) {
  if (o == NULL)
    return 0;
  if (novariant(o->tt) == LUA_TSTRING) {
    markobject(g, (GCObject *)o);
    return 0;
  }
  return iswhite(o);
}

/* ---- barriers ---- */

static void remember(global_State *g, GCObject *o) {
  if (!testbit(o->marked, TY_REMEMBIT)) {
    setbits(o->marked, bitmask(TY_REMEMBIT));
    o->next = g->remembered;
    g->remembered = o;
  }
}

/* black o now points to white v */
void tyC_barrier_(lua_State *L, GCObject *o, GCObject *v) {
  global_State *g = G(L);
  if (isimage(o))
    remember(g, o);
  else if (keepinvariant(g))
    reallymarkobject(g, v);  /* restore the invariant */
  else  /* sweep phase: whiten o so further writes need no barrier */
    makewhite(g, o);
}

/* black o (a table, userdata...) was written: gray it again */
void tyC_barrierback_(lua_State *L, GCObject *o) {
  global_State *g = G(L);
  if (isimage(o))
    remember(g, o);
  else
    linkobjgclist(o, g->grayagain);
}

/* ---- creation ---- */

/* The block is sz bytes; the object header sits `offset` bytes into it.  A new
** object is white (current white) and heads allgc. */
GCObject *tyC_newobjdt(lua_State *L, int tt, size_t sz, size_t offset) {
  global_State *g = G(L);
  GCObject *o = (GCObject *)((char *)tyM_malloc_(L, sz, novariant(tt)) + offset);
  *o = (GCObject){ .next = g->allgc, .tt = (lu_byte)tt, .marked = tyC_white(g) };
  g->allgc = o;
  return o;
}

GCObject *tyC_newobj(lua_State *L, int tt, size_t sz) { return tyC_newobjdt(L, tt, sz, 0); }

void tyC_remember(global_State *g, GCObject *o) {
  remember(g, o);
}

void tyC_fix(lua_State *L, GCObject *o) {
  global_State *g = G(L);
  if (isimage(o))
    return;  /* image objects are permanent already (and not on allgc) */
  tyassert(g->allgc == o);  /* only the newest object can be fixed */
  set2gray(o);  /* gray forever: never marked, never swept */
  g->allgc = o->next;
  o->next = g->fixedgc;
  g->fixedgc = o;
}

/* ---- marking ---- */

static void ephfire(global_State *g, const GCObject *o);

static void reallymarkobject(global_State *g, GCObject *o) {
  if (isimage(o))
    return;
  if (l_unlikely(g->ephidx != NULL))
    ephfire(g, o);  /* o may be a pending ephemeron key */
  switch (o->tt) {
    case TY_VSHRSTR:
    case TY_VLNGSTR:
      set2black(o);
      break;
    case TY_VUPVAL: {
      UpVal *uv = gco2upv(o);
      if (upisopen(uv))
        set2gray(uv);  /* open upvalues stay gray: their thread is traversed */
      else
        set2black(uv);
      markvalue(g, uv->v);
      break;
    }
    case TY_VUSERDATA: {
      Udata *u = gco2u(o);
      if (u->nuvalue == 0) {  /* no user values: mark the metatable now */
        markobjectN(g, u->metatable);
        set2black(u);
        break;
      }
      linkobjgclist(o, g->gray);
      break;
    }
    case TY_VLCL: case TY_VCCL: case TY_VTABLE:
    case TY_VTHREAD: case TY_VPROTO:
      linkobjgclist(o, g->gray);
      break;
    default:
      tyassert(0);
      break;
  }
}

static void markmt(global_State *g) {
  int i;
  for (i = 0; i < LUA_NUMTYPES; i++)
    markobjectN(g, g->mt[i]);
}

/* marks every object of a `next`-linked list; returns their number (work) */
static lu_mem marklist(global_State *g, GCObject *list) {
  lu_mem n = 0;
  for (; list != NULL; list = list->next, n++)
    markobject(g, list);
  return n;
}

/* objects waiting for their finalizer stay alive until it has run */
#define markbeingfnz(g) marklist(g, (g)->tobefnz)

/* roots shared by the start of a cycle and the atomic phase */
static void markglobalroots(global_State *g) {
  markvalue(g, &g->l_registry);
  markmt(g);
}

/* open upvalues of unmarked threads: mark the values of marked upvalues,
** and drop such threads from the twups list */
static lu_mem remarkupvals(global_State *g) {
  lua_State *thread;
  lua_State **p = &g->twups;
  lu_mem work = 0;
  while ((thread = *p) != NULL) {
    work++;
    if (!iswhite(thread) && thread->openupval != NULL)
      p = &thread->twups;  /* keep it */
    else {
      UpVal *uv;
      *p = thread->twups;
      thread->twups = thread;  /* not in the list anymore */
      for (uv = thread->openupval; uv != NULL; uv = uv->u.open.next) {
        work++;
        if (!iswhite(uv))
          markvalue(g, uv->v);
      }
    }
  }
  return work;
}

static void cleargraylists(global_State *g) {
  g->gray = g->grayagain = NULL;
  g->weak = g->allweak = g->ephemeron = NULL;
}

/* a new cycle: empty gray lists, then gray the roots */
static void restartcollection(global_State *g) {
  cleargraylists(g);
  markobject(g, g->mainthread);
  markglobalroots(g);
  (void)markbeingfnz(g);
}

/* ---- traversal ---- */

static void traversestrongtable(global_State *g, Table *h) {
  Node *n, *limit = gnodelast(h);
  unsigned int i;
  for (i = 0; i < h->asize; i++)
    markvalue(g, &h->array[i]);
  for (n = gnode(h, 0); n < limit; n++) {
    if (isempty(gval(n)))
      clearkey(n);
    else {
      markvalue(g, gkey(n));
      markvalue(g, gval(n));
    }
  }
}

/* weak values, strong keys */
static void traverseweakvalue(global_State *g, Table *h) {
  Node *n, *limit = gnodelast(h);
  int hasclears = (h->asize > 0);  /* the array part may hold white values */
  for (n = gnode(h, 0); n < limit; n++) {
    if (isempty(gval(n)))
      clearkey(n);
    else {
      markvalue(g, gkey(n));
      if (!hasclears && iscleared(g, gcvalueN(gval(n))))
        hasclears = 1;
    }
  }
  if (g->gcstate == GCSatomic && hasclears)
    linkgclist(h, g->weak);  /* clear it later */
  else
    linkgclist(h, g->grayagain);  /* look again in the atomic phase */
}

/* weak keys, strong values: a value is marked only once its key is; returns
** whether it marked anything.  inv: traverse the nodes backwards */
static int traverseephemeron(global_State *g, Table *h, int inv) {
  int marked = 0, hasclears = 0, hasww = 0;
  unsigned int i, nsize = sizenode(h);
  for (i = 0; i < h->asize; i++) {  /* integer keys: values are strong */
    if (valiswhite(&h->array[i])) {
      marked = 1;
      reallymarkobject(g, gcvalue(&h->array[i]));
    }
  }
  for (i = 0; i < nsize; i++) {
    Node *n = inv ? gnode(h, nsize - 1 - i) : gnode(h, i);
    if (isempty(gval(n)))
      clearkey(n);
    else if (iscleared(g, gcvalueN(gkey(n)))) {  /* key not marked (yet)? */
      hasclears = 1;
      if (valiswhite(gval(n)))
        hasww = 1;  /* white-white entry */
    }
    else if (valiswhite(gval(n))) {  /* key marked: mark the value */
      marked = 1;
      reallymarkobject(g, gcvalue(gval(n)));
    }
  }
  if (g->gcstate == GCSpropagate)
    linkgclist(h, g->grayagain);
  else if (hasww)
    linkgclist(h, g->ephemeron);  /* may need more propagation */
  else if (hasclears)
    linkgclist(h, g->allweak);  /* may have white keys to clear */
  return marked;
}

static lu_mem traversetable(global_State *g, Table *h) {
  const TValue *mode = gfasttm(g, h->metatable, TM_MODE);
  markobjectN(g, h->metatable);
  if (mode && ttisstring(mode)) {
    const char *smode = svalue(mode);
    int wk = (strchr(smode, 'k') != NULL);
    int wv = (strchr(smode, 'v') != NULL);
    if (wk || wv) {
      if (!wk)
        traverseweakvalue(g, h);
      else if (!wv)
        traverseephemeron(g, h, 0);
      else
        linkgclist(h, g->allweak);  /* all weak: nothing to mark */
      return 1 + h->asize + 2 * allocsizenode(h);
    }
  }
  traversestrongtable(g, h);
  return 1 + h->asize + 2 * allocsizenode(h);
}

static lu_mem traverseudata(global_State *g, Udata *u) {
  int i;
  markobjectN(g, u->metatable);
  for (i = 0; i < u->nuvalue; i++)
    markvalue(g, &u->uv[i]);
  return 1 + (lu_mem)u->nuvalue;
}

static lu_mem traverseproto(global_State *g, Proto *f) {
  int i;
  markobjectN(g, f->source);
  for (i = 0; i < f->sizek; i++)
    markvalue(g, &f->k[i]);
  for (i = 0; i < f->sizeupvalues; i++)
    markobjectN(g, f->upvalues[i].name);
  for (i = 0; i < f->sizep; i++)
    markobjectN(g, f->p[i]);
  for (i = 0; i < f->sizelocvars; i++)
    markobjectN(g, f->locvars[i].varname);
  return 1 + (lu_mem)(f->sizek + f->sizeupvalues + f->sizep + f->sizelocvars);
}

static lu_mem traverseCclosure(global_State *g, CClosure *cl) {
  int i;
  for (i = 0; i < cl->nupvalues; i++)
    markvalue(g, &cl->upvalue[i]);
  return 1 + (lu_mem)cl->nupvalues;
}

static lu_mem traverseLclosure(global_State *g, LClosure *cl) {
  int i;
  markobjectN(g, cl->p);
  for (i = 0; i < cl->nupvalues; i++)
    markobjectN(g, cl->upvals[i]);
  return 1 + (lu_mem)cl->nupvalues;
}

/* threads stay gray until the atomic phase (stack writes have no barrier) */
static lu_mem traversethread(global_State *g, lua_State *th) {
  UpVal *uv;
  StkId o = th->stack;
  if (g->gcstate == GCSpropagate)
    linkgclist(th, g->grayagain);
  if (o == NULL)
    return 1;  /* stack not built yet */
  for (; o < th->top; o++)
    markvalue(g, o);
  for (uv = th->openupval; uv != NULL; uv = uv->u.open.next)
    markobject(g, uv);  /* open upvalues cannot be collected */
  if (g->gcstate == GCSatomic) {  /* final traversal */
    for (; o < th->stack_last + EXTRA_STACK; o++)
      setnilvalue(o);  /* clear the dead part of the stack */
    if (!isintwups(th) && th->openupval != NULL) {  /* remarkupvals dropped it */
      th->twups = g->twups;
      g->twups = th;
    }
  }
  else if (!g->gcemergency)
    tyD_shrinkstack(th);
  return 1 + (lu_mem)stacksize(th);
}

/* Traverses one object whose color was already set; returns the work done.
** Dispatch is on the basic type first (functions have two traversable variants). */
static lu_mem traverseobj(global_State *g, GCObject *o) {
  switch (novariant(o->tt)) {
    case LUA_TTABLE:
      return traversetable(g, gco2t(o));
    case LUA_TFUNCTION:
      return (o->tt == TY_VLCL) ? traverseLclosure(g, gco2lcl(o))
                                : traverseCclosure(g, gco2ccl(o));
    case LUA_TUSERDATA:
      return traverseudata(g, gco2u(o));
    case LUA_TTHREAD:
      return traversethread(g, gco2th(o));
    case TY_TPROTO:
      return traverseproto(g, gco2p(o));
    case TY_TUPVAL:  /* upvalues get here only as remembered image objects */
      markvalue(g, gco2upv(o)->v);
      return 1;
    default:  /* strings have nothing inside */
      return 1;
  }
}

/* traverses the first gray object */
static lu_mem propagatemark(global_State *g) {
  GCObject *o = g->gray;
  set2black(o);
  g->gray = *getgclist(o);
  return traverseobj(g, o);
}

static lu_mem propagateall(global_State *g) {
  lu_mem work = 0;
  while (g->gray)
    work += propagatemark(g);
  return work;
}

/* image objects written since load keep their heap referents alive */
static lu_mem traverseremembered(global_State *g) {
  GCObject *o;
  lu_mem work = 0;
  for (o = g->remembered; o != NULL; o = o->next)
    work += traverseobj(g, o);
  return work;
}

/* ---- ephemeron convergence ----
** An ephemeron entry's value is strong only once its key is marked, and a
** value may be what makes another entry's key reachable: marking must reach a
** fixpoint.  Rounds that re-traverse every ephemeron table until nothing
** changes are cheap when chains are short, but a chain of n entries whose
** order in the hash part does not follow the chain (a key's hash has nothing
** to do with its place in the chain) needs up to n rounds over the whole
** table: quadratic.  So after EPHROUNDS rounds that still marked something,
** convergence switches to a key index:
**  - every entry (k, v) of a pending table (g->ephemeron) whose key and value
**    are both white goes into an open-addressing hash keyed by k's address;
**  - while the index is set (g->ephidx), reallymarkobject looks each object
**    it marks up in it; each matching entry "fires": its value pointer moves
**    to a work list and the slot becomes a tombstone;
**  - draining alternates propagateall with marking the work list's values
**    (a work list, not recursion: a chain of n keys would nest n deep);
**  - a table first reached while draining is traversed in the atomic state,
**    so it links itself to g->ephemeron if it has white-white entries, and
**    the next pass indexes it.
** Invariant while the index is set: for every entry of an indexed table,
** either its key is white and the entry is in the index unfired, or its key
** is marked and its value is marked or on the work list.  When the gray list,
** the work list and g->ephemeron are all empty, every entry with a marked key
** has a marked value: the fixpoint, reached in time linear in the entries
** and the objects marked.  The index is scratch memory taken straight from
** the allocator (no GC debt, no emergency collection: we are inside the
** collector); if it cannot be had, every table goes back on g->ephemeron and
** the rounds go on without it, slower but right.  Tables end up on
** g->ephemeron, which after convergence only means "clear white keys". */

#define EPHROUNDS 2           /* plain rounds before building the index */

typedef struct EphSlot {
  const GCObject *key;        /* NULL: free; &ephfired: fired (tombstone) */
  TValue *val;
} EphSlot;

typedef struct EphIndex {
  EphSlot *slot;
  size_t mask;                /* number of slots - 1 (a power of 2 minus 1) */
  size_t used;                /* slots not free (tombstones included) */
  size_t inserted;            /* entries inserted since the index was made */
  TValue **work;              /* values whose key was marked, to be marked */
  size_t nwork, workcap;      /* workcap >= inserted: a push never overflows */
} EphIndex;

static const GCObject ephfired;

static size_t ephhash(const GCObject *o, size_t mask) {
  unsigned long long x = (unsigned long long)(size_t)o >> 3;
  x *= 0x9e3779b97f4a7c15ULL;
  return (size_t)(x ^ (x >> 29)) & mask;
}

static void *scratch(global_State *g, void *block, size_t osize, size_t nsize) {
  return g->frealloc(g->ud, block, block ? osize : 0, nsize);
}

static void ephfire(global_State *g, const GCObject *o) {
  EphIndex *ix = (EphIndex *)g->ephidx;
  size_t i = ephhash(o, ix->mask);
  for (; ix->slot[i].key != NULL; i = (i + 1) & ix->mask) {
    if (ix->slot[i].key == o) {
      tyassert(ix->nwork < ix->workcap);
      ix->work[ix->nwork++] = ix->slot[i].val;
      ix->slot[i].key = &ephfired;
    }
  }
}

/* rehashes the unfired entries into nslots slots; 0 when out of memory */
static int ephresize(global_State *g, EphIndex *ix, size_t nslots) {
  EphSlot *ns = (EphSlot *)scratch(g, NULL, 0, nslots * sizeof(EphSlot));
  size_t i, used = 0;
  if (ns == NULL)
    return 0;
  memset(ns, 0, nslots * sizeof(EphSlot));
  for (i = 0; ix->slot != NULL && i <= ix->mask; i++) {
    const GCObject *k = ix->slot[i].key;
    if (k != NULL && k != &ephfired) {
      size_t j = ephhash(k, nslots - 1);
      while (ns[j].key != NULL)
        j = (j + 1) & (nslots - 1);
      ns[j] = ix->slot[i];
      used++;
    }
  }
  if (ix->slot != NULL)
    scratch(g, ix->slot, (ix->mask + 1) * sizeof(EphSlot), 0);
  ix->slot = ns;
  ix->mask = nslots - 1;
  ix->used = used;
  return 1;
}

/* adds entry (k, v); 0 when out of memory (nothing added) */
static int ephinsert(global_State *g, EphIndex *ix, const GCObject *k, TValue *v) {
  size_t i;
  if (ix->inserted == ix->workcap) {
    size_t ncap = ix->workcap * 2;
    TValue **nw = (TValue **)scratch(g, ix->work, ix->workcap * sizeof(TValue *),
                                     ncap * sizeof(TValue *));
    if (nw == NULL)
      return 0;
    ix->work = nw;
    ix->workcap = ncap;
  }
  if ((ix->used + 1) * 4 > (ix->mask + 1) * 3) {  /* keep the load under 3/4 */
    size_t live = ix->used + 1;  /* an upper bound once tombstones go */
    size_t n = ix->mask + 1;
    while (live * 2 > n)
      n *= 2;
    if (!ephresize(g, ix, n))
      return 0;
  }
  i = ephhash(k, ix->mask);
  while (ix->slot[i].key != NULL && ix->slot[i].key != &ephfired)
    i = (i + 1) & ix->mask;
  if (ix->slot[i].key == NULL)
    ix->used++;
  ix->slot[i].key = k;
  ix->slot[i].val = v;
  ix->inserted++;
  return 1;
}

/* indexes h's white-white entries and marks the values of its marked keys;
** 0 when out of memory (h is left for the plain rounds) */
static int ephindextable(global_State *g, EphIndex *ix, Table *h) {
  Node *n, *limit = gnodelast(h);
  for (n = gnode(h, 0); n < limit; n++) {
    if (isempty(gval(n)) || !valiswhite(gval(n)))
      continue;
    if (iscleared(g, gcvalueN(gkey(n)))) {
      if (!ephinsert(g, ix, gcvalue(gkey(n)), gval(n)))
        return 0;
    }
    else
      reallymarkobject(g, gcvalue(gval(n)));
  }
  return 1;
}

static void ephdrain(global_State *g, EphIndex *ix) {
  for (;;) {
    propagateall(g);
    if (ix->nwork == 0)
      return;
    while (ix->nwork > 0) {
      TValue *v = ix->work[--ix->nwork];
      markvalue(g, v);  /* may fire more entries: pushed on the same list */
    }
  }
}

/* converges through the index; 0 when it ran out of memory (the pending
** tables are all back on g->ephemeron then, for the plain rounds) */
static int convergeindexed(global_State *g) {
  EphIndex ix;
  GCObject *kept = NULL, *list = NULL;
  int ok;
  memset(&ix, 0, sizeof(ix));
  ix.workcap = 64;
  ix.work = (TValue **)scratch(g, NULL, 0, ix.workcap * sizeof(TValue *));
  ok = (ix.work != NULL && ephresize(g, &ix, 128));
  if (ok)
    g->ephidx = &ix;
  while (ok && (list = g->ephemeron) != NULL) {
    g->ephemeron = NULL;
    while (list != NULL) {
      Table *h = gco2t(list);
      if (!ephindextable(g, &ix, h)) {
        ok = 0;
        break;
      }
      list = h->gclist;
      h->gclist = kept;
      kept = obj2gco(h);
    }
    ephdrain(g, &ix);
  }
  g->ephidx = NULL;
  while (list != NULL) {  /* not indexed (out of memory) */
    Table *h = gco2t(list);
    list = h->gclist;
    linkgclist(h, g->ephemeron);
  }
  while (kept != NULL) {
    Table *h = gco2t(kept);
    kept = h->gclist;
    linkgclist(h, g->ephemeron);
  }
  if (ix.slot != NULL)
    scratch(g, ix.slot, (ix.mask + 1) * sizeof(EphSlot), 0);
  if (ix.work != NULL)
    scratch(g, ix.work, ix.workcap * sizeof(TValue *), 0);
  return ok;
}

/* marks ephemeron values until nothing changes: plain rounds (alternating
** directions, which follows chains laid out in either order), then the index */
static void convergeephemerons(global_State *g) {
  int changed;
  int dir = 0, rounds = 0;
  do {
    GCObject *w;
    GCObject *next = g->ephemeron;
    g->ephemeron = NULL;
    changed = 0;
    while ((w = next) != NULL) {
      Table *h = gco2t(w);
      next = h->gclist;
      set2black(h);
      if (traverseephemeron(g, h, dir)) {
        propagateall(g);
        changed = 1;
      }
    }
    dir = !dir;
    if (changed && g->ephemeron != NULL && ++rounds >= EPHROUNDS) {
      if (convergeindexed(g))
        return;
      rounds = 0;  /* out of memory: plain rounds for a while */
    }
  } while (changed);
}

/* ---- weak table clearing ---- */

/* An emptied hash entry keeps its key, dead, so that next() can go on. */
static void dropemptykey(Node *n) {
  if (isempty(gval(n)))
    clearkey(n);
}

/* empties the entries of h whose key is collected */
static void clearkeysof(global_State *g, Table *h) {
  Node *n, *end = gnodelast(h);
  for (n = gnode(h, 0); n != end; n++) {
    if (iscleared(g, gcvalueN(gkey(n))))
      setempty(gval(n));
    dropemptykey(n);
  }
}

/* empties the slots of h (both parts) whose value is collected */
static void clearvaluesof(global_State *g, Table *h) {
  Node *n, *end = gnodelast(h);
  TValue *v, *vend = h->array + h->asize;
  for (v = h->array; v != vend; v++)
    if (iscleared(g, gcvalueN(v)))
      setempty(v);
  for (n = gnode(h, 0); n != end; n++) {
    if (iscleared(g, gcvalueN(gval(n))))
      setempty(gval(n));
    dropemptykey(n);
  }
}

/* over the tables of a gclist-linked list */
static void clearbykeys(global_State *g, GCObject *list) {
  for (; list != NULL; list = gco2t(list)->gclist)
    clearkeysof(g, gco2t(list));
}

/* same, up to (not including) stop */
static void clearbyvalues(global_State *g, GCObject *list, GCObject *stop) {
  for (; list != stop; list = gco2t(list)->gclist)
    clearvaluesof(g, gco2t(list));
}

/* ---- freeing and sweeping ---- */

/* Frees one heap object.  Types owning separate blocks have their own free
** function; the rest are one block whose size follows from the header. */
void tyC_freeobj(lua_State *L, GCObject *o) {
  size_t size;
  if (isimage(o))
    return;  /* the allocator never owned it */
  switch (o->tt) {
    case TY_VTABLE: tyH_free(L, gco2t(o)); return;
    case TY_VPROTO: tyF_freeproto(L, gco2p(o)); return;
    case TY_VTHREAD: tyE_freethread(L, gco2th(o)); return;
    case TY_VLCL: size = sizeLclosure(gco2lcl(o)->nupvalues); break;
    case TY_VCCL: size = sizeCclosure(gco2ccl(o)->nupvalues); break;
    case TY_VUSERDATA: size = sizeudata(gco2u(o)->nuvalue, gco2u(o)->len); break;
    case TY_VLNGSTR: size = sizelstring(gco2ts(o)->u.lnglen); break;
    case TY_VSHRSTR:
      tyS_remove(L, gco2ts(o));  /* out of the intern table first */
      size = sizelstring(gco2ts(o)->shrlen);
      break;
    case TY_VUPVAL:
      if (upisopen(gco2upv(o)))
        tyF_unlinkupval(gco2upv(o));
      size = sizeof(UpVal);
      break;
    default:
      tyassert(0);
      return;
  }
  tyM_freemem(L, o, size);
}

/* sweeps at most countin objects of list p: frees the dead (other white),
** whitens the survivors; returns where to continue (NULL at the end) */
static GCObject **sweeplist(lua_State *L, GCObject **p, int countin, int *countout) {
  global_State *g = G(L);
  int ow = otherwhite(g);
  int white = tyC_white(g);
  int i;
  for (i = 0; *p != NULL && i < countin; i++) {
    GCObject *curr = *p;
    int marked = curr->marked;
    if (isdeadm(ow, marked)) {
      *p = curr->next;
      tyC_freeobj(L, curr);
    }
    else {
      curr->marked = (lu_byte)((marked & ~maskcolors) | white);
      p = &curr->next;
    }
  }
  if (countout)
    *countout = i;
  return (*p == NULL) ? NULL : p;
}

/* Frees the dead objects at the start of list p and whitens the first live
** one, so that objects created from now on land before the sweep point.
** Returns where sweeping continues (NULL when the list is done). */
static GCObject **sweeptolive(lua_State *L, GCObject **p) {
  global_State *g = G(L);
  int deadwhite = otherwhite(g);
  GCObject *o;
  while ((o = *p) != NULL && isdeadm(deadwhite, o->marked)) {
    *p = o->next;
    tyC_freeobj(L, o);
  }
  if (o == NULL)
    return NULL;
  makewhite(g, o);
  return (o->next != NULL) ? &o->next : NULL;
}

static void checkSizes(lua_State *L, global_State *g) {
  if (!g->gcemergency && g->strt.nuse < g->strt.size / 4 && g->strt.size > 128) {
    l_mem olddebt = g->GCdebt;
    tyS_resize(L, g->strt.size / 2);
    g->GCestimate += (lu_mem)(g->GCdebt - olddebt);
  }
}

/* ---- finalizers ---- */

static GCObject *udata2finalize(global_State *g) {
  GCObject *o = g->tobefnz;
  g->tobefnz = o->next;
  o->next = g->allgc;  /* back to the normal list */
  g->allgc = o;
  resetbits(o->marked, bitmask(FINALIZEDBIT));
  if (issweepphase(g))
    makewhite(g, o);  /* it was black (marked for finalization) */
  return o;
}

static void dothecall(lua_State *L, void *ud) {
  (void)ud;
  tyD_callnoyield(L, L->top - 2, 0);
}

static void GCTM(lua_State *L) {
  global_State *g = G(L);
  const TValue *tm;
  TValue v;
  setgcovalue(&v, udata2finalize(g));
  tm = tyT_gettmbyobj(L, &v, TM_GC);
  if (!notm(tm)) {
    int status;
    lu_byte oldah = L->allowhook;
    lu_byte oldgcstp = g->gcstp;
    g->gcstp |= GCSTPGC;  /* no collection steps inside a finalizer */
    L->allowhook = 0;
    setobj2s(L, L->top, tm);
    L->top++;
    setobj2s(L, L->top, &v);
    L->top++;
    L->ci->callstatus |= CIST_FIN;
    status = tyD_pcall(L, dothecall, NULL, savestack(L, L->top - 2), 0);
    L->ci->callstatus &= (unsigned short)~CIST_FIN;
    L->allowhook = oldah;
    g->gcstp = oldgcstp;
    if (l_unlikely(status != LUA_OK)) {
      tyE_warnerror(L, "__gc");
      L->top--;  /* pop the error object */
    }
  }
}

static int runafewfinalizers(lua_State *L, int n) {
  global_State *g = G(L);
  int i;
  for (i = 0; i < n && g->tobefnz; i++)
    GCTM(L);
  return i;
}

static void callallpendingfinalizers(lua_State *L) {
  global_State *g = G(L);
  while (g->tobefnz)
    GCTM(L);
}

static GCObject **findlast(GCObject **p) {
  while (*p != NULL)
    p = &(*p)->next;
  return p;
}

/* moves unreachable (or all) objects of finobj to the end of tobefnz */
static void separatetobefnz(global_State *g, int all) {
  GCObject *curr;
  GCObject **p = &g->finobj;
  GCObject **lastnext = findlast(&g->tobefnz);
  while ((curr = *p) != NULL) {
    if (!(iswhite(curr) || all))
      p = &curr->next;  /* still reachable */
    else {
      *p = curr->next;
      curr->next = *lastnext;
      *lastnext = curr;
      lastnext = &curr->next;
    }
  }
}

void tyC_checkfinalizer(lua_State *L, GCObject *o, Table *mt) {
  global_State *g = G(L);
  GCObject **p;
  if (tofinalize(o) || isimage(o) || gfasttm(g, mt, TM_GC) == NULL ||
      (g->gcstp & GCSTPCLS))
    return;
  if (issweepphase(g)) {
    makewhite(g, o);  /* "sweep" it now */
    if (g->sweepgc == &o->next)  /* the sweep pointer must not follow o */
      g->sweepgc = sweeptolive(L, g->sweepgc);
  }
  for (p = &g->allgc; *p != o; p = &(*p)->next) { /* find o */ }
  *p = o->next;
  o->next = g->finobj;
  g->finobj = o;
  setbits(o->marked, bitmask(FINALIZEDBIT));
}

/* ---- the cycle ---- */

static void setpause(global_State *g) {
  l_mem threshold, debt;
  l_mem pause = g->gcpause;
  l_mem estimate = (l_mem)(g->GCestimate / PAUSEADJ);
  if (estimate <= 0)
    estimate = 1;
  threshold = (pause < MAX_LMEM / estimate) ? estimate * pause : MAX_LMEM;
  debt = (l_mem)gettotalbytes(g) - threshold;
  if (debt > 0)
    debt = 0;
  tyE_setdebt(g, debt);
}

static void entersweep(lua_State *L) {
  global_State *g = G(L);
  g->gcstate = GCSswpallgc;
  g->sweepgc = sweeptolive(L, &g->allgc);
}

static lu_mem atomic(lua_State *L) {
  global_State *g = G(L);
  lu_mem work = 0;
  GCObject *origweak, *origall, *o;
  GCObject *grayagain = g->grayagain;
  g->grayagain = NULL;
  g->gcstate = GCSatomic;
  markobject(g, L);  /* the running thread */
  markglobalroots(g);
  work += propagateall(g);
  work += remarkupvals(g);
  work += propagateall(g);
  g->gray = grayagain;
  work += propagateall(g);
  work += traverseremembered(g);
  work += propagateall(g);
  convergeephemerons(g);
  /* every strongly reachable object is marked now */
  clearbyvalues(g, g->weak, NULL);
  clearbyvalues(g, g->allweak, NULL);
  origweak = g->weak;
  origall = g->allweak;
  separatetobefnz(g, 0);
  work += markbeingfnz(g);  /* resurrect objects to be finalized */
  work += propagateall(g);
  convergeephemerons(g);
  /* resurrected objects stay in weak values; keys are cleared */
  clearbykeys(g, g->ephemeron);
  clearbykeys(g, g->allweak);
  clearbyvalues(g, g->weak, origweak);
  clearbyvalues(g, g->allweak, origall);
  tyS_clearcache(g);
  for (o = g->remembered; o != NULL; o = o->next)
    set2black(o);  /* traversal may have grayed them; image objects stay black */
  g->currentwhite = (lu_byte)otherwhite(g);  /* flip the current white */
  return work;
}

static int sweepstep(lua_State *L, global_State *g, int nextstate, GCObject **nextlist) {
  if (g->sweepgc) {
    l_mem olddebt = g->GCdebt;
    int count;
    g->sweepgc = sweeplist(L, g->sweepgc, GCSWEEPMAX, &count);
    g->GCestimate += (lu_mem)(g->GCdebt - olddebt);  /* freed memory */
    return count;
  }
  g->gcstate = (lu_byte)nextstate;
  g->sweepgc = nextlist;
  return 0;
}

static lu_mem singlestep(lua_State *L) {
  global_State *g = G(L);
  lu_mem work;
  lu_byte oldstopem = g->gcstopem;
  g->gcstopem = 1;  /* no emergency collections while collecting */
  switch (g->gcstate) {
    case GCSpause:
      restartcollection(g);
      g->gcstate = GCSpropagate;
      work = 1;
      break;
    case GCSpropagate:
      if (g->gray == NULL) {
        g->gcstate = GCSenteratomic;
        work = 0;
      }
      else
        work = propagatemark(g);
      break;
    case GCSenteratomic:
      work = atomic(L);
      entersweep(L);
      g->GCestimate = gettotalbytes(g);
      break;
    case GCSswpallgc:
      work = (lu_mem)sweepstep(L, g, GCSswpfinobj, &g->finobj);
      break;
    case GCSswpfinobj:
      work = (lu_mem)sweepstep(L, g, GCSswptobefnz, &g->tobefnz);
      break;
    case GCSswptobefnz:
      work = (lu_mem)sweepstep(L, g, GCSswpend, NULL);
      break;
    case GCSswpend:
      checkSizes(L, g);
      g->gcstate = GCScallfin;
      work = 0;
      break;
    case GCScallfin:
      if (g->tobefnz && !g->gcemergency) {
        g->gcstopem = oldstopem;  /* finalizers may allocate freely */
        work = (lu_mem)runafewfinalizers(L, GCFINMAX) * GCFINALIZECOST;
      }
      else {
        g->gcstate = GCSpause;
        work = 0;
      }
      break;
    default:
      tyassert(0);
      work = 0;
  }
  g->gcstopem = oldstopem;
  return work;
}

void tyC_runtilstate(lua_State *L, int statesmask) {
  global_State *g = G(L);
  while (!(statesmask & bitmask(g->gcstate)))
    singlestep(L);
}

/* work proportional to the debt, in units of WORK2MEM bytes */
static void incstep(lua_State *L, global_State *g) {
  l_mem stepmul = (g->gcstepmul | 1);  /* avoid division by 0 */
  l_mem debt = (g->GCdebt / WORK2MEM) * stepmul;
  l_mem stepsize = (g->gcstepsize <= 40)
                 ? (((l_mem)1 << g->gcstepsize) / WORK2MEM) * stepmul
                 : MAX_LMEM;
  do {
    lu_mem work = singlestep(L);
    debt -= (l_mem)work;
#ifdef TY_GCSTRESS  /* debugging aid: verify the invariant after every step */
    if (tyC_checkheap(L) != 0)
      abort();
#endif
  } while (debt > -stepsize && g->gcstate != GCSpause);
  if (g->gcstate == GCSpause)
    setpause(g);
  else {
    debt = (debt / stepmul) * WORK2MEM;
    tyE_setdebt(g, debt);
  }
}

void tyC_step(lua_State *L) {
  global_State *g = G(L);
  if (!gcrunning(g))
    tyE_setdebt(g, -2000);  /* avoid being called again too soon */
  else
    incstep(L, g);
}

void tyC_fullgc(lua_State *L, int isemergency) {
  global_State *g = G(L);
  g->gcemergency = (lu_byte)isemergency;
  if (keepinvariant(g))  /* marking in progress? sweep to whiten everything */
    entersweep(L);
  tyC_runtilstate(L, bitmask(GCSpause));  /* finish any pending sweep */
  tyC_runtilstate(L, bitmask(GCScallfin));  /* a whole cycle up to finalizers */
  tyC_runtilstate(L, bitmask(GCSpause));  /* finalizers (not in emergencies) */
  setpause(g);
  g->gcemergency = 0;
}

void tyC_changemode(lua_State *L, int newmode) {
  G(L)->gckind = (lu_byte)newmode;  /* recorded only: collection stays incremental */
}

static void deletelist(lua_State *L, GCObject *p, GCObject *limit) {
  while (p != limit) {
    GCObject *next = p->next;
    tyC_freeobj(L, p);
    p = next;
  }
}

void tyC_freeallobjects(lua_State *L) {
  global_State *g = G(L);
  g->gcstp = GCSTPCLS;  /* no new finalizers from here on */
  separatetobefnz(g, 1);
  callallpendingfinalizers(L);
  deletelist(L, g->allgc, obj2gco(g->mainthread));
  g->allgc = obj2gco(g->mainthread);
  g->mainthread->next = NULL;
  deletelist(L, g->finobj, NULL);
  g->finobj = NULL;
  deletelist(L, g->fixedgc, NULL);
  g->fixedgc = NULL;
  /* image objects written after load may own heap parts (a resized table's
  ** vectors, a resumed thread's stack); tyC_freeobj frees just those, as the
  ** allocator never frees image memory */
  while (g->remembered != NULL) {
    GCObject *o = g->remembered;
    g->remembered = o->next;
    resetbits(o->marked, bitmask(TY_IMAGEBIT));  /* lets tyC_freeobj past its image guard */
    tyC_freeobj(L, o);
  }
}

/* ---- heap check ---- */

static int checkref(global_State *g, GCObject *from, GCObject *to) {
  if (to == NULL || isimage(to))
    return 0;
  if (isblack(from) && iswhite(to)) {
    tyassert(!"black object points to a white one");
    return 1;
  }
  if (isdead(g, to) && !issweepphase(g)) {
    tyassert(!"reference to a dead object");
    return 1;
  }
  return 0;
}

#define checkval(g, f, v) (iscollectable(v) ? checkref(g, f, gcvalue(v)) : 0)

static int checkobj(global_State *g, GCObject *o) {
  int bad = 0;
  int i;
  switch (o->tt) {
    case TY_VTABLE: {
      Table *h = gco2t(o);
      unsigned int j;
      bad += (h->metatable ? checkref(g, o, obj2gco(h->metatable)) : 0);
      if (gfasttm(g, h->metatable, TM_MODE) != NULL)
        break;  /* weak tables may point to white objects until cleared */
      for (j = 0; j < h->asize; j++)
        bad += checkval(g, o, &h->array[j]);
      for (j = 0; j < allocsizenode(h); j++) {
        Node *n = gnode(h, j);
        if (!isempty(gval(n))) {
          bad += checkval(g, o, gkey(n));
          bad += checkval(g, o, gval(n));
        }
      }
      break;
    }
    case TY_VUSERDATA: {
      Udata *u = gco2u(o);
      bad += (u->metatable ? checkref(g, o, obj2gco(u->metatable)) : 0);
      for (i = 0; i < u->nuvalue; i++)
        bad += checkval(g, o, &u->uv[i]);
      break;
    }
    case TY_VLCL: {
      LClosure *cl = gco2lcl(o);
      bad += (cl->p ? checkref(g, o, obj2gco(cl->p)) : 0);
      for (i = 0; i < cl->nupvalues; i++)
        bad += (cl->upvals[i] ? checkref(g, o, obj2gco(cl->upvals[i])) : 0);
      break;
    }
    case TY_VCCL: {
      CClosure *cl = gco2ccl(o);
      for (i = 0; i < cl->nupvalues; i++)
        bad += checkval(g, o, &cl->upvalue[i]);
      break;
    }
    case TY_VPROTO: {
      Proto *f = gco2p(o);
      bad += (f->source ? checkref(g, o, obj2gco(f->source)) : 0);
      for (i = 0; i < f->sizek; i++)
        bad += checkval(g, o, &f->k[i]);
      for (i = 0; i < f->sizep; i++)
        bad += (f->p[i] ? checkref(g, o, obj2gco(f->p[i])) : 0);
      break;
    }
    case TY_VUPVAL: {
      UpVal *uv = gco2upv(o);
      if (!upisopen(uv))
        bad += checkval(g, o, uv->v);
      break;
    }
    default:  /* strings point to nothing; threads are gray until atomic */
      break;
  }
  return bad;
}

int tyC_checkheap(lua_State *L) {
  global_State *g = G(L);
  GCObject *o;
  int bad = 0;
  GCObject *lists[3];
  int l;
  if (!keepinvariant(g))
    return 0;  /* invariant holds only while marking */
  lists[0] = g->allgc;
  lists[1] = g->finobj;
  lists[2] = g->tobefnz;
  for (l = 0; l < 3; l++) {
    for (o = lists[l]; o != NULL; o = o->next) {
      if (isimage(o)) {
        tyassert(!"image object on a sweep list");
        bad++;
      }
      if (isdead(g, o)) {
        tyassert(!"dead object while marking");
        bad++;
      }
      if (isblack(o))
        bad += checkobj(g, o);
    }
  }
  return bad;
}
