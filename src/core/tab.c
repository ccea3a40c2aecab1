/* tab.c: Lua tables: array part for keys 1..asize plus a chained scatter hash part (Brent's variation). */
#include <math.h>
#include <string.h>
#include "tab.h"
#include "gc.h"
#include "mem.h"
#include "str.h"
#include "../vm/debug.h"
#include "../vm/do.h"

/*
** Hash part: a vector of 2^lsizenode nodes.  Every key lives in the chain
** that starts at its main position; chains are linked by relative offsets.
** A colliding key that is not in its own main position is moved away
** (Brent's variation), so a node in its main position stays there.  Free
** positions are found by walking `lastfree` downward; nodes with an empty
** value but a key are removed entries still linked in a chain.
*/

#define MAXABITS 31
#define MAXASIZE ((sizeof(size_t) > 4 || (~(size_t)0 / sizeof(TValue)) > (1u << MAXABITS)) ? \
                  (1u << MAXABITS) : (unsigned int)(~(size_t)0 / sizeof(TValue)))
#define MAXHBITS 30

#define isdummy(t)     ((t)->lastfree == NULL)
#define keyisnil(n)    ttisnil(gkey(n))
#define keyisinteger(n) checktag(gkey(n), TY_VNUMINT)
#define keyival(n)     ivalue(gkey(n))
#define nodefromval(v) ((Node *)(v))

static Node dummynode_ = {
  {{NULL}, TY_VEMPTY},  /* value */
  {{NULL}, TY_VNIL},    /* key */
  0
};

const TValue tyH_absentkey = {{NULL}, TY_VABSTKEY};

Node *tyH_dummynode(void) {
  return &dummynode_;
}

/* float with an integral value -> integer (exact only) */
static int flttoint(lua_Number n, lua_Integer *p) {
  lua_Number f = floor(n);
  if (f != n)  /* not integral (or NaN) */
    return 0;
  return lua_numbertointeger(f, p);
}

/* ---- main positions ---- */

static Node *hashmod(const Table *t, size_t h) {
  return gnode(t, h % (size_t)((sizenode(t) - 1u) | 1u));
}

/* Numbers (and booleans) are placed as PUC Lua 5.4 places them: collisions
** decide when a table rehashes, and so which border '#' finds in a table with
** holes (tyH_getn), which programs can observe. */
static Node *hashint(const Table *t, lua_Integer i) {
  lua_Unsigned ui = l_castS2U(i);
  if (ui <= (lua_Unsigned)INT_MAX)
    return gnode(t, (unsigned int)ui % ((sizenode(t) - 1u) | 1u));
  return gnode(t, ui % (lua_Unsigned)((sizenode(t) - 1u) | 1u));
}

static Node *hashpointer(const Table *t, const void *p) {
  size_t u = (size_t)(uintptr_t)p;
  return hashmod(t, u ^ (u >> 32));
}

/* exponent plus the mantissa scaled to 31 bits, folded below 2^31; 0 for inf/NaN */
static unsigned int hashflt(lua_Number n) {
  int e;
  lua_Number m = frexp(n, &e) * 2147483648.0;
  unsigned int u;
  if (!(m == m) || m == (lua_Number)HUGE_VAL || m == -(lua_Number)HUGE_VAL)
    return 0;
  u = (unsigned int)e + (unsigned int)(lua_Integer)m;  /* both modulo 2^32 */
  return (u <= (unsigned int)INT_MAX) ? u : ~u;
}

static Node *mainposition(const Table *t, const TValue *key) {
  switch (ttypetag(key)) {
    case TY_VNUMINT: return hashint(t, ivalue(key));
    case TY_VNUMFLT: return hashmod(t, hashflt(fltvalue(key)));
    case TY_VSHRSTR: return gnode(t, lmod(tsvalue(key)->hash, sizenode(t)));
    case TY_VLNGSTR: return gnode(t, lmod(tyS_hashlongstr(tsvalue(key)), sizenode(t)));
    case TY_VFALSE: return gnode(t, 0);
    case TY_VTRUE: return gnode(t, lmod(1, sizenode(t)));
    case TY_VLIGHTUD: return hashpointer(t, pvalue(key));
    case TY_VLCF: return hashpointer(t, (const void *)(uintptr_t)fvalue(key));
    default: return hashpointer(t, gcvalue(key));
  }
}

static Node *mainpositionfromnode(const Table *t, Node *n) {
  TValue key = *gkey(n);
  return mainposition(t, &key);
}

/* does node n hold key k?  deadok: a dead key matches the object it held */
static int equalkey(const TValue *k1, const Node *n2, int deadok) {
  const TValue *k2 = gkey(n2);
  if (rawtt(k1) != rawtt(k2))
    return deadok && ttisdeadkey(k2) && iscollectable(k1) && gcvalue(k1) == gcvalue(k2);
  switch (ttypetag(k1)) {
    case TY_VNIL: case TY_VFALSE: case TY_VTRUE: return 1;
    case TY_VNUMINT: return ivalue(k1) == ivalue(k2);
    case TY_VNUMFLT: return fltvalue(k1) == fltvalue(k2);
    case TY_VLIGHTUD: return pvalue(k1) == pvalue(k2);
    case TY_VLCF: return fvalue(k1) == fvalue(k2);
    case TY_VLNGSTR: return tyS_eqlngstr(tsvalue(k1), tsvalue(k2));
    default: return gcvalue(k1) == gcvalue(k2);
  }
}

static const TValue *getgeneric(Table *t, const TValue *key, int deadok) {
  Node *n = mainposition(t, key);
  for (;;) {
    if (equalkey(key, n, deadok))
      return gval(n);
    if (gnext(n) == 0)
      return &tyH_absentkey;
    n += gnext(n);
  }
}

/* ---- lookups ---- */

const TValue *tyH_getint(Table *t, lua_Integer key) {
  lua_Unsigned k = l_castS2U(key) - 1u;
  Node *n;
  if (k < t->asize) {
    if (k >= t->alimit)  /* beyond the hint: the key becomes the hint (tyH_getn) */
      t->alimit = (unsigned int)key;
    return &t->array[k];
  }
  n = hashint(t, key);
  for (;;) {
    if (keyisinteger(n) && keyival(n) == key)
      return gval(n);
    if (gnext(n) == 0)
      return &tyH_absentkey;
    n += gnext(n);
  }
}

const TValue *tyH_getshortstr(Table *t, TString *key) {
  Node *n = gnode(t, lmod(key->hash, sizenode(t)));
  for (;;) {
    if (ttisshrstring(gkey(n)) && tsvalue(gkey(n)) == key)
      return gval(n);
    if (gnext(n) == 0)
      return &tyH_absentkey;
    n += gnext(n);
  }
}

const TValue *tyH_getstr(Table *t, TString *key) {
  if (key->tt == TY_VSHRSTR)
    return tyH_getshortstr(t, key);
  else {
    TValue ko;
    setsvalue((lua_State *)NULL, &ko, key);
    return getgeneric(t, &ko, 0);
  }
}

const TValue *tyH_get(Table *t, const TValue *key) {
  switch (ttypetag(key)) {
    case TY_VSHRSTR: return tyH_getshortstr(t, tsvalue(key));
    case TY_VNUMINT: return tyH_getint(t, ivalue(key));
    case TY_VNIL: return &tyH_absentkey;
    case TY_VNUMFLT: {
      lua_Integer k;
      if (flttoint(fltvalue(key), &k))
        return tyH_getint(t, k);
      return getgeneric(t, key, 0);
    }
    default: return getgeneric(t, key, 0);
  }
}

/* ---- insertion ---- */

/* A free node for a colliding key: the next one with a nil key below
** lastfree, or NULL when there is none (or only the shared dummy node).
** lastfree only moves down, so each node is offered once between rehashes. */
static Node *getfreepos(Table *t) {
  Node *n;
  if (isdummy(t))
    return NULL;
  for (n = t->lastfree; n > t->node; ) {
    n--;
    if (keyisnil(n)) {
      t->lastfree = n;
      return n;
    }
  }
  t->lastfree = n;  /* all used: the next call gives up at once */
  return NULL;
}

/* puts an absent, valid, normalized key in the hash part; returns its (empty)
** value slot, or NULL when there is no free position.  No barrier, no errors. */
static TValue *insertkey(Table *t, const TValue *key) {
  Node *mp = mainposition(t, key);
  if (!isempty(gval(mp)) || isdummy(t)) {  /* main position taken? */
    Node *othern;
    Node *f = getfreepos(t);
    if (f == NULL)
      return NULL;
    othern = mainpositionfromnode(t, mp);
    if (othern != mp) {
      /* colliding node is out of its main position: move it to the free slot */
      while (othern + gnext(othern) != mp)
        othern += gnext(othern);
      gnext(othern) = (int)(f - othern);
      *f = *mp;  /* chain link moves along */
      if (gnext(mp) != 0) {
        gnext(f) += (int)(mp - f);
        gnext(mp) = 0;
      }
      setempty(gval(mp));
    }
    else {
      /* colliding node is in its main position: new key goes to the free slot */
      if (gnext(mp) != 0)
        gnext(f) = (int)((mp + gnext(mp)) - f);
      else
        tyassert(gnext(f) == 0);
      gnext(mp) = (int)(f - mp);
      mp = f;
    }
  }
  *gkey(mp) = *key;
  tyassert(isempty(gval(mp)));
  return gval(mp);
}

void tyH_rehashinplace(Table *t, Node *scratch) {
  unsigned int i, size = sizenode(t);
  memcpy(scratch, t->node, size * sizeof(Node));
  for (i = 0; i < size; i++) {
    Node *n = gnode(t, i);
    gnext(n) = 0;
    setnilvalue(gkey(n));
    setempty(gval(n));
  }
  t->lastfree = gnode(t, size);
  for (i = 0; i < size; i++) {
    Node *old = &scratch[i];
    if (!isempty(gval(old)) && !ttisdeadkey(gkey(old))) {
      TValue *v = insertkey(t, gkey(old));
      if (v != NULL)  /* always: there are at most `size` entries */
        *v = *gval(old);
    }
  }
}

static void setnodevector(lua_State *L, Table *t, unsigned int size) {
  if (size == 0) {
    t->node = &dummynode_;
    t->lsizenode = 0;
    t->lastfree = NULL;
  }
  else {
    unsigned int i;
    int lsize = tyO_ceillog2(size);
    if (lsize > MAXHBITS)
      tyG_runerror(L, "table overflow");
    size = 1u << lsize;
    t->node = tyM_newvector(L, size, Node);
    for (i = 0; i < size; i++) {
      Node *n = gnode(t, i);
      gnext(n) = 0;
      setnilvalue(gkey(n));
      setempty(gval(n));
    }
    t->lsizenode = (lu_byte)lsize;
    t->lastfree = gnode(t, size);  /* all positions are free */
  }
}

/* entries of the hash part that will not move to an array part of size asize */
static unsigned int numstayhash(const Table *t, unsigned int asize) {
  unsigned int i, n = 0;
  for (i = 0; i < allocsizenode(t); i++) {
    Node *nd = gnode(t, i);
    if (!isempty(gval(nd)) &&
        !(keyisinteger(nd) && l_castS2U(keyival(nd)) - 1u < asize))
      n++;
  }
  return n;
}

void tyH_resize(lua_State *L, Table *t, unsigned int newasize, unsigned int nhsize) {
  unsigned int oldasize = t->asize;
  unsigned int oldhsize = allocsizenode(t);
  Node *oldnode = t->node;
  unsigned int i, need;
  Table nt;  /* holds the new hash part until it is complete */
  TValue *newarray;
  if (newasize > MAXASIZE)
    tyG_runerror(L, "table overflow");
  /* the new hash part must fit the old entries and the vanishing array slice */
  need = numstayhash(t, newasize);
  for (i = newasize; i < oldasize; i++)
    if (!isempty(&t->array[i]))
      need++;
  if (need > nhsize)
    nhsize = need;
  setnodevector(L, &nt, nhsize);  /* may raise; t is untouched */
  if (newasize < oldasize) {
    lu_byte oldstopem = G(L)->gcstopem;
    for (i = newasize; i < oldasize; i++) {
      if (!isempty(&t->array[i])) {
        TValue k;
        TValue *slot;
        setivalue(&k, (lua_Integer)i + 1);
        slot = insertkey(&nt, &k);
        tyassert(slot != NULL);
        setobj2t(L, slot, &t->array[i]);
      }
    }
    /* the tail now lives twice: no emergency collection may clear one copy */
    G(L)->gcstopem = 1;
    newarray = (TValue *)tyM_tryrealloc_(L, t->array, oldasize * sizeof(TValue),
                                      newasize * sizeof(TValue));
    G(L)->gcstopem = oldstopem;
  }
  else if (newasize > oldasize)
    newarray = (TValue *)tyM_tryrealloc_(L, t->array, oldasize * sizeof(TValue),
                                      newasize * sizeof(TValue));
  else
    newarray = t->array;
  if (l_unlikely(newarray == NULL && newasize > 0)) {
    if (!isdummy(&nt))
      tyM_freearray(L, nt.node, sizenode(&nt));
    tyD_throw(L, LUA_ERRMEM);
  }
  /* commit */
  if (isimage(obj2gco(t)))  /* its new vectors are heap memory: freed at close */
    tyC_remember(G(L), obj2gco(t));
  t->array = newarray;
  for (i = oldasize; i < newasize; i++)
    setempty(&t->array[i]);
  t->asize = newasize;
  t->alimit = newasize;  /* no hint for tyH_getn */
  t->node = nt.node;
  t->lsizenode = nt.lsizenode;
  t->lastfree = nt.lastfree;
  for (i = 0; i < oldhsize; i++) {  /* reinsert the old hash entries */
    Node *old = oldnode + i;
    if (!isempty(gval(old))) {
      TValue k = *gkey(old);
      if (ttisinteger(&k) && l_castS2U(ivalue(&k)) - 1u < newasize) {
        setobj2t(L, &t->array[ivalue(&k) - 1], gval(old));
      }
      else {
        TValue *slot = insertkey(t, &k);
        tyassert(slot != NULL);
        setobj2t(L, slot, gval(old));
      }
    }
  }
  if (oldhsize > 0)
    tyM_freearray(L, oldnode, oldhsize);
}

void tyH_resizearray(lua_State *L, Table *t, unsigned int nasize) {
  tyH_resize(L, t, nasize, allocsizenode(t));
}

/* ---- rehash: choose the array size that keeps it more than half full ---- */

static unsigned int countint(lua_Integer key, unsigned int *nums) {
  lua_Unsigned k = l_castS2U(key);
  if (k - 1u < (lua_Unsigned)MAXASIZE) {
    nums[tyO_ceillog2((unsigned int)k)]++;
    return 1;
  }
  return 0;
}

/* nums[i] += number of keys k in the array part with 2^(i-1) < k <= 2^i */
static unsigned int numusearray(const Table *t, unsigned int *nums) {
  unsigned int lg, ttlg, ause = 0, i = 1;
  for (lg = 0, ttlg = 1; lg <= MAXABITS; lg++, ttlg *= 2) {
    unsigned int lc = 0, lim = ttlg;
    if (lim > t->asize) {
      lim = t->asize;
      if (i > lim)
        break;
    }
    for (; i <= lim; i++)
      if (!isempty(&t->array[i - 1]))
        lc++;
    nums[lg] += lc;
    ause += lc;
  }
  return ause;
}

static unsigned int numusehashints(const Table *t, unsigned int *nums, unsigned int *pna) {
  unsigned int i, total = 0, ause = 0;
  for (i = 0; i < allocsizenode(t); i++) {
    Node *n = gnode(t, i);
    if (!isempty(gval(n))) {
      if (keyisinteger(n))
        ause += countint(keyival(n), nums);
      total++;
    }
  }
  *pna += ause;
  return total;
}

/* largest n (power of 2) with more than n/2 of the slots 1..n in use */
static unsigned int computesizes(unsigned int *nums, unsigned int *pna) {
  unsigned int i, twotoi, a = 0, na = 0, optimal = 0;
  for (i = 0, twotoi = 1; twotoi > 0 && *pna > twotoi / 2; i++, twotoi *= 2) {
    a += nums[i];
    if (a > twotoi / 2) {
      optimal = twotoi;
      na = a;
    }
  }
  *pna = na;
  return optimal;
}

static void rehash(lua_State *L, Table *t, const TValue *ek) {
  unsigned int nums[MAXABITS + 1];
  unsigned int asize, na, totaluse;
  int i;
  for (i = 0; i <= MAXABITS; i++)
    nums[i] = 0;
  na = numusearray(t, nums);
  totaluse = na;
  totaluse += numusehashints(t, nums, &na);
  if (ttisinteger(ek))
    na += countint(ivalue(ek), nums);
  totaluse++;
  asize = computesizes(nums, &na);
  tyH_resize(L, t, asize, totaluse - na);
}

TValue *tyH_newkey(lua_State *L, Table *t, const TValue *key) {
  TValue aux;
  TValue *slot;
  if (ttisfloat(key)) {  /* integral floats are stored as integers; NaN is no key */
    lua_Integer asint;
    if (flttoint(fltvalue(key), &asint)) {
      setivalue(&aux, asint);
      key = &aux;
    }
    else if (l_unlikely(fltvalue(key) != fltvalue(key)))
      tyG_runerror(L, "table index is NaN");
  }
  else if (l_unlikely(ttisnil(key)))
    tyG_runerror(L, "table index is nil");
  if (ttisinteger(key) && l_castS2U(ivalue(key)) - 1u < t->asize)
    return &t->array[ivalue(key) - 1];
  t->flags &= (lu_byte)~maskflags;  /* new key: metamethod cache is stale */
  slot = insertkey(t, key);
  if (slot == NULL) {  /* no free position: grow the table */
    const TValue *s;
    rehash(L, t, key);
    s = tyH_get(t, key);
    if (!isabstkey(s))  /* went to the array part */
      return (TValue *)s;
    slot = insertkey(t, key);
    tyassert(slot != NULL);
  }
  tyC_barrierback(L, t, key);
  return slot;
}

/* errors for keys that can never be inserted */
static void checkkey(lua_State *L, const TValue *key) {
  if (ttisnil(key))
    tyG_runerror(L, "table index is nil");
  else if (ttisfloat(key) && fltvalue(key) != fltvalue(key))
    tyG_runerror(L, "table index is NaN");
}

void tyH_finishset(lua_State *L, Table *t, const TValue *key, const TValue *slot, TValue *value) {
  t->flags &= (lu_byte)~maskflags;
  if (isabstkey(slot)) {
    if (ttisnil(value)) {  /* nil values are not inserted */
      checkkey(L, key);
      return;
    }
    slot = tyH_newkey(L, t, key);
  }
  setobj2t(L, (TValue *)slot, value);
}

void tyH_set(lua_State *L, Table *t, const TValue *key, TValue *value) {
  tyH_finishset(L, t, key, tyH_get(t, key), value);
}

void tyH_setint(lua_State *L, Table *t, lua_Integer key, TValue *value) {
  const TValue *p = tyH_getint(t, key);
  if (isabstkey(p)) {
    TValue k;
    if (ttisnil(value))
      return;
    setivalue(&k, key);
    t->flags &= (lu_byte)~maskflags;
    p = tyH_newkey(L, t, &k);
  }
  setobj2t(L, (TValue *)p, value);
}

/* ---- creation / destruction ---- */

Table *tyH_new(lua_State *L) {
  GCObject *o = tyC_newobj(L, TY_VTABLE, sizeof(Table));
  Table *t = gco2t(o);
  t->metatable = NULL;
  t->flags = (lu_byte)maskflags;  /* no metamethods known yet */
  t->array = NULL;
  t->asize = 0;
  t->alimit = 0;
  t->gclist = NULL;
  setnodevector(L, t, 0);
  return t;
}

void tyH_free(lua_State *L, Table *t) {
  if (!isdummy(t))
    tyM_freearray(L, t->node, sizenode(t));
  tyM_freearray(L, t->array, t->asize);
  tyM_free(L, t);
}

size_t tyH_size(Table *t) {
  return sizeof(Table) + (size_t)t->asize * sizeof(TValue) +
         (size_t)allocsizenode(t) * sizeof(Node);
}

/* ---- traversal ---- */

/* index where the traversal continues after key: 0 = start, 1..asize array,
** asize+1+i for node i */
static unsigned int findindex(lua_State *L, Table *t, TValue *key, unsigned int asize) {
  unsigned int i;
  if (ttisnil(key))
    return 0;
  if (ttisinteger(key) && l_castS2U(ivalue(key)) - 1u < asize)
    return (unsigned int)ivalue(key);
  else {
    const TValue *n = getgeneric(t, key, 1);
    if (l_unlikely(isabstkey(n)))
      tyG_runerror(L, "invalid key to 'next'");
    i = (unsigned int)(nodefromval(n) - gnode(t, 0));
    return (i + 1) + asize;
  }
}

int tyH_next(lua_State *L, Table *t, StkId key) {
  unsigned int asize = t->asize;
  unsigned int i = findindex(L, t, key, asize);
  for (; i < asize; i++) {
    if (!isempty(&t->array[i])) {
      setivalue(key, (lua_Integer)i + 1);
      setobj2s(L, key + 1, &t->array[i]);
      return 1;
    }
  }
  for (i -= asize; i < sizenode(t); i++) {
    Node *n = gnode(t, i);
    if (!isempty(gval(n))) {
      setobj2s(L, key, gkey(n));
      setobj2s(L, key + 1, gval(n));
      return 1;
    }
  }
  return 0;
}

/* ---- length (a border) ---- */

/* j is a non-empty key (beyond the array part): find a border after it */
static lua_Unsigned hash_search(Table *t, lua_Unsigned j) {
  lua_Unsigned i;
  do {
    i = j;  /* t[i] is present */
    if (j <= l_castS2U(LUA_MAXINTEGER) / 2)
      j *= 2;
    else {
      j = LUA_MAXINTEGER;
      if (isempty(tyH_getint(t, (lua_Integer)j)))
        break;
      return j;  /* t[maxinteger] present: that is a border */
    }
  } while (!isempty(tyH_getint(t, (lua_Integer)j)));
  /* t[i] present, t[j] absent: binary search */
  while (j - i > 1u) {
    lua_Unsigned m = (i + j) / 2;
    if (isempty(tyH_getint(t, (lua_Integer)m)))
      j = m;
    else
      i = m;
  }
  return i;
}

/* A border in the array part between lo (0, or t[lo] present) and hi (t[hi]
** empty), by bisection. */
static unsigned int array_border(const Table *t, unsigned int lo, unsigned int hi) {
  while (hi - lo > 1u) {
    unsigned int m = lo + (hi - lo) / 2;
    if (isempty(&t->array[m - 1]))
      hi = m;
    else
      lo = m;
  }
  return lo;
}

#define ispow2(x) (((x) & ((x) - 1)) == 0)

/*
** Which border '#' reports for a table with holes is observable (serializers
** show it), so it follows PUC Lua 5.4's choice, which depends on the table's
** history through a hint, alimit: asize for none, else a border found earlier,
** kept only while the array size is a power of 2 and the hint is above half of
** it (and so not itself a power of 2).  The VM reads keys up to alimit
** directly; an integer key beyond it but inside the array goes through
** tyH_getint, which makes that key the hint.  The search starts at the hint;
** resizing drops it.
*/
lua_Unsigned tyH_getn(Table *t) {
  unsigned int asize = t->asize;
  unsigned int limit = t->alimit;
  if (limit > 0 && isempty(&t->array[limit - 1])) {  /* a border below limit */
    unsigned int border;
    if (limit >= 2 && !isempty(&t->array[limit - 2])) {
      border = limit - 1;
      if (ispow2(asize) && !ispow2(border))
        t->alimit = border;
    }
    else {
      border = array_border(t, 0, limit);
      if (ispow2(asize) && border > asize / 2)
        t->alimit = border;
    }
    return border;
  }
  if (limit != asize) {  /* t[limit] present, below the array's end */
    if (isempty(&t->array[limit]))
      return limit;
    if (isempty(&t->array[asize - 1]))  /* a border between limit and the end */
      return t->alimit = array_border(t, limit, asize);
    t->alimit = asize;  /* the array part is full */
  }
  /* array part full (or absent) */
  if (isdummy(t) || isempty(tyH_getint(t, (lua_Integer)asize + 1)))
    return asize;
  /* t[asize + 1] present: the doubling search starts from asize (from 1 for
  ** no array part), which picks the same border as PUC Lua, e.g. 5, not 7, for
  ** {1, 2, 3, 4, [5] = 5, [7] = 7} */
  return hash_search(t, asize > 0 ? (lua_Unsigned)asize : 1);
}
