/* imgwrite.c: walks the heap from the roots and lays every object out as an image blob (imgfmt.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <dlfcn.h>
#include <link.h>
#include "tycho.h"
#include "image.h"
#include "../lib/regkeys.h"
#include "imgelf.h"
#include "../core/state.h"
#include "../core/gc.h"
#include "../core/tab.h"
#include "../core/str.h"
#include "../vm/opcodes.h"
#include "../vm/vm.h"

/*
** The writer never allocates Lua objects: the heap is frozen while it runs.
** Objects get their blob offset when first reached (a copy of their struct is
** appended at once), then a worklist fixes their fields: every pointer field
** gets (offset + 1) and an entry in the relocation table, every C function a
** builtin entry.  Offsets are blob offsets (the header comes first).
*/

/* a thread with its LUA_EXTRASPACE bytes, as state.c allocates it */
typedef struct LX {
  lu_byte extra_[LUA_EXTRASPACE];
  lua_State l;
} LX;

typedef struct U32Vec { uint32_t *p; size_t n, cap; } U32Vec;

typedef struct Map {            /* pointer -> blob offset, open addressing */
  const void **keys;
  uint32_t *vals;
  size_t cap, n;
} Map;

typedef struct W {
  lua_State *L;
  global_State *g;
  char *buf;
  size_t len, cap;
  U32Vec reloc, bins, fixups, shortstrs, work;
  GCObject **workobj;           /* source object of each work entry */
  uint32_t *parent;             /* work index of the object that reached it (errors) */
  size_t workcap;
  size_t cur;                   /* work index being processed (NOPARENT: roots) */
  Map objs;                     /* GCObject -> offset */
  Map cfuncs;                   /* lua_CFunction -> builtin id + 1 */
  const Table *filemt;          /* metatable of io handles */
  uint32_t counts[16];
  uint32_t typebytes[16];
  struct { char *path; void *handle; const char *base; } clibs[64];  /* C modules */
  int nclibs;
  TyImgCFunc *cf;               /* fields holding C-module code or handles */
  size_t ncf, cfcap;
  int curtype;                  /* type whose bytes append() counts (-1: none) */
  uint32_t nobjects;
  int failed;
  struct Inc *inc;              /* incremental write on a loaded image (NULL: whole session) */
  struct Later *later;          /* fields resolved once every object has its offset */
  size_t nlater, latercap;
  Map uvowner;                  /* open upvalue -> index + 1 in owners (built on demand) */
  lua_State **owners;
  size_t nowners;
  size_t dummy;                 /* the image's own empty hash part (0: not written yet) */
  GCObject *refowner;           /* the object whose fields are being written (NULL: roots) */
  const GCObject *clibstab;     /* registry._CLIBS: its __gc stays the loader's business */
  Map finown;                   /* objects referring to a pending finalizable object */
  GCObject **owners_f;
  size_t nowners_f, capowners_f;
  char *err;
  size_t errlen;
} W;

#define alignup(x, a) (((x) + (a) - 1) & ~(size_t)((a) - 1))

static int fail(W *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(W *w, const char *fmt, ...) {
  if (!w->failed) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->err, w->errlen, fmt, ap);
    va_end(ap);
    w->failed = 1;
  }
  return 0;
}

static int vpush(W *w, U32Vec *v, uint32_t x) {
  if (v->n == v->cap) {
    size_t nc = v->cap ? v->cap * 2 : 256;
    uint32_t *np = (uint32_t *)realloc(v->p, nc * sizeof(uint32_t));
    if (np == NULL) return fail(w, "not enough memory");
    v->p = np;
    v->cap = nc;
  }
  v->p[v->n++] = x;
  return 1;
}

/* makes room for `need` bytes in the blob buffer */
static int reserve(W *w, size_t need) {
  if (need > 0xFFFFFFF0u)
    return fail(w, "image too large (more than 4 GB)");
  if (need > w->cap) {
    size_t nc = w->cap ? w->cap : 65536;
    char *nb;
    while (nc < need) nc *= 2;
    nb = (char *)realloc(w->buf, nc);
    if (nb == NULL)
      return fail(w, "not enough memory");
    w->buf = nb;
    w->cap = nc;
  }
  return 1;
}

/* appends n bytes (copied from src, or zeros) aligned to TYIMG_ALIGN; returns the offset */
static size_t append(W *w, const void *src, size_t n) {
  size_t off = alignup(w->len, TYIMG_ALIGN);
  if (w->failed || !reserve(w, off + n)) return 0;
  memset(w->buf + w->len, 0, off - w->len);
  if (src != NULL) memcpy(w->buf + off, src, n);
  else memset(w->buf + off, 0, n);
  w->len = off + n;
  if (w->curtype >= 0) w->typebytes[w->curtype] += (uint32_t)n;
  return off;
}

/* ---- pointer map ---- */

static size_t hashptr(const void *p, size_t cap) {
  uint64_t u = (uint64_t)(uintptr_t)p;
  u ^= u >> 29;
  u *= 0xBF58476D1CE4E5B9ULL;
  u ^= u >> 32;
  return (size_t)u & (cap - 1);
}

static int mapput(W *w, Map *m, const void *k, uint32_t v) {
  size_t i;
  if ((m->n + 1) * 2 > m->cap) {  /* grow to keep the load under 1/2 */
    Map nm;
    size_t j;
    nm.cap = m->cap ? m->cap * 2 : 1024;
    nm.n = 0;
    nm.keys = (const void **)calloc(nm.cap, sizeof(void *));
    nm.vals = (uint32_t *)malloc(nm.cap * sizeof(uint32_t));
    if (nm.keys == NULL || nm.vals == NULL) {
      free(nm.keys);
      free(nm.vals);
      return fail(w, "not enough memory");
    }
    for (j = 0; j < m->cap; j++) {
      if (m->keys[j] != NULL) {
        size_t h = hashptr(m->keys[j], nm.cap);
        while (nm.keys[h] != NULL) h = (h + 1) & (nm.cap - 1);
        nm.keys[h] = m->keys[j];
        nm.vals[h] = m->vals[j];
        nm.n++;
      }
    }
    free(m->keys);
    free(m->vals);
    *m = nm;
  }
  i = hashptr(k, m->cap);
  while (m->keys[i] != NULL) {
    if (m->keys[i] == k) {
      m->vals[i] = v;
      return 1;
    }
    i = (i + 1) & (m->cap - 1);
  }
  m->keys[i] = k;
  m->vals[i] = v;
  m->n++;
  return 1;
}

static int mapget(const Map *m, const void *k, uint32_t *v) {
  size_t i;
  if (m->cap == 0) return 0;
  i = hashptr(k, m->cap);
  while (m->keys[i] != NULL) {
    if (m->keys[i] == k) {
      *v = m->vals[i];
      return 1;
    }
    i = (i + 1) & (m->cap - 1);
  }
  return 0;
}

static void mapfree(Map *m) {
  free(m->keys);
  free(m->vals);
  m->keys = NULL;
  m->vals = NULL;
  m->cap = m->n = 0;
}

static int cmpu32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* ---- fields ---- */

#define BASEREF ((size_t)1 << 40)  /* ref(): an object of the base image (incremental) */
static U32Vec *increloc(W *w);

static void setptr(W *w, size_t field, size_t target) {
  uint64_t v = (uint64_t)(target & ~BASEREF) + 1;
  memcpy(w->buf + field, &v, 8);
  vpush(w, (target & BASEREF) ? increloc(w) : &w->reloc, (uint32_t)field);
}

/* adds d to the 8-byte fields of buf listed in v */
static void shiftfields(char *buf, const U32Vec *v, uint64_t d) {
  size_t i;
  for (i = 0; i < v->n; i++) {
    uint64_t x;
    memcpy(&x, buf + v->p[i], 8);
    x += d;
    memcpy(buf + v->p[i], &x, 8);
  }
}

static void setnull(W *w, size_t field) {
  memset(w->buf + field, 0, 8);
}

static void setbuiltin(W *w, size_t field, uint32_t id) {
  memset(w->buf + field, 0, 8);
  vpush(w, &w->bins, (uint32_t)field);
  vpush(w, &w->bins, id);
}

/* the C module (in registry._CLIBS) whose code holds p, or -1 */
static int findclib(W *w, const void *p) {
  Dl_info info;
  int k;
  if (dladdr(p, &info) == 0) return -1;
  for (k = 0; k < w->nclibs; k++)
    if ((const char *)info.dli_fbase == w->clibs[k].base) return k;
  return -1;
}

static void addcfunc(W *w, size_t field, int lib, uint64_t fnoff) {
  TyImgCFunc e;
  size_t need = (w->ncf + 1) * sizeof(TyImgCFunc);
  if (need > w->cfcap) {
    size_t nc = w->cfcap ? w->cfcap * 2 : 64 * sizeof(TyImgCFunc);
    TyImgCFunc *np = (TyImgCFunc *)realloc(w->cf, nc);
    if (np == NULL) { fail(w, "not enough memory"); return; }
    w->cf = np;
    w->cfcap = nc;
  }
  e.off = (uint32_t)field;
  e.lib = (uint32_t)lib;
  e.fnoff = fnoff;
  w->cf[w->ncf++] = e;
  memset(w->buf + field, 0, 8);
}

/* a field holding C function f: a builtin, or code of a loaded C module */
static int setcfunc(W *w, size_t field, lua_CFunction f) {
  void *p;
  uint32_t id;
  int k;
  memcpy(&p, &f, sizeof(p));
  if (mapget(&w->cfuncs, p, &id)) {
    setbuiltin(w, field, id - 1);
    return 1;
  }
  k = findclib(w, p);
  if (k >= 0) {
    addcfunc(w, field, k, (uint64_t)((const char *)p - w->clibs[k].base));
    return 1;
  }
  {
    Dl_info info;
    int found = dladdr(p, &info) != 0;
    const char *where = found && info.dli_fname ? info.dli_fname : "unknown object";
    const char *name = found && info.dli_sname ? info.dli_sname : "?";
    return fail(w, "cannot write C function %p (%s in %s): not a builtin nor in a C module "
                   "loaded by require", p, name, where);
  }
}

static size_t ref(W *w, GCObject *o);
static size_t incref(W *w, GCObject *o);

/* an object of a loaded image: an image object, or one that left the image at
** load because its finalizer was pending (it keeps its address in the image) */
static int fromimage(W *w, const GCObject *o) {
  return isimage(o) || tyI_inimage((const TyImage *)w->g->image, o);
}
static GCObject *incforce(W *w);

/* a TValue at `field` whose source is src (the bytes are already copied) */
static void fixtv(W *w, size_t field, const TValue *src) {
  if (iscollectable(src)) {
    GCObject *o = gcvalue(src);
    if (o == obj2gco(w->g->mainthread))
      setbuiltin(w, field, TYIMG_XBASE + TYIMG_X_MAINTHREAD);
    else {
      size_t off = ref(w, o);
      if (!w->failed) setptr(w, field, off);
    }
  }
  else if (ttislcf(src)) {
    setcfunc(w, field, fvalue(src));
  }
  else if (ttislightuserdata(src)) {
    int k;
    for (k = 0; k < w->nclibs; k++)
      if (pvalue(src) == w->clibs[k].handle) break;
    if (k < w->nclibs)  /* a C module's handle (registry._CLIBS) */
      addcfunc(w, field, k, TYIMG_CLIBHANDLE);
    else if (pvalue(src) != NULL)
      fail(w, "cannot write light userdata %p", pvalue(src));
  }
}

/* reserves and copies an object's struct; its fields are fixed later (worklist) */
/*
** Finalizers.  An object whose __gc is pending (tofinalize: on finobj) is
** listed in the finobjs area; at load it leaves the image again, as an
** ordinary collectable object on finobj, so it is finalized when it is
** collected and at lua_close, as in the session that wrote it.  Image
** objects are never traversed by the collector, so every object with a
** field pointing to one is listed too (finowners) and remembered at load.
** Two kinds stay out: io file handles (a saved one is a standard stream or
** closed: its __gc does nothing) and registry._CLIBS (the loader owns the
** reopened libraries and closes them after every finalizer).
*/
static int finpending(W *w, const GCObject *o) {
  if (!tofinalize(o) || o == w->clibstab) return 0;
  return !(o->tt == TY_VUSERDATA && gco2u(o)->metatable != NULL &&
           gco2u(o)->metatable == w->filemt);
}

static void noteowner(W *w, GCObject *owner) {
  uint32_t seen;
  if (mapget(&w->finown, owner, &seen)) return;
  if (w->nowners_f == w->capowners_f) {
    size_t nc = w->capowners_f ? w->capowners_f * 2 : 64;
    GCObject **np = (GCObject **)realloc(w->owners_f, nc * sizeof(GCObject *));
    if (np == NULL) { fail(w, "not enough memory"); return; }
    w->owners_f = np;
    w->capowners_f = nc;
  }
  w->owners_f[w->nowners_f++] = owner;
  mapput(w, &w->finown, owner, 1);
}

static size_t ref(W *w, GCObject *o) {
  uint32_t off;
  size_t sz, pre = 0;
  if (w->failed) return 0;
  if (w->refowner != NULL && finpending(w, o)) noteowner(w, w->refowner);
  if (w->inc != NULL && fromimage(w, o) && o != incforce(w)) return incref(w, o);
  if (mapget(&w->objs, o, &off)) return off;
  switch (o->tt) {
    case TY_VSHRSTR: sz = offsetof(TString, contents) + gco2ts(o)->shrlen + 1; break;
    case TY_VLNGSTR: sz = offsetof(TString, contents) + gco2ts(o)->u.lnglen + 1; break;
    case TY_VTABLE: sz = sizeof(Table); break;
    case TY_VLCL: sz = sizeLclosure(gco2lcl(o)->nupvalues); break;
    case TY_VCCL: sz = sizeCclosure(gco2ccl(o)->nupvalues); break;
    case TY_VUSERDATA: sz = sizeudata(gco2u(o)->nuvalue, gco2u(o)->len); break;
    case TY_VPROTO: sz = sizeof(Proto); break;
    case TY_VUPVAL: sz = sizeof(UpVal); break;
    case TY_VTHREAD: sz = sizeof(LX); pre = offsetof(LX, l); break;
    default:
      fail(w, "cannot write an object of type tag %d", o->tt);
      return 0;
  }
  {
    int saved = w->curtype;
    w->curtype = novariant(o->tt);
    off = (uint32_t)(append(w, (const char *)o - pre, sz) + pre);
    w->curtype = saved;
  }
  if (w->failed) return 0;
  {
    GCObject *c = (GCObject *)(w->buf + off);
    c->next = NULL;
    c->marked = (lu_byte)(bitmask(TY_IMAGEBIT) | bitmask(BLACKBIT));
  }
  mapput(w, &w->objs, o, off);
  if (w->work.n == w->workcap) {
    size_t nc = w->workcap ? w->workcap * 2 : 256;
    GCObject **np = (GCObject **)realloc(w->workobj, nc * sizeof(GCObject *));
    uint32_t *pp;
    if (np == NULL) {
      fail(w, "not enough memory");
      return 0;
    }
    w->workobj = np;
    pp = (uint32_t *)realloc(w->parent, nc * sizeof(uint32_t));
    if (pp == NULL) {
      fail(w, "not enough memory");
      return 0;
    }
    w->parent = pp;
    w->workcap = nc;
  }
  w->workobj[w->work.n] = o;
  w->parent[w->work.n] = (uint32_t)w->cur;
  vpush(w, &w->work, off);
  w->counts[novariant(o->tt)]++;
  w->nobjects++;
  if (o->tt == TY_VSHRSTR) vpush(w, &w->shortstrs, off);
  return off;
}

#define F(off, type, field) ((size_t)(off) + offsetof(type, field))

static void writetable(W *w, const Table *t, uint32_t off) {
  int rehash = 0;
  if (t->metatable) setptr(w, F(off, Table, metatable), ref(w, obj2gco(t->metatable)));
  setnull(w, F(off, Table, gclist));
  memcpy(w->buf + F(off, Table, alimit), &t->asize, sizeof(t->asize));  /* no '#' hint (tab.c) */
  if (t->asize > 0) {
    size_t a = append(w, t->array, sizeof(TValue) * t->asize);
    unsigned int i;
    if (w->failed) return;
    setptr(w, F(off, Table, array), a);
    for (i = 0; i < t->asize && !w->failed; i++)
      fixtv(w, a + i * sizeof(TValue), &t->array[i]);
  }
  else
    setnull(w, F(off, Table, array));
  if (t->lastfree == NULL) {  /* no hash part (lastfree NULL marks it, not the node's address) */
    if (w->dummy == 0) {  /* one empty node in the heap, shared like tab.c's: never written */
      w->dummy = append(w, tyH_dummynode(), sizeof(Node));
      if (w->failed) return;
    }
    setptr(w, F(off, Table, node), w->dummy);  /* a builtin would dirty a page per table */
    setnull(w, F(off, Table, lastfree));
  }
  else {
    unsigned int i, n = sizenode(t);
    size_t a = append(w, t->node, sizeof(Node) * n);
    if (w->failed) return;
    setptr(w, F(off, Table, node), a);
    setptr(w, F(off, Table, lastfree), a + (size_t)(t->lastfree - t->node) * sizeof(Node));
    for (i = 0; i < n && !w->failed; i++) {
      const Node *nd = &t->node[i];
      size_t na = a + i * sizeof(Node);
      if (isempty(gval(nd))) {
        if (iscollectable(gkey(nd)) || ttisdeadkey(gkey(nd))) {  /* dead key: keep the chain */
          Node *c = (Node *)(w->buf + na);
          c->i_key.value_.gc = NULL;
          settt_(&c->i_key, TY_TDEADKEY);
        }
        else if (ttislcf(gkey(nd)) || ttislightuserdata(gkey(nd))) {
          Node *c = (Node *)(w->buf + na);
          c->i_key.value_.gc = NULL;
          settt_(&c->i_key, TY_TDEADKEY);
        }
        continue;
      }
      if ((iscollectable(gkey(nd)) && !ttisstring(gkey(nd))) || ttislcf(gkey(nd)) ||
          ttislightuserdata(gkey(nd)))
        rehash = 1;  /* its position depends on an address */
      fixtv(w, na + offsetof(Node, i_key), gkey(nd));
      fixtv(w, na + offsetof(Node, i_val), gval(nd));
    }
  }
  if (rehash) vpush(w, &w->fixups, off);
}

/* vector of n elements of size es: copied, pointer set (or NULL when empty) */
static size_t writevec(W *w, size_t field, const void *v, size_t n, size_t es) {
  size_t a;
  if (n == 0 || v == NULL) {
    setnull(w, field);
    return 0;
  }
  a = append(w, v, n * es);
  if (!w->failed) setptr(w, field, a);
  return a;
}

static void writeproto(W *w, const Proto *f, uint32_t off) {
  size_t a;
  int i;
  setnull(w, F(off, Proto, gclist));
  setnull(w, F(off, Proto, jit));
  if (f->source) setptr(w, F(off, Proto, source), ref(w, obj2gco(f->source)));
  a = writevec(w, F(off, Proto, k), f->k, (size_t)f->sizek, sizeof(TValue));
  for (i = 0; i < f->sizek && !w->failed; i++)
    fixtv(w, a + (size_t)i * sizeof(TValue), &f->k[i]);
  writevec(w, F(off, Proto, code), f->code, (size_t)f->sizecode, sizeof(Instruction));
  a = writevec(w, F(off, Proto, p), f->p, (size_t)f->sizep, sizeof(Proto *));
  for (i = 0; i < f->sizep && !w->failed; i++)
    setptr(w, a + (size_t)i * sizeof(Proto *), ref(w, obj2gco(f->p[i])));
  a = writevec(w, F(off, Proto, upvalues), f->upvalues, (size_t)f->sizeupvalues, sizeof(Upvaldesc));
  for (i = 0; i < f->sizeupvalues && !w->failed; i++) {
    size_t fa = a + (size_t)i * sizeof(Upvaldesc) + offsetof(Upvaldesc, name);
    if (f->upvalues[i].name) setptr(w, fa, ref(w, obj2gco(f->upvalues[i].name)));
  }
  writevec(w, F(off, Proto, lineinfo), f->lineinfo, (size_t)f->sizelineinfo, sizeof(int));
  a = writevec(w, F(off, Proto, locvars), f->locvars, (size_t)f->sizelocvars, sizeof(LocVar));
  for (i = 0; i < f->sizelocvars && !w->failed; i++) {
    size_t fa = a + (size_t)i * sizeof(LocVar) + offsetof(LocVar, varname);
    if (f->locvars[i].varname) setptr(w, fa, ref(w, obj2gco(f->locvars[i].varname)));
  }
}

#define NOPARENT ((size_t)UINT32_MAX)

/* refuses a userdata whose memory may hold pointers, naming it and a path to it */
static void refuseudata(W *w, const Udata *u) {
  GCObject *chain[256];
  char where[300];
  const char *name = tyI_typename(u->metatable);
  size_t k = w->cur;
  int n = 0, i;
  while (k != NOPARENT && k < w->work.n && n < 256) {
    chain[n++] = w->workobj[k];
    k = w->parent[k];
  }
  for (i = 0; i < n / 2; i++) {  /* root first */
    GCObject *t = chain[i];
    chain[i] = chain[n - 1 - i];
    chain[n - 1 - i] = t;
  }
  tyI_describepath(w->L, chain, n, where, sizeof where);
  fail(w, "cannot write userdata '%s' (reachable from %s): its memory holds pointers "
       "(only io files and userdata declared with tycho_setimagesafe can be written)",
       name ? name : "(no __name)", where);
}

static void writeudata(W *w, const Udata *u, uint32_t off) {
  int i;
  size_t uvoff = off + sizeof(Udata);
  if (u->len > 0 && !u->imgsafe &&
      !(u->metatable != NULL && u->metatable == w->filemt && u->len == sizeof(luaL_Stream))) {
    const char *name = tyI_typename(u->metatable);
    if (name != NULL && strcmp(name, "lpeg-pattern") == 0 && u->len >= 16) {
      /* LPeg's Pattern starts with its compiled code (a pointer); the rest is a
      ** pointer-free tree.  NULL code: LPeg compiles the tree again at first use. */
      setnull(w, off + udatamemoffset(u->nuvalue));
    }
    else {
      refuseudata(w, u);
      return;
    }
  }
  setnull(w, F(off, Udata, gclist));
  if (u->metatable) setptr(w, F(off, Udata, metatable), ref(w, obj2gco(u->metatable)));
  setptr(w, F(off, Udata, uv), uvoff);
  for (i = 0; i < u->nuvalue && !w->failed; i++)
    fixtv(w, uvoff + (size_t)i * sizeof(TValue), &u->uv[i]);
  if (u->metatable != NULL && u->metatable == w->filemt && u->len == sizeof(luaL_Stream)) {
    /* io handle: standard streams are rebound at load, others come back closed */
    const luaL_Stream *s = (const luaL_Stream *)getudatamem(u);
    size_t mem = off + udatamemoffset(u->nuvalue);
    int x = -1;
    if (s->closef != NULL) {
      if (s->f == stdin) x = TYIMG_X_STDIN;
      else if (s->f == stdout) x = TYIMG_X_STDOUT;
      else if (s->f == stderr) x = TYIMG_X_STDERR;
    }
    if (x >= 0) {
      setbuiltin(w, mem + offsetof(luaL_Stream, f), TYIMG_XBASE + (uint32_t)x);
      setcfunc(w, mem + offsetof(luaL_Stream, closef), s->closef);
    }
    else {
      setnull(w, mem + offsetof(luaL_Stream, f));
      setnull(w, mem + offsetof(luaL_Stream, closef));
    }
  }
}

/* ---- threads ---- */

/*
** Fields that need the final offset of another object's parts: the pc of a
** suspended Lua frame (inside its prototype's code) and the links of an open
** upvalue (into its thread's stack and open list).
*/
typedef struct Later {
  int kind;
  uint32_t field;       /* LATER_PC: the savedpc field; else the object's offset */
  const void *src;      /* the Proto, lua_State or UpVal */
  size_t a;             /* LATER_PC: pc index; LATER_THREAD: stack offset */
} Later;
enum { LATER_PC, LATER_THREAD, LATER_OPENUV };

static void later(W *w, int kind, size_t field, const void *src, size_t a) {
  if (w->nlater == w->latercap) {
    size_t nc = w->latercap ? w->latercap * 2 : 64;
    Later *np = (Later *)realloc(w->later, nc * sizeof(Later));
    if (np == NULL) { fail(w, "not enough memory"); return; }
    w->later = np;
    w->latercap = nc;
  }
  w->later[w->nlater].kind = kind;
  w->later[w->nlater].field = (uint32_t)field;
  w->later[w->nlater].src = src;
  w->later[w->nlater].a = a;
  w->nlater++;
}

/* the thread whose open upvalue uv is (NULL: none found) */
static lua_State *uvowner(W *w, const UpVal *uv) {
  uint32_t k;
  if (w->owners == NULL) {  /* first open upvalue: map every open upvalue to its thread */
    lua_State *th;
    size_t n = 0;
    for (th = w->g->twups; th != NULL; th = th->twups) n++;
    w->owners = (lua_State **)calloc(n + 1, sizeof(lua_State *));
    if (w->owners == NULL) { fail(w, "not enough memory"); return NULL; }
    for (th = w->g->twups; th != NULL; th = th->twups) {
      UpVal *u;
      w->owners[w->nowners++] = th;
      for (u = th->openupval; u != NULL; u = u->u.open.next)
        mapput(w, &w->uvowner, u, (uint32_t)w->nowners);
    }
  }
  return mapget(&w->uvowner, uv, &k) ? w->owners[k - 1] : NULL;
}

/* an open upvalue: its thread is written too, the links are set by fixlater */
static void writeopenuv(W *w, const UpVal *uv, uint32_t off) {
  lua_State *th = uvowner(w, uv);
  if (w->failed) return;
  if (th == NULL || th == w->g->mainthread || th->status == LUA_OK) {
    fail(w, "cannot write an open upvalue of a running function (a local of the main "
            "chunk or of a running coroutine is captured)");
    return;
  }
  ref(w, obj2gco(th));
  later(w, LATER_OPENUV, off, uv, 0);
}

/* a suspended coroutine can be resumed from the image only if each frame
** can be finished without its C stack (see the unroll in vm/do.c) */
static int resumableframes(W *w, lua_State *th) {
  CallInfo *ci;
  for (ci = th->base_ci.next; ci != NULL; ci = ci->next) {
    if (ci->callstatus & (CIST_HOOKED | CIST_FIN | CIST_CLSRET | CIST_RECOVER))
      return fail(w, "cannot write a coroutine suspended inside a hook, a finalizer or "
                     "a __close handler");
    if (ci == th->ci) {
      if (isLua(ci))
        return fail(w, "cannot write a coroutine suspended in a Lua frame (a yield from a hook)");
      break;
    }
    if (isLua(ci)) {
      if (!tyV_canfinish(ci->u.l.savedpc[-1]))
        return fail(w, "cannot write a coroutine suspended inside a __close handler "
                       "(%s:%d): it cannot be restored",
                    ci_func(ci)->p->source ? getstr(ci_func(ci)->p->source) : "?",
                    ci_func(ci)->p->linedefined);
    }
    else if (ci->u.c.k == NULL)
      return fail(w, "cannot write a coroutine suspended across a C function without a "
                     "continuation (lua_callk/lua_pcallk)");
  }
  return 1;
}

/* the CallInfos above base_ci, as one array; func/top/pc fields into the copied stack */
static void writeframes(W *w, lua_State *th, uint32_t off, size_t stk) {
  CallInfo *ci;
  size_t n = 0, a, i;
  for (ci = th->base_ci.next; ci != NULL; ci = ci->next) {
    n++;
    if (ci == th->ci) break;
  }
  a = append(w, NULL, n * sizeof(CallInfo));
  for (ci = th->base_ci.next, i = 0; i < n && !w->failed; ci = ci->next, i++) {
    size_t e = a + i * sizeof(CallInfo);
    CallInfo *c = (CallInfo *)(w->buf + e);
    memcpy(c, ci, sizeof(CallInfo));
    setptr(w, F(e, CallInfo, func), stk + (size_t)(ci->func - th->stack) * sizeof(TValue));
    setptr(w, F(e, CallInfo, top), stk + (size_t)(ci->top - th->stack) * sizeof(TValue));
    setptr(w, F(e, CallInfo, previous), i == 0 ? F(off, lua_State, base_ci) : e - sizeof(CallInfo));
    if (i + 1 < n) setptr(w, F(e, CallInfo, next), e + sizeof(CallInfo));
    else setnull(w, F(e, CallInfo, next));
    if (isLua(ci)) {
      c->u.l.trap = 0;
      later(w, LATER_PC, F(e, CallInfo, u.l.savedpc), ci_func(ci)->p,
            (size_t)(ci->u.l.savedpc - ci_func(ci)->p->code));
    }
    else {
      lua_CFunction k;
      c->u.c.kjmp = NULL;  /* landing points lived on the C stack */
      memcpy(&k, &ci->u.c.k, sizeof k);
      if (th->status != LUA_YIELD)  /* dead: never resumed; k may be stale */
        setnull(w, F(e, CallInfo, u.c.k));
      else if (k != NULL)
        setcfunc(w, F(e, CallInfo, u.c.k), k);
    }
  }
  if (w->failed) return;
  ((lua_State *)(w->buf + off))->nci = (unsigned short)n;
  setptr(w, F(off, lua_State, base_ci.next), a);
  setptr(w, F(off, lua_State, ci), a + (n - 1) * sizeof(CallInfo));
}

/* threads: not started, suspended (frames restorable) or dead */
static void writethread(W *w, lua_State *th, uint32_t off) {
  lua_State *c = (lua_State *)(w->buf + off);
  size_t n, a;
  StkId p;
  UpVal *uv;
  int frames = (th->ci != &th->base_ci);
  if (frames && th->status == LUA_OK) {
    fail(w, "cannot write a running or normal coroutine");
    return;
  }
  if (th->status == LUA_YIELD && !resumableframes(w, th))
    return;
  setbuiltin(w, F(off, lua_State, l_G), TYIMG_XBASE + TYIMG_X_GLOBAL);
  c->nci = 0;
  c->errorJmp = NULL;
  c->hook = NULL;
  c->hookmask = 0;
  c->coro = NULL;
  c->from = NULL;
  c->gclist = NULL;
  c->tbc = NULL;
  c->ntbc = c->sizetbc = 0;
  c->nCcalls = 0;
  c->nny = 0;
  c->openupval = NULL;
  setptr(w, F(off, lua_State, twups), off);
  if (!frames) setptr(w, F(off, lua_State, ci), F(off, lua_State, base_ci));
  c->base_ci.previous = c->base_ci.next = NULL;
  if (th->ntbc > 0) {  /* pending to-be-closed slots: stack offsets, plain data */
    a = append(w, th->tbc, (size_t)th->ntbc * sizeof(ptrdiff_t));
    if (w->failed) return;
    c = (lua_State *)(w->buf + off);
    c->ntbc = c->sizetbc = th->ntbc;
    setptr(w, F(off, lua_State, tbc), a);
  }
  for (uv = th->openupval; uv != NULL && !w->failed; uv = uv->u.open.next)
    ref(w, obj2gco(uv));  /* the whole open list, linked by fixlater */
  if (th->openupval != NULL && !w->failed)
    setptr(w, F(off, lua_State, openupval), ref(w, obj2gco(th->openupval)));
  if (th->stack == NULL) {
    setnull(w, F(off, lua_State, stack));
    setnull(w, F(off, lua_State, stack_last));
    setnull(w, F(off, lua_State, top));
    setnull(w, F(off, lua_State, base_ci.func));
    setnull(w, F(off, lua_State, base_ci.top));
  }
  else {
    n = (size_t)(th->stack_last - th->stack) + EXTRA_STACK;
    a = append(w, NULL, n * sizeof(TValue));
    if (w->failed) return;
    for (p = th->stack; p < th->stack + n; p++) {
      size_t fa = a + (size_t)(p - th->stack) * sizeof(TValue);
      if (p < th->top) {
        memcpy(w->buf + fa, p, sizeof(TValue));
        fixtv(w, fa, p);
      }
      else
        settt_((TValue *)(w->buf + fa), TY_VNIL);
    }
    if (w->failed) return;
    c = (lua_State *)(w->buf + off);  /* the buffer may have moved */
    c->base_ci.callstatus = CIST_C;
    setptr(w, F(off, lua_State, stack), a);
    setptr(w, F(off, lua_State, stack_last), a + (size_t)(th->stack_last - th->stack) * sizeof(TValue));
    setptr(w, F(off, lua_State, top), a + (size_t)(th->top - th->stack) * sizeof(TValue));
    setptr(w, F(off, lua_State, base_ci.func), a);
    {
      StkId ctop = th->base_ci.top;
      if (ctop < th->stack || ctop > th->stack_last) ctop = th->top;
      setptr(w, F(off, lua_State, base_ci.top), a + (size_t)(ctop - th->stack) * sizeof(TValue));
    }
    if (frames) writeframes(w, th, off, a);
    later(w, LATER_THREAD, off, th, a);
  }
  vpush(w, &w->fixups, off);
}

/* resolves the Later fields; every object they name has been written */
static void fixlater(W *w) {
  Map thr;
  size_t i, nwork = w->work.n;
  memset(&thr, 0, sizeof thr);
  for (i = 0; i < w->nlater && !w->failed; i++)
    if (w->later[i].kind == LATER_THREAD) mapput(w, &thr, w->later[i].src, (uint32_t)i);
  for (i = 0; i < w->nlater && !w->failed; i++) {
    const Later *l = &w->later[i];
    if (l->kind == LATER_PC) {
      const Proto *pr = (const Proto *)l->src;
      size_t po = ref(w, obj2gco(pr));
      if (po & BASEREF)  /* code of a base image prototype */
        setptr(w, l->field, po + (size_t)((const char *)(pr->code + l->a) - (const char *)pr));
      else {
        uint64_t v;
        memcpy(&v, w->buf + F(po, Proto, code), 8);  /* (code offset + 1) */
        setptr(w, l->field, (size_t)(v - 1) + l->a * sizeof(Instruction));
      }
    }
    else if (l->kind == LATER_OPENUV) {
      const UpVal *uv = (const UpVal *)l->src;
      lua_State *th = uvowner(w, uv);
      uint32_t t;
      size_t thoff, stk, prevfield;
      if (th == NULL || !mapget(&thr, th, &t)) {
        fail(w, "internal error: the thread of an open upvalue was not written");
        break;
      }
      thoff = w->later[t].field;
      stk = w->later[t].a;
      memset(w->buf + F(l->field, UpVal, u), 0, sizeof(uv->u));
      setptr(w, F(l->field, UpVal, v), stk + (size_t)(uv->v - th->stack) * sizeof(TValue));
      if (uv->u.open.next != NULL)
        setptr(w, F(l->field, UpVal, u.open.next), ref(w, obj2gco(uv->u.open.next)));
      if (uv->u.open.previous == &th->openupval)
        prevfield = F(thoff, lua_State, openupval);
      else {
        const UpVal *prev = (const UpVal *)((const char *)uv->u.open.previous -
                                            offsetof(UpVal, u.open.next));
        prevfield = F(ref(w, obj2gco(prev)), UpVal, u.open.next);
      }
      setptr(w, F(l->field, UpVal, u.open.previous), prevfield);
    }
  }
  if (!w->failed && w->work.n != nwork)
    fail(w, "internal error: an object was first reached after the heap was written");
  mapfree(&thr);
}

static void process(W *w, GCObject *o, uint32_t off) {
  int i;
  w->refowner = o;
  w->curtype = novariant(o->tt);
  switch (o->tt) {
    case TY_VSHRSTR:
      setnull(w, F(off, TString, u.hnext));  /* set when the string table is built */
      break;
    case TY_VLNGSTR:
      break;
    case TY_VTABLE:
      writetable(w, gco2t(o), off);
      break;
    case TY_VPROTO:
      writeproto(w, gco2p(o), off);
      break;
    case TY_VLCL: {
      LClosure *cl = gco2lcl(o);
      setnull(w, F(off, LClosure, gclist));
      if (cl->p) setptr(w, F(off, LClosure, p), ref(w, obj2gco(cl->p)));
      for (i = 0; i < cl->nupvalues && !w->failed; i++) {
        size_t fa = off + offsetof(LClosure, upvals) + (size_t)i * sizeof(UpVal *);
        if (cl->upvals[i]) setptr(w, fa, ref(w, obj2gco(cl->upvals[i])));
      }
      break;
    }
    case TY_VCCL: {
      CClosure *cl = gco2ccl(o);
      setnull(w, F(off, CClosure, gclist));
      setcfunc(w, F(off, CClosure, f), cl->f);
      for (i = 0; i < cl->nupvalues && !w->failed; i++)
        fixtv(w, off + offsetof(CClosure, upvalue) + (size_t)i * sizeof(TValue), &cl->upvalue[i]);
      break;
    }
    case TY_VUPVAL: {
      UpVal *uv = gco2upv(o);
      if (upisopen(uv)) {
        writeopenuv(w, uv, off);
        return;
      }
      memset(w->buf + F(off, UpVal, u), 0, sizeof(uv->u));
      memcpy(w->buf + F(off, UpVal, u.value), &uv->u.value, sizeof(TValue));
      setptr(w, F(off, UpVal, v), F(off, UpVal, u.value));
      fixtv(w, F(off, UpVal, u.value), &uv->u.value);
      break;
    }
    case TY_VUSERDATA:
      writeudata(w, gco2u(o), off);
      break;
    case TY_VTHREAD:
      writethread(w, gco2th(o), off);
      break;
  }
}

/* ---- packages and hooks (collected through the API before the heap freezes) ---- */

typedef struct PkgInfo { char *name, *path; } PkgInfo;

/* p made absolute against the current directory (symlinks kept: the path
** the user knows); malloc'd */
static char *abspath(const char *p) {
  char cwd[4096];
  char *r;
  if (p[0] == '/' || getcwd(cwd, sizeof cwd) == NULL) return strdup(p);
  if (p[0] == '.' && p[1] == '/') p += 2;
  r = (char *)malloc(strlen(cwd) + strlen(p) + 2);
  if (r != NULL) sprintf(r, "%s/%s", cwd, p);
  return r;
}

static int collectpkgs(lua_State *L, PkgInfo **out, size_t *n) {
  size_t cap = 0;
  *out = NULL;
  *n = 0;
  if (lua_getfield(L, LUA_REGISTRYINDEX, TY_REG_PKGSRC) == LUA_TTABLE) {
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
      if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING) {
        int loaded;
        lua_pushvalue(L, -2);
        loaded = lua_rawget(L, -4) != LUA_TNIL;  /* still in package.loaded? */
        lua_pop(L, 1);
        if (loaded) {
          if (*n == cap) {
            PkgInfo *np;
            cap = cap ? cap * 2 : 16;
            np = (PkgInfo *)realloc(*out, cap * sizeof(PkgInfo));
            if (np == NULL) { lua_pop(L, 4); return 0; }
            *out = np;
          }
          (*out)[*n].name = strdup(lua_tostring(L, -2));
          (*out)[*n].path = abspath(lua_tostring(L, -1));  /* checked from any cwd */
          (*n)++;  /* counted even when incomplete: the caller frees both fields */
          if ((*out)[*n - 1].name == NULL || (*out)[*n - 1].path == NULL) { lua_pop(L, 4); return 0; }
        }
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 1;
}

/* ---- incremental images (written on a loaded base: -J base.so --output-o) ----
** ref() of a base object returns BASEREF | its base offset; setptr() files such
** a field in the base-relocation table.  Every reachable base object is
** compared with the base as loaded (a relocated copy read from the file): a
** clean one is only scanned for what it points to; a changed one ("dirty":
** written since load, with or without a barrier) is copied whole into this
** image and listed as an override, which the loader copies over the base
** object, so every reference keeps its identity. */

typedef struct Inc {
  const TyImage *base;          /* the loaded image written upon (g->image) */
  char *pristine;               /* its blob as loaded (tyI_pristine) */
  Map seen;                     /* base objects visited */
  GCObject **scan;              /* clean base objects whose referents are still to visit */
  size_t nscan, capscan, iscan;
  U32Vec breloc;                /* fields holding base offsets + 1 */
  U32Vec ov;                    /* TyImgOverride entries, 4 words each */
  GCObject *forcecopy;          /* the dirty base object ref() must copy */
} Inc;

/* same raw value (no metamethods); nil variants are equal */
static int rawsame(const TValue *a, const TValue *b) {
  if (ttisnil(a) || ttisnil(b)) return ttisnil(a) && ttisnil(b);
  if (rawtt(a) != rawtt(b)) return 0;
  if (ttisboolean(a)) return 1;
  return memcmp(&a->value_, &b->value_, sizeof(Value)) == 0;
}

static int tabledirty(const Table *t, const Table *p, const char *pr, const char *b) {
  unsigned int i, n, nl = 0, np = 0;
  const Node *pn;
  if (p->metatable != t->metatable || p->asize != t->asize || p->lsizenode != t->lsizenode ||
      p->array != t->array || p->node != t->node)
    return 1;
  if (t->asize > 0) {
    const TValue *pa = (const TValue *)(pr + ((const char *)t->array - b));
    for (i = 0; i < t->asize; i++)
      if (!rawsame(&t->array[i], &pa[i])) return 1;
  }
  if (t->lastfree == NULL || p->lastfree == NULL)  /* the dummy node: no hash part */
    return (t->lastfree == NULL) != (p->lastfree == NULL);
  n = sizenode(t);
  pn = (const Node *)(pr + ((const char *)t->node - b));
  for (i = 0; i < n; i++) {  /* same pairs (the load may have rehashed the slots) */
    if (!isempty(gval(&t->node[i]))) nl++;
    if (!isempty(gval(&pn[i]))) {
      np++;
      if (!rawsame(tyH_get((Table *)t, gkey(&pn[i])), gval(&pn[i]))) return 1;
    }
  }
  return nl != np;
}

/* has base object o changed since load?  (strings and prototypes never do) */
static int basedirty(W *w, GCObject *o, size_t boff) {
  const char *pr = w->inc->pristine + boff, *b = w->inc->base->base;
  int i;
  switch (o->tt) {
    case TY_VTABLE:
      return tabledirty(gco2t(o), (const Table *)pr, w->inc->pristine, b);
    case TY_VUPVAL:
      return upisopen(gco2upv(o)) || !rawsame(gco2upv(o)->v, &((const UpVal *)pr)->u.value);
    case TY_VLCL: {
      const LClosure *c = gco2lcl(o), *p = (const LClosure *)pr;
      for (i = 0; i < c->nupvalues; i++)
        if (c->upvals[i] != p->upvals[i]) return 1;
      return 0;
    }
    case TY_VCCL: {
      const CClosure *c = gco2ccl(o), *p = (const CClosure *)pr;
      if (c->f != p->f) return 1;
      for (i = 0; i < c->nupvalues; i++)
        if (!rawsame(&c->upvalue[i], &p->upvalue[i])) return 1;
      return 0;
    }
    case TY_VUSERDATA: {
      const Udata *u = gco2u(o), *p = (const Udata *)pr;
      const TValue *puv = (const TValue *)(pr + sizeof(Udata));
      if (u->metatable != p->metatable || u->len != p->len) return 1;
      for (i = 0; i < u->nuvalue; i++)
        if (!rawsame(&u->uv[i], &puv[i])) return 1;
      return memcmp(getudatamem(u), getudatamem(p), u->len) != 0;
    }
    case TY_VTHREAD: {
      const lua_State *th = gco2th(o), *p = (const lua_State *)pr;
      StkId s;
      if (th->status != p->status || th->stack != p->stack || th->top != p->top || th->ci != p->ci)
        return 1;
      for (s = th->stack; s != NULL && s < th->top; s++)
        if (!rawsame(s, (const TValue *)(w->inc->pristine + ((const char *)s - b))))
          return 1;
      return 0;
    }
    default:
      return 0;
  }
}

static size_t objsize(const GCObject *o) {
  switch (o->tt) {
    case TY_VTABLE: return sizeof(Table);
    case TY_VUPVAL: return sizeof(UpVal);
    case TY_VLCL: return sizeLclosure(gco2lcl(o)->nupvalues);
    case TY_VCCL: return sizeCclosure(gco2ccl(o)->nupvalues);
    case TY_VUSERDATA: return sizeudata(gco2u(o)->nuvalue, gco2u(o)->len);
    default: return 0;
  }
}

/* ref() of an object of a loaded image */
static size_t incref(W *w, GCObject *o) {
  Inc *in = w->inc;
  const char *b = in->base->base;
  size_t boff = (size_t)((const char *)o - b);
  uint32_t seen;
  if ((const char *)o < b || boff >= in->base->size) {
    fail(w, "cannot write incrementally: an object comes from an image below the base "
            "(write the whole session with --incremental=no)");
    return 0;
  }
  if (!mapget(&in->seen, o, &seen)) {
    mapput(w, &in->seen, o, 1);
    if (basedirty(w, o, boff)) {
      size_t off;
      if (o->tt == TY_VTHREAD) {
        fail(w, "cannot write incrementally: a coroutine of the base image was resumed "
                "(write the whole session with --incremental=no)");
        return 0;
      }
      in->forcecopy = o;
      off = ref(w, o);
      in->forcecopy = NULL;
      vpush(w, &in->ov, (uint32_t)boff);
      vpush(w, &in->ov, (uint32_t)off);
      vpush(w, &in->ov, (uint32_t)objsize(o));
      vpush(w, &in->ov, o->tt);
    }
    else if (o->tt != TY_VSHRSTR && o->tt != TY_VLNGSTR && o->tt != TY_VPROTO) {
      if (in->nscan == in->capscan) {
        size_t nc = in->capscan ? in->capscan * 2 : 1024;
        GCObject **np = (GCObject **)realloc(in->scan, nc * sizeof(GCObject *));
        if (np == NULL) {
          fail(w, "not enough memory");
          return 0;
        }
        in->scan = np;
        in->capscan = nc;
      }
      in->scan[in->nscan++] = o;
    }
  }
  return BASEREF | boff;
}

static void incchild(W *w, const TValue *v) {
  if (iscollectable(v) && fromimage(w, gcvalue(v))) ref(w, gcvalue(v));
}

/* visits what a clean base object points to */
static void incscanobj(W *w, GCObject *o) {
  unsigned int i, n;
  GCObject *owner = w->refowner;
  w->refowner = o;  /* a clean base object can refer to a pending finalizable one too */
  switch (o->tt) {
    case TY_VTABLE: {
      Table *t = gco2t(o);
      if (t->metatable) ref(w, obj2gco(t->metatable));
      for (i = 0; i < t->asize; i++) incchild(w, &t->array[i]);
      if (t->lastfree != NULL) {
        n = sizenode(t);
        for (i = 0; i < n; i++)
          if (!isempty(gval(&t->node[i]))) {
            incchild(w, gkey(&t->node[i]));
            incchild(w, gval(&t->node[i]));
          }
      }
      break;
    }
    case TY_VLCL:
      for (i = 0; i < gco2lcl(o)->nupvalues; i++)
        if (gco2lcl(o)->upvals[i]) ref(w, obj2gco(gco2lcl(o)->upvals[i]));
      break;
    case TY_VCCL:
      for (i = 0; i < gco2ccl(o)->nupvalues; i++) incchild(w, &gco2ccl(o)->upvalue[i]);
      break;
    case TY_VUPVAL:
      incchild(w, gco2upv(o)->v);
      break;
    case TY_VUSERDATA:
      if (gco2u(o)->metatable) ref(w, obj2gco(gco2u(o)->metatable));
      for (i = 0; i < gco2u(o)->nuvalue; i++) incchild(w, &gco2u(o)->uv[i]);
      break;
    case TY_VTHREAD: {
      StkId s;
      for (s = gco2th(o)->stack; s != NULL && s < gco2th(o)->top; s++) incchild(w, s);
      break;
    }
    default:
      break;
  }
  w->refowner = owner;
}

/* scans clean base objects until there is work item i (or nothing left) */
static int incscan(W *w, size_t i) {
  Inc *in = w->inc;
  if (in == NULL) return 0;
  while (w->work.n <= i && in->iscan < in->nscan && !w->failed)
    incscanobj(w, in->scan[in->iscan++]);
  return w->work.n > i;
}

/* drops the packages the base records already (the base checks those) */
static void incpackages(W *w, PkgInfo *pk, size_t *npk) {
  const TyImage *img;
  size_t i, j = 0;
  for (i = 0; i < *npk; i++) {
    int inbase = 0;
    for (img = w->inc->base; img != NULL && !inbase; img = img->baseimg) {
      const TyImgPackage *bp = (const TyImgPackage *)(img->base + img->h->packages.off);
      uint32_t k;
      for (k = 0; k < img->h->packages.count && !inbase; k++)
        inbase = strcmp(img->base + bp[k].name, pk[i].name) == 0;
    }
    if (inbase) {
      free(pk[i].name);
      free(pk[i].path);
    }
    else
      pk[j++] = pk[i];
  }
  *npk = j;
}

static U32Vec *increloc(W *w) { return &w->inc->breloc; }
static GCObject *incforce(W *w) { return w->inc->forcecopy; }

static uint32_t addstring(W *w, const char *s);

/* registry._CLIBS: path -> dlopen handle of every C module loaded by require */
static void collectclibs(lua_State *L, W *w) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, "_CLIBS") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) == LUA_TSTRING && lua_islightuserdata(L, -1) &&
          w->nclibs < (int)(sizeof w->clibs / sizeof w->clibs[0])) {
        struct link_map *lm = NULL;
        void *h = lua_touserdata(L, -1);
        if (dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 && lm != NULL) {
          if ((w->clibs[w->nclibs].path = strdup(lua_tostring(L, -2))) == NULL)
            fail(w, "not enough memory");
          w->clibs[w->nclibs].handle = h;
          w->clibs[w->nclibs].base = (const char *)lm->l_addr;
          w->nclibs++;
        }
      }
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

/*
** The file a loaded C module came from, as the kernel names its mapping in
** /proc/self/maps (absolute, symlinks resolved): the require path may be
** relative ("./?.so" in the default cpath) or stale (the session changed
** directory since).  maj, min, ino get the mapped file's device and inode.  1 found;
** 0 if /proc is not there; -1 if the mapped file is gone (" (deleted)").
*/
static int mappedfile(const void *addr, char *path, size_t n, unsigned long *maj,
                      unsigned long *min, unsigned long long *ino) {
  FILE *f = fopen("/proc/self/maps", "re");
  char line[4600];
  int found = 0;
  if (f == NULL) return 0;
  while (!found && fgets(line, sizeof line, f) != NULL) {
    unsigned long long lo, hi;
    int at = 0;
    char *p, *nl;
    if (sscanf(line, "%llx-%llx %*s %*s %lx:%lx %llu %n", &lo, &hi, maj, min, ino, &at) < 5 ||
        at == 0 || (uintptr_t)addr < lo || (uintptr_t)addr >= hi)
      continue;
    p = line + at;
    if ((nl = strchr(p, '\n')) != NULL) *nl = '\0';
    if (*p != '/') break;  /* anonymous: not a file */
    nl = p + strlen(p);
    if (nl - p > 10 && strcmp(nl - 10, " (deleted)") == 0) {
      found = -1;
      break;
    }
    found = snprintf(path, n, "%s", p) < (int)n ? 1 : 0;
  }
  fclose(f);
  return found;
}

/* records C module k: its resolved absolute path, identity and content hash */
static void writeclib(W *w, int k, TyImgCLib *c) {
  const char *key = w->clibs[k].path;
  struct link_map *lm = NULL;
  unsigned long maj = 0, min = 0;
  unsigned long long ino = 0;
  char path[4096];
  struct stat st;
  int r = 0, fd;
  if (dlinfo(w->clibs[k].handle, RTLD_DI_LINKMAP, &lm) == 0 && lm != NULL && lm->l_ld != NULL)
    r = mappedfile(lm->l_ld, path, sizeof path, &maj, &min, &ino);
  if (r < 0) {
    fail(w, "C module '%s' was deleted or replaced since it was loaded; it cannot be recorded",
         key);
    return;
  }
  if (r == 0 && realpath(key, path) == NULL) {  /* no /proc: resolve the require path */
    fail(w, "cannot resolve the path of C module '%s' (%s)", key, strerror(errno));
    return;
  }
  fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      (r == 1 && (major(st.st_dev) != maj || minor(st.st_dev) != min ||
                  (unsigned long long)st.st_ino != ino))) {
    if (fd >= 0) close(fd);
    fail(w, "C module '%s' (%s) changed on disk since it was loaded; it cannot be recorded",
         key, path);
    return;
  }
  c->size = (uint64_t)st.st_size;
  c->mtime = (int64_t)st.st_mtim.tv_sec;
  c->mtimensec = (uint32_t)st.st_mtim.tv_nsec;
  c->ctime = (int64_t)st.st_ctim.tv_sec;
  c->ctimensec = (uint32_t)st.st_ctim.tv_nsec;
  c->dev = (uint64_t)st.st_dev;
  c->ino = (uint64_t)st.st_ino;
  if (!tyI_hashfd(fd, (size_t)st.st_size, &c->hash))
    fail(w, "cannot read C module '%s' (%s)", path, strerror(errno));
  close(fd);
  c->path = addstring(w, path);
}

static void writeclibs(W *w, TyImgHeader *h) {
  size_t a = append(w, NULL, (size_t)w->nclibs * sizeof(TyImgCLib));
  int k;
  if (w->failed) return;
  h->clibs.off = (uint32_t)a;
  h->clibs.count = (uint32_t)w->nclibs;
  for (k = 0; k < w->nclibs && !w->failed; k++) {
    TyImgCLib c;
    memset(&c, 0, sizeof c);
    writeclib(w, k, &c);
    memcpy(w->buf + a + (size_t)k * sizeof c, &c, sizeof c);
  }
  a = append(w, w->cf, w->ncf * sizeof(TyImgCFunc));
  h->cfuncs.off = (uint32_t)a;
  h->cfuncs.count = (uint32_t)w->ncf;
}

static uint32_t addstring(W *w, const char *s) {
  size_t n = strlen(s) + 1, off = w->len;  /* strings are packed, not aligned */
  if (!reserve(w, off + n)) return 0;
  memcpy(w->buf + off, s, n);
  w->len = off + n;
  return (uint32_t)off;
}

static void writepackages(W *w, TyImgHeader *h, PkgInfo *pk, size_t npk) {
  size_t i, a = append(w, NULL, npk * sizeof(TyImgPackage));
  if (w->failed) return;
  h->packages.off = (uint32_t)a;
  h->packages.count = (uint32_t)npk;
  h->strings.off = (uint32_t)alignup(w->len, TYIMG_ALIGN);
  for (i = 0; i < npk && !w->failed; i++) {
    TyImgPackage p;
    struct stat st;
    memset(&p, 0, sizeof p);
    p.name = addstring(w, pk[i].name);
    p.path = addstring(w, pk[i].path);
    if (stat(pk[i].path, &st) == 0) {
      p.size = (uint64_t)st.st_size;
      p.mtime = (int64_t)st.st_mtim.tv_sec;
      p.mtimensec = (uint32_t)st.st_mtim.tv_nsec;
      tyI_hashfile(pk[i].path, (size_t)st.st_size, &p.hash);  /* unreadable: hash 0 */
    }
    memcpy(w->buf + a + i * sizeof(TyImgPackage), &p, sizeof p);
  }
  h->strings.count = (uint32_t)(w->len - h->strings.off);
}

/* ---- areas ---- */

static void buildstrtab(W *w, TyImgHeader *h) {
  size_t nb = 1, i, a;
  while (nb < w->shortstrs.n) nb <<= 1;
  a = append(w, NULL, nb * sizeof(TString *));
  if (w->failed) return;
  h->strtab.off = (uint32_t)a;
  h->strtab.count = (uint32_t)nb;
  for (i = 0; i < w->shortstrs.n; i++) {
    uint32_t so = w->shortstrs.p[i];
    TString *ts = (TString *)(w->buf + so);
    size_t slot = a + (size_t)(ts->hash & (nb - 1)) * sizeof(TString *);
    uint64_t head;
    memcpy(&head, w->buf + slot, 8);
    if (head != 0) {  /* chain: the string's hnext takes the old head */
      memcpy(w->buf + F(so, TString, u.hnext), &head, 8);
      vpush(w, &w->reloc, (uint32_t)F(so, TString, u.hnext));
      head = (uint64_t)so + 1;  /* the slot is in the relocation table already */
      memcpy(w->buf + slot, &head, 8);
    }
    else
      setptr(w, slot, so);
  }
}

/* the reference of a written object (a base object: its base offset); 0 if not written */
static int objref(W *w, GCObject *o, TyImgRef *r) {
  uint32_t off;
  if (w->inc != NULL && fromimage(w, o)) {
    const char *b = w->inc->base->base;
    if ((const char *)o < b || (size_t)((const char *)o - b) >= w->inc->base->size ||
        !mapget(&w->inc->seen, o, &off))
      return 0;
    r->off = (uint32_t)((const char *)o - b);
    r->inbase = 1;
    return 1;
  }
  if (!mapget(&w->objs, o, &off)) return 0;
  r->off = off;
  r->inbase = 0;
  return 1;
}

/* the finobjs and finowners areas (see finpending): only objects written */
static void writefinalizers(W *w, TyImgHeader *h) {
  GCObject *o;
  TyImgRef r, *v;
  size_t n = 0, i, a;
  for (o = w->g->finobj; o != NULL; o = o->next) n++;
  v = (TyImgRef *)malloc((n + w->nowners_f + 1) * sizeof(TyImgRef));
  if (v == NULL) { fail(w, "not enough memory"); return; }
  n = 0;
  for (o = w->g->finobj; o != NULL; o = o->next)  /* in list order: the loader keeps it */
    if (finpending(w, o) && objref(w, o, &r)) v[n++] = r;
  a = append(w, v, n * sizeof(TyImgRef));
  h->finobjs.off = (uint32_t)a;
  h->finobjs.count = (uint32_t)n;
  n = 0;
  for (i = 0; i < w->nowners_f; i++)
    if (objref(w, w->owners_f[i], &r)) v[n++] = r;
  a = append(w, v, n * sizeof(TyImgRef));
  h->finowners.off = (uint32_t)a;
  h->finowners.count = (uint32_t)n;
  free(v);
}

static void writeu32area(W *w, TyImgArea *ar, const U32Vec *v) {
  size_t a = append(w, v->p, v->n * sizeof(uint32_t));
  ar->off = (uint32_t)a;
  ar->count = (uint32_t)v->n;
}

static void writenames(W *w, TyImgHeader *h) {
  uint32_t i, n = tyI_nbuiltins();
  h->names.off = (uint32_t)alignup(w->len, TYIMG_ALIGN);
  h->names.count = n;
  append(w, NULL, 0);
  for (i = 0; i < n && !w->failed; i++)
    addstring(w, tyI_builtin(i)->name);
}

static int hooklist(lua_State *L, W *w, U32Vec *hooks) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, TY_REG_ATINIT) == LUA_TTABLE) {
    lua_Integer i, n = (lua_Integer)lua_rawlen(L, -1);
    for (i = 1; i <= n; i++) {
      uint32_t off;
      lua_rawgeti(L, -1, i);
      if (lua_iscfunction(L, -1) == 0 && lua_type(L, -1) == LUA_TFUNCTION &&
          mapget(&w->objs, lua_topointer(L, -1), &off))
        vpush(w, hooks, off);
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return 1;
}

/* picks the blob's preferred address (a hash of its contents, so the same
** session writes the same bytes) and turns every (offset + 1) pointer field
** into an address for it; base pointers get the base's preferred address */
static uint64_t prefer(W *w, const TyImage *base) {
  uint64_t hs = tyI_checksum(w->buf, w->len, 0x7079636865ull);
  uint64_t pref = TYIMG_PREFLO + (hs % TYIMG_PREFSLOTS) * TYIMG_PREFALIGN;
  shiftfields(w->buf, &w->reloc, pref - 1);
  if (base != NULL) shiftfields(w->buf, &w->inc->breloc, base->h->prefbase - 1);
  return pref;
}

int tyI_writeobject(lua_State *L, const char *path, const TyWriteOpts *opts,
                    char *err, size_t errlen) {
  W w;
  Inc inc;
  TyImgHeader h;
  PkgInfo *pk = NULL;
  size_t npk = 0, i, roots;
  uint32_t nb, id;
  int wasrunning = lua_gc(L, LUA_GCISRUNNING);
  U32Vec hooks = {NULL, 0, 0};
  memset(&w, 0, sizeof w);
  memset(&h, 0, sizeof h);
  w.L = L;
  w.g = G(L);
  w.err = err;
  w.errlen = errlen;
  if (opts->pinpaths) {
    lua_pushboolean(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, TY_REG_PINPATHS);
  }
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_FILEHANDLE);
  w.filemt = (const Table *)lua_topointer(L, -1);
  lua_pop(L, 1);
  if (lua_getfield(L, LUA_REGISTRYINDEX, "_CLIBS") == LUA_TTABLE)
    w.clibstab = (const GCObject *)lua_topointer(L, -1);
  lua_pop(L, 1);
  if (!collectpkgs(L, &pk, &npk)) fail(&w, "not enough memory");
  if (opts->incremental && w.g->image != NULL && !w.failed) {
    memset(&inc, 0, sizeof inc);
    inc.base = (const TyImage *)w.g->image;
    w.inc = &inc;
    if (inc.base->baseimg != NULL)
      fail(&w, "cannot write an incremental image on an incremental base (yet); "
               "write the whole session with --incremental=no");
    else if ((inc.pristine = tyI_pristine(L, inc.base, err, errlen)) == NULL)
      w.failed = 1;
    else
      incpackages(&w, pk, &npk);
  }
  collectclibs(L, &w);
  h.flags = (ty_regflag(L, TY_REG_PINPATHS) ? TYIMG_FPINPATHS : 0) |
            (ty_regflag(L, TY_REG_RANDPINNED) ? TYIMG_FSEEDED : 0);
  lua_gc(L, LUA_GCCOLLECT);  /* weak tables cleared, garbage gone */
  lua_gc(L, LUA_GCSTOP);     /* the heap is frozen from here on */
  nb = tyI_nbuiltins();
  for (id = 0; id < nb && !w.failed; id++) {
    const luaL_Reg *r = tyI_builtin(id);
    void *p;
    uint32_t old;
    memcpy(&p, &r->func, sizeof p);
    if (p != NULL && !mapget(&w.cfuncs, p, &old)) mapput(&w, &w.cfuncs, p, id + 1);
  }
  append(&w, NULL, sizeof(TyImgHeader));
  roots = append(&w, NULL, TYIMG_NROOTS * 8);
  h.roots.off = (uint32_t)roots;
  h.roots.count = TYIMG_NROOTS;
  w.cur = NOPARENT;
  if (!w.failed) {
    setptr(&w, roots, ref(&w, gcvalue(&w.g->l_registry)));
    for (i = 0; i < LUA_NUMTYPES && !w.failed; i++)
      if (w.g->mt[i] != NULL)
        setptr(&w, roots + (TYIMG_ROOT_MT + i) * 8, ref(&w, obj2gco(w.g->mt[i])));
  }
  w.curtype = -1;
  for (i = 0; !w.failed && (i < w.work.n || incscan(&w, i)); i++) {
    w.cur = i;
    process(&w, w.workobj[i], w.work.p[i]);
  }
  w.refowner = NULL;  /* later refs are not fields of objects (pcs, open upvalue links) */
  if (!w.failed) fixlater(&w);
  w.curtype = -1;
  h.heap.off = (uint32_t)roots;
  h.heap.count = (uint32_t)(w.len - roots);
  if (!w.failed) hooklist(L, &w, &hooks);
  if (!w.failed) buildstrtab(&w, &h);
  if (!w.failed) writepackages(&w, &h, pk, npk);
  if (!w.failed && w.inc != NULL) {  /* the base's path joins the strings area */
    h.basepath = addstring(&w, inc.base->path);
    h.strings.count = (uint32_t)(w.len - h.strings.off);
  }
  if (!w.failed) writenames(&w, &h);
  if (!w.failed) writeclibs(&w, &h);
  if (!w.failed) writefinalizers(&w, &h);
  if (!w.failed) writeu32area(&w, &h.hooks, &hooks);
  if (!w.failed) writeu32area(&w, &h.fixups, &w.fixups);
  if (!w.failed) writeu32area(&w, &h.builtins, &w.bins);
  h.builtins.count /= 2;
  if (!w.failed && w.inc != NULL) {
    writeu32area(&w, &h.breloc, &inc.breloc);
    writeu32area(&w, &h.overrides, &inc.ov);
    h.overrides.count /= 4;
    h.flags |= TYIMG_FINCREMENTAL;
    memcpy(h.basebuildid, inc.base->h->buildid, TYIMG_BUILDIDLEN);
    h.basechecksum = inc.base->h->checksum;
    h.basesize = inc.base->size;
  }
  if (!w.failed) {  /* last: nothing adds relocations now; sorted, the loader checks them in one pass */
    qsort(w.reloc.p, w.reloc.n, sizeof(uint32_t), cmpu32);
    writeu32area(&w, &h.reloc, &w.reloc);
  }
  if (!w.failed) {
    append(&w, NULL, 0);  /* pad to the alignment */
    memcpy(h.magic, TYIMG_MAGIC, 8);
    h.version = TYIMG_VERSION;
    memcpy(h.buildid, tyI_buildid, strlen(tyI_buildid) < TYIMG_BUILDIDLEN
                                   ? strlen(tyI_buildid) : TYIMG_BUILDIDLEN);
    h.size = w.len;
    h.seed = w.g->seed;
    h.nobjects = w.nobjects;
    h.builtinhash = tyI_builtinhash();
    for (i = 0; i < 16; i++) {
      h.counts[i] = w.counts[i];
      h.typebytes[i] = w.typebytes[i];
    }
    memcpy(w.buf, &h, sizeof h);
    h.prefbase = prefer(&w, w.inc != NULL ? w.inc->base : NULL);
    memcpy(w.buf, &h, sizeof h);
    h.checksum = tyI_blobchecksum(w.buf, w.len);
    memcpy(w.buf, &h, sizeof h);
    if (tyI_writeelf(path, w.buf, w.len, err, errlen) != 0)
      w.failed = 1;
  }
  if (wasrunning) lua_gc(L, LUA_GCRESTART);
  for (i = 0; i < npk; i++) {
    free(pk[i].name);
    free(pk[i].path);
  }
  free(pk);
  for (i = 0; i < (size_t)w.nclibs; i++) free(w.clibs[i].path);
  free(w.cf);
  free(hooks.p);
  free(w.buf);
  free(w.reloc.p);
  free(w.bins.p);
  free(w.fixups.p);
  free(w.shortstrs.p);
  free(w.work.p);
  free(w.workobj);
  free(w.parent);
  mapfree(&w.objs);
  mapfree(&w.cfuncs);
  mapfree(&w.uvowner);
  mapfree(&w.finown);
  free(w.owners_f);
  free(w.owners);
  free(w.later);
  if (w.inc != NULL) {
    free(inc.pristine);
    free(inc.scan);
    free(inc.breloc.p);
    free(inc.ov.p);
    mapfree(&inc.seen);
  }
  return w.failed ? -1 : 0;
}

LUA_API int tycho_imageinfo(const char *path, char *err, size_t errlen) {
  return tyI_info(path, stdout, err, errlen);
}

LUA_API int tycho_writeobject(lua_State *L, const char *path, int incremental,
                              int pinpaths, char *err, size_t errlen) {
  TyWriteOpts o;
  o.incremental = incremental;
  o.pinpaths = pinpaths;
  return tyI_writeobject(L, path, &o, err, errlen);
}
