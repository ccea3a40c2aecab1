/* str.c: string table of interned short strings, long strings, userdata allocation, string comparison. */
#include <string.h>
#include <locale.h>
#include "str.h"
#include "mem.h"
#include "../vm/debug.h"
#include "../vm/do.h"
#include "../image/image.h"

#define MINSTRTABSIZE 128
#define MAXSTRTB ((int)((~(size_t)0 / sizeof(TString *)) > (size_t)INT_MAX ? INT_MAX : \
                        (~(size_t)0 / sizeof(TString *))))
#define MAX_SIZE_T (~(size_t)0)

/* bytes of a string object holding l characters (plus the NUL) */
#define sizelstring(l) (offsetof(TString, contents) + (l) + 1)

unsigned int tyS_hash(const char *str, size_t l, unsigned int seed) {
  unsigned int h = seed ^ (unsigned int)l;
  size_t i;
  for (i = 0; i < l; i++)
    h ^= ((h << 5) + (h >> 2) + (unsigned char)str[i]);
  return h;
}

unsigned int tyS_hashlongstr(TString *ts) {
  if (ts->extra == 0) {  /* not hashed yet? (ts->hash holds the seed) */
    ts->hash = tyS_hash(getstr(ts), ts->u.lnglen, ts->hash);
    ts->extra = 1;
  }
  return ts->hash;
}

int tyS_eqlngstr(TString *a, TString *b) {
  size_t len = a->u.lnglen;
  return (a == b) ||
         (len == b->u.lnglen && memcmp(getstr(a), getstr(b), len) == 0);
}

/* moves every string of buckets [0, osize) to its bucket for size nsize */
static void rehashchains(TString **vect, int osize, int nsize) {
  int i;
  for (i = 0; i < osize; i++) {
    TString *p = vect[i];
    vect[i] = NULL;
    while (p != NULL) {
      TString *hnext = p->u.hnext;
      int h = lmod(p->hash, nsize);
      p->u.hnext = vect[h];
      vect[h] = p;
      p = hnext;
    }
  }
}

/* never raises: when the vector cannot be reallocated the table keeps its size */
void tyS_resize(lua_State *L, int newsize) {
  stringtable *tb = &G(L)->strt;
  int osize = tb->size;
  TString **nv;
  int i;
  if (newsize < osize)  /* shrinking: empty the vanishing buckets first */
    rehashchains(tb->hash, osize, newsize);
  nv = (TString **)tyM_tryrealloc_(L, tb->hash, (size_t)osize * sizeof(TString *),
                                (size_t)newsize * sizeof(TString *));
  if (l_unlikely(nv == NULL)) {
    if (newsize < osize)  /* undo the shrinking rehash */
      rehashchains(tb->hash, newsize, osize);
    return;
  }
  tb->hash = nv;
  tb->size = newsize;
  if (newsize > osize) {
    for (i = osize; i < newsize; i++)
      nv[i] = NULL;
    rehashchains(nv, osize, newsize);
  }
}

/* replaces cache entries about to be collected by a fixed string */
void tyS_clearcache(global_State *g) {
  int i, j;
  for (i = 0; i < STRCACHE_N; i++)
    for (j = 0; j < STRCACHE_M; j++)
      if (iswhite(g->strcache[i][j]))
        g->strcache[i][j] = g->memerrmsg;
}

void tyS_init(lua_State *L) {
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  int i, j;
  tb->hash = tyM_newvector(L, MINSTRTABSIZE, TString *);
  for (i = 0; i < MINSTRTABSIZE; i++)
    tb->hash[i] = NULL;
  tb->size = MINSTRTABSIZE;
  tb->nuse = 0;
  g->memerrmsg = tyS_newliteral(L, "not enough memory");
  tyC_fix(L, obj2gco(g->memerrmsg));
  for (i = 0; i < STRCACHE_N; i++)
    for (j = 0; j < STRCACHE_M; j++)
      g->strcache[i][j] = g->memerrmsg;
}

/* A new string object for len bytes, the NUL already placed (the caller copies
** the contents).  A short string keeps its length in shrlen, a long one in
** u.lnglen; a long string's hash field holds the seed until tyS_hashlongstr
** computes the real hash (extra = 0 until then). */
static TString *newstrobj(lua_State *L, int tag, size_t len, unsigned int hash) {
  TString *ts = gco2ts(tyC_newobj(L, tag, sizelstring(len)));
  ts->extra = 0;
  ts->hash = hash;
  if (tag == TY_VSHRSTR)
    ts->shrlen = (lu_byte)len;
  else {
    ts->shrlen = 0;
    ts->u.lnglen = len;
  }
  getstr(ts)[len] = '\0';
  return ts;
}

TString *tyS_createlngstrobj(lua_State *L, size_t l) {
  return newstrobj(L, TY_VLNGSTR, l, G(L)->seed);
}

/* unlinks a short string (about to be freed) from its bucket of the intern table */
void tyS_remove(lua_State *L, TString *ts) {
  stringtable *tb = &G(L)->strt;
  TString **bucket = &tb->hash[lmod(ts->hash, tb->size)];
  TString *prev = NULL, *cur;
  for (cur = *bucket; cur != ts; cur = cur->u.hnext)
    prev = cur;
  if (prev == NULL)
    *bucket = ts->u.hnext;
  else
    prev->u.hnext = ts->u.hnext;
  tb->nuse--;
}

static void growstrtab(lua_State *L, stringtable *tb) {
  if (l_unlikely(tb->nuse == INT_MAX)) {  /* too many strings? */
    tyC_fullgc(L, 1);  /* try to free some */
    if (tb->nuse == INT_MAX)
      tyD_throw(L, LUA_ERRMEM);
  }
  if (tb->size <= MAXSTRTB / 2)
    tyS_resize(L, tb->size * 2);
}

static TString *internshrstr(lua_State *L, const char *str, size_t l) {
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  unsigned int h = tyS_hash(str, l, g->seed);
  TString *ts;
  TString **list;
  if (g->image != NULL) {  /* the image's prebuilt table first: nothing re-inserted at load */
    const TyImage *img;
    for (img = (const TyImage *)g->image; img != NULL; img = img->next)
      for (ts = img->strhash[h & img->strmask]; ts != NULL; ts = ts->u.hnext)
        if (l == ts->shrlen && memcmp(str, getstr(ts), l) == 0)
          return ts;
  }
  for (ts = tb->hash[lmod(h, tb->size)]; ts != NULL; ts = ts->u.hnext) {
    if (l == ts->shrlen && memcmp(str, getstr(ts), l) == 0) {
      if (isdead(g, ts))  /* dead (not yet swept)? resurrect it */
        ts->marked ^= WHITEBITS;
      return ts;
    }
  }
  if (tb->nuse >= tb->size)
    growstrtab(L, tb);
  ts = newstrobj(L, TY_VSHRSTR, l, h);
  memcpy(getstr(ts), str, l);
  /* the allocation may have run a collection: find the bucket only now */
  list = &tb->hash[lmod(h, tb->size)];
  ts->u.hnext = *list;
  *list = ts;
  tb->nuse++;
  return ts;
}

TString *tyS_newlstr(lua_State *L, const char *str, size_t l) {
  TString *ts;
  if (l <= TY_MAXSHORTLEN)
    return internshrstr(L, str, l);
  if (l_unlikely(l >= MAX_SIZE_T - sizeof(TString)))
    tyM_toobig(L);
  ts = tyS_createlngstrobj(L, l);
  memcpy(getstr(ts), str, l);
  return ts;
}

/* C strings through the API: cached by address (entries are checked by content) */
TString *tyS_new(lua_State *L, const char *str) {
  unsigned int i = (unsigned int)((size_t)str & 0xffffffffu) % STRCACHE_N;
  int j;
  TString **p = G(L)->strcache[i];
  for (j = 0; j < STRCACHE_M; j++) {
    if (strcmp(str, getstr(p[j])) == 0)
      return p[j];
  }
  for (j = STRCACHE_M - 1; j > 0; j--)
    p[j] = p[j - 1];
  p[0] = tyS_newlstr(L, str, strlen(str));
  return p[0];
}

Udata *tyS_newudata(lua_State *L, size_t s, int nuvalue) {
  Udata *u;
  GCObject *o;
  int i;
  if (l_unlikely(s > MAX_SIZE_T - udatamemoffset(nuvalue)))
    tyM_toobig(L);
  o = tyC_newobj(L, TY_VUSERDATA, sizeudata(nuvalue, s));
  u = gco2u(o);
  u->len = s;
  u->nuvalue = (unsigned short)nuvalue;
  u->imgsafe = 0;
  u->metatable = NULL;
  u->gclist = NULL;
  u->uv = (TValue *)((char *)u + sizeof(Udata));
  for (i = 0; i < nuvalue; i++)
    setnilvalue(&u->uv[i]);
  return u;
}

/* strcoll piece by piece, so embedded '\0's take part in the order */
int tyS_cmp(const TString *ls, const TString *rs) {
  const char *l = getstr(ls);
  size_t ll = tsslen(ls);
  const char *r = getstr(rs);
  size_t lr = tsslen(rs);
  for (;;) {
    int temp = strcoll(l, r);
    size_t len;
    if (temp != 0)
      return temp;
    /* equal up to a '\0': check which string ends first */
    len = strlen(l);
    if (len == lr)  /* r is finished? */
      return (len == ll) ? 0 : 1;
    else if (len == ll)  /* l is finished (r is not) */
      return -1;
    len++;  /* skip the '\0' and compare the next pieces */
    l += len; ll -= len;
    r += len; lr -= len;
  }
}
