/* gc.h: the incremental collector's interface: object creation, barriers, steps, finalizers. */
#ifndef TY_GC_H
#define TY_GC_H

#include "state.h"

/*
** Tri-color invariant (incremental mode): a black object never points to a
** white one.  Writes into black objects go through tyC_barrier (forward: mark
** the new value) or tyC_barrierback (backward: re-gray the table).  Image
** objects (TY_IMAGEBIT) count as permanently black; a write that makes one
** point to a white object goes through the same barriers, which put it on
** g->remembered instead of graying it (issue 4).
*/

/* bits of GCObject.marked */
#define WHITE0BIT 3
#define WHITE1BIT 4
#define BLACKBIT  5
#define FINALIZEDBIT 6
#define TY_IMAGEBIT 7   /* object lives in a loaded image: never freed, never swept */
#define AGEBITS 7       /* low 3 bits: age in generational mode */
/* Image objects: marked = bitmask(TY_IMAGEBIT) | bitmask(BLACKBIT) (never white).
** Their `next` field belongs to the collector: it links g->remembered (the
** loader must leave it NULL); bit TY_REMEMBIT says the object is on that list. */
#define TY_REMEMBIT 0

#define bitmask(b)   (1 << (b))
#define bit2mask(b1, b2) (bitmask(b1) | bitmask(b2))
#define WHITEBITS    bit2mask(WHITE0BIT, WHITE1BIT)
#define iswhite(x)   ((x)->marked & WHITEBITS)
#define isblack(x)   ((x)->marked & bitmask(BLACKBIT))
#define isgray(x)    (!((x)->marked & (WHITEBITS | bitmask(BLACKBIT))))
#define isimage(x)   ((x)->marked & bitmask(TY_IMAGEBIT))
#define tofinalize(x) ((x)->marked & bitmask(FINALIZEDBIT))
#define otherwhite(g) ((g)->currentwhite ^ WHITEBITS)
#define isdeadm(ow, m) ((m) & (ow))
#define isdead(g, v) isdeadm(otherwhite(g), (v)->marked)
#define tyC_white(g) ((lu_byte)((g)->currentwhite & WHITEBITS))

/* gcstp bits */
#define GCSTPUSR 1   /* stopped by the user (collectgarbage "stop") */
#define GCSTPGC  2   /* stopped while running a finalizer */
#define GCSTPCLS 4   /* stopped while closing the state */
#define gcrunning(g) ((g)->gcstp == 0)

/* Performs a GC step if debt is positive.  Call at allocation points. */
#define tyC_condGC(L, pre, pos) \
  { if (G(L)->GCdebt > 0) { pre; tyC_step(L); pos; } }
#define tyC_checkGC(L) tyC_condGC(L, (void)0, (void)0)

#define tyC_barrier(L, p, v) \
  ((iscollectable(v) && isblack(obj2gco(p)) && iswhite(gcvalue(v))) ? \
   tyC_barrier_(L, obj2gco(p), gcvalue(v)) : (void)0)
#define tyC_barrierback(L, p, v) \
  ((iscollectable(v) && isblack(obj2gco(p)) && iswhite(gcvalue(v))) ? \
   tyC_barrierback_(L, obj2gco(p)) : (void)0)
#define tyC_objbarrier(L, p, o) \
  ((isblack(obj2gco(p)) && iswhite(obj2gco(o))) ? \
   tyC_barrier_(L, obj2gco(p), obj2gco(o)) : (void)0)

GCObject *tyC_newobj(lua_State *L, int tt, size_t sz);  /* allocates and links into allgc */
/* same, for an object that starts `offset` bytes into its block (threads with extra space) */
GCObject *tyC_newobjdt(lua_State *L, int tt, size_t sz, size_t offset);
/* counts violations of the tri-color invariant (asserts in TY_DEBUG builds); 0 = heap ok */
int tyC_checkheap(lua_State *L);
void tyC_fix(lua_State *L, GCObject *o);                /* moves a new object to fixedgc (image objects: no-op) */
void tyC_remember(global_State *g, GCObject *o);        /* puts an image object on g->remembered */
void tyC_step(lua_State *L);
void tyC_fullgc(lua_State *L, int isemergency);
void tyC_runtilstate(lua_State *L, int statesmask);
void tyC_freeallobjects(lua_State *L);
void tyC_barrier_(lua_State *L, GCObject *o, GCObject *v);
void tyC_barrierback_(lua_State *L, GCObject *o);
/* called by setmetatable when mt has __gc: moves o to the finobj list */
void tyC_checkfinalizer(lua_State *L, GCObject *o, Table *mt);
void tyC_changemode(lua_State *L, int newmode);  /* KGC_INC or KGC_GEN */
/* frees one object (sweep / state close); knows every type's layout */
void tyC_freeobj(lua_State *L, GCObject *o);

#endif
