/* mem.h: the single allocation entry point; failure raises "not enough memory" after an emergency GC. */
#ifndef TY_MEM_H
#define TY_MEM_H

#include "obj.h"

/* All runtime allocations go through these.  They keep g->GCdebt exact so
** collectgarbage("count") is accurate, honour g->memlimit, run an emergency
** collection on failure and, if that does not help, raise LUA_ERRMEM. */
/* tyM_realloc_ raises LUA_ERRMEM on failure, except while g->gcstopem is set
** (inside the collector, or a region that must not throw): then it returns
** NULL and leaves the old block untouched.  tyM_tryrealloc_ always returns
** NULL on failure (after an emergency collection when allowed). */
void *tyM_realloc_(lua_State *L, void *block, size_t oldsize, size_t size);
void *tyM_tryrealloc_(lua_State *L, void *block, size_t oldsize, size_t size);
void *tyM_saferealloc_(lua_State *L, void *block, size_t oldsize, size_t size); /* same, never NULL */
void *tyM_malloc_(lua_State *L, size_t size, int tag);  /* tag: object type, for allocator hints */
void tyM_free_(lua_State *L, void *block, size_t osize);
void *tyM_growaux_(lua_State *L, void *block, int nelems, int *size, int size_elem, int limit, const char *what);
void *tyM_shrinkvector_(lua_State *L, void *block, int *nelem, int final_n, int size_elem);
l_noret tyM_toobig(lua_State *L);

#define tyM_new(L, t)          ((t *)tyM_malloc_(L, sizeof(t), 0))
#define tyM_newvector(L, n, t) ((t *)tyM_malloc_(L, (size_t)(n) * sizeof(t), 0))
#define tyM_freemem(L, b, s)   tyM_free_(L, (b), (s))
#define tyM_free(L, b)         tyM_free_(L, (b), sizeof(*(b)))
#define tyM_freearray(L, b, n) tyM_free_(L, (b), (size_t)(n) * sizeof(*(b)))
#define tyM_reallocvector(L, v, oldn, n, t) \
  ((v) = (t *)tyM_realloc_(L, v, (size_t)(oldn) * sizeof(t), (size_t)(n) * sizeof(t)))
/* grows vector v (of current size `size`, `nelems` in use) to fit one more */
#define tyM_growvector(L, v, nelems, size, t, limit, e) \
  ((v) = (t *)tyM_growaux_(L, v, nelems, &(size), sizeof(t), limit, e))
#define tyM_shrinkvector(L, v, size, fs, t) \
  ((v) = (t *)tyM_shrinkvector_(L, v, &(size), fs, sizeof(t)))

#endif
