/* mem.c: the single allocation path: exact GC debt accounting, memory limit, emergency collection. */
#include <string.h>
#include "mem.h"
#include "gc.h"
#include "../vm/do.h"
#include "../vm/debug.h"
#include "../image/image.h"

#define MINSIZEARRAY 4
#define MAX_SIZET ((size_t)~(size_t)0)

/* the state is fully built (nilvalue becomes a real nil at the end of lua_newstate) */
#define completestate(g) ttisnil(&(g)->nilvalue)

/* would growing a block by `delta` bytes cross the memory limit? */
static int overlimit(global_State *g, size_t delta) {
  return g->memlimit != 0 && gettotalbytes(g) + delta > g->memlimit;
}

/* one allocation attempt honouring the limit; NULL on failure */
static void *rawalloc(global_State *g, void *block, size_t osize, size_t nsize) {
  size_t realos = (block == NULL) ? 0 : osize;
  if (nsize > realos && overlimit(g, nsize - realos))
    return NULL;
  return g->frealloc(g->ud, block, osize, nsize);
}

/* allocation failed: collect everything (not finalizers) and try once more */
static void *tryagain(lua_State *L, void *block, size_t osize, size_t nsize) {
  global_State *g = G(L);
  if (completestate(g) && !g->gcstopem) {
    tyC_fullgc(L, 1);
    return rawalloc(g, block, osize, nsize);
  }
  return NULL;
}

/* image memory is never given to the allocator: "realloc" = new block + copy */
#define inimage(g, b) ((g)->image != NULL && tyI_inimage((const TyImage *)(g)->image, (b)))

static void *reallocimage(lua_State *L, void *block, size_t osize, size_t nsize) {
  global_State *g = G(L);
  void *newblock;
  if (nsize == 0)
    return NULL;  /* image memory is not counted: nothing to give back */
  newblock = rawalloc(g, NULL, 0, nsize);
  if (l_unlikely(newblock == NULL)) {
    newblock = tryagain(L, NULL, 0, nsize);
    if (newblock == NULL)
      return NULL;
  }
  memcpy(newblock, block, osize < nsize ? osize : nsize);
  g->GCdebt += (l_mem)nsize;
  return newblock;
}

void *tyM_tryrealloc_(lua_State *L, void *block, size_t osize, size_t nsize) {
  global_State *g = G(L);
  size_t realos = (block == NULL) ? 0 : osize;
  void *newblock;
  if (block != NULL && inimage(g, block))
    return reallocimage(L, block, osize, nsize);
  if (nsize == 0) {  /* freeing never fails */
    if (block != NULL) {
      g->frealloc(g->ud, block, osize, 0);
      g->GCdebt -= (l_mem)realos;
    }
    return NULL;
  }
  newblock = rawalloc(g, block, osize, nsize);
  if (l_unlikely(newblock == NULL)) {
    newblock = tryagain(L, block, osize, nsize);
    if (newblock == NULL)
      return NULL;  /* old block (if any) is untouched */
  }
  g->GCdebt += (l_mem)nsize - (l_mem)realos;
  return newblock;
}

void *tyM_realloc_(lua_State *L, void *block, size_t osize, size_t nsize) {
  void *newblock = tyM_tryrealloc_(L, block, osize, nsize);
  if (l_unlikely(newblock == NULL && nsize > 0 && !G(L)->gcstopem))
    tyD_throw(L, LUA_ERRMEM);
  return newblock;
}

void *tyM_saferealloc_(lua_State *L, void *block, size_t osize, size_t nsize) {
  void *newblock = tyM_tryrealloc_(L, block, osize, nsize);
  if (l_unlikely(newblock == NULL && nsize > 0))
    tyD_throw(L, LUA_ERRMEM);
  return newblock;
}

void *tyM_malloc_(lua_State *L, size_t size, int tag) {
  global_State *g;
  void *newblock;
  if (size == 0)
    return NULL;
  g = G(L);
  /* as lua_Alloc documents: osize carries the object type when ptr is NULL */
  newblock = rawalloc(g, NULL, (size_t)tag, size);
  if (l_unlikely(newblock == NULL)) {
    newblock = tryagain(L, NULL, (size_t)tag, size);
    if (newblock == NULL)
      tyD_throw(L, LUA_ERRMEM);
  }
  g->GCdebt += (l_mem)size;
  return newblock;
}

void tyM_free_(lua_State *L, void *block, size_t osize) {
  global_State *g = G(L);
  if (block == NULL || inimage(g, block))
    return;
  g->frealloc(g->ud, block, osize, 0);
  g->GCdebt -= (l_mem)osize;
}

l_noret tyM_toobig(lua_State *L) {
  tyG_runerror(L, "memory allocation error: block too big");
}

void *tyM_growaux_(lua_State *L, void *block, int nelems, int *psize,
                   int size_elems, int limit, const char *what) {
  int size = *psize;
  void *newblock;
  if (nelems + 1 <= size)  /* still room for one more? */
    return block;
  if (size >= limit / 2) {  /* cannot double it? */
    if (l_unlikely(size >= limit))
      tyG_runerror(L, "too many %s (limit is %d)", what, limit);
    size = limit;
  }
  else {
    size *= 2;
    if (size < MINSIZEARRAY)
      size = MINSIZEARRAY;
  }
  if ((size_t)size > MAX_SIZET / (size_t)size_elems)
    tyM_toobig(L);
  newblock = tyM_saferealloc_(L, block, (size_t)(*psize) * (size_t)size_elems,
                              (size_t)size * (size_t)size_elems);
  *psize = size;
  return newblock;
}

void *tyM_shrinkvector_(lua_State *L, void *block, int *size, int final_n, int size_elem) {
  size_t oldsize = (size_t)(*size) * (size_t)size_elem;
  size_t newsize = (size_t)final_n * (size_t)size_elem;
  void *newblock;
  if (final_n >= *size)
    return block;
  newblock = tyM_saferealloc_(L, block, oldsize, newsize);
  *size = final_n;
  return newblock;
}
