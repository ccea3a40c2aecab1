/* imgpath.c: names a heap object for the image writer's errors: its __name and a path from the roots. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "image.h"
#include "../core/state.h"
#include "../core/tab.h"
#include "../core/str.h"

/* the string at the metatable's "__name" key, or NULL */
const char *tyI_typename(const Table *mt) {
  unsigned int i, n;
  if (mt == NULL || mt->lastfree == NULL) return NULL;
  n = sizenode(mt);
  for (i = 0; i < n; i++) {
    const Node *nd = &mt->node[i];
    if (ttisstring(gkey(nd)) && ttisstring(gval(nd)) && !isempty(gval(nd))) {
      const TString *k = tsvalue(gkey(nd));
      if (tsslen(k) == 6 && memcmp(getstr(k), "__name", 6) == 0)
        return getstr(tsvalue(gval(nd)));
    }
  }
  return NULL;
}

typedef struct Buf { char *p; size_t n, len; } Buf;

static void add(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(Buf *b, const char *fmt, ...) {
  va_list ap;
  int k;
  if (b->len + 1 >= b->n) return;
  va_start(ap, fmt);
  k = vsnprintf(b->p + b->len, b->n - b->len, fmt, ap);
  va_end(ap);
  if (k > 0) b->len += (size_t)k < b->n - b->len ? (size_t)k : b->n - b->len - 1;
}

static int isident(const TString *s) {
  const char *c = getstr(s);
  size_t i, n = tsslen(s);
  if (n == 0 || n > 40 || (c[0] >= '0' && c[0] <= '9')) return 0;
  for (i = 0; i < n; i++)
    if (!(c[i] == '_' || (c[i] >= 'a' && c[i] <= 'z') || (c[i] >= 'A' && c[i] <= 'Z') ||
          (c[i] >= '0' && c[i] <= '9')))
      return 0;
  return 1;
}

static void addkey(Buf *b, const TValue *k) {
  if (ttisstring(k)) {
    const TString *s = tsvalue(k);
    if (isident(s)) add(b, ".%s", getstr(s));
    else add(b, "[\"%.30s\"]", getstr(s));
  }
  else if (ttisinteger(k)) add(b, "[%lld]", (long long)ivalue(k));
  else if (ttisfloat(k)) add(b, "[%g]", fltvalue(k));
  else if (ttisboolean(k)) add(b, "[%s]", ttistrue(k) ? "true" : "false");
  else add(b, "[<key>]");
}

static int same(const TValue *v, const GCObject *o) {
  return iscollectable(v) && gcvalue(v) == o;
}

/* one step of the path: how child is reached from parent */
static void edge(Buf *b, const GCObject *parent, const GCObject *child) {
  int i;
  switch (parent->tt) {
    case TY_VTABLE: {
      const Table *t = gco2t(parent);
      unsigned int j;
      if (obj2gco(t->metatable) == child) { add(b, "<metatable>"); return; }
      for (j = 0; j < t->asize; j++)
        if (same(&t->array[j], child)) { add(b, "[%u]", j + 1); return; }
      if (t->lastfree != NULL) {
        for (j = 0; j < sizenode(t); j++) {
          const Node *nd = &t->node[j];
          if (isempty(gval(nd))) continue;
          if (same(gval(nd), child)) { addkey(b, gkey(nd)); return; }
          if (same(gkey(nd), child)) { add(b, "<key>"); return; }
        }
      }
      break;
    }
    case TY_VLCL: {
      const LClosure *cl = gco2lcl(parent);
      for (i = 0; i < cl->nupvalues; i++) {
        if (obj2gco(cl->upvals[i]) == child) {
          const Proto *p = cl->p;
          if (p != NULL && i < p->sizeupvalues && p->upvalues[i].name != NULL)
            add(b, "<upvalue '%s'>", getstr(p->upvalues[i].name));
          else
            add(b, "<upvalue %d>", i + 1);
          return;
        }
      }
      if (obj2gco(cl->p) == child) return;
      break;
    }
    case TY_VCCL: {
      const CClosure *cl = gco2ccl(parent);
      for (i = 0; i < cl->nupvalues; i++)
        if (same(&cl->upvalue[i], child)) { add(b, "<upvalue %d>", i + 1); return; }
      break;
    }
    case TY_VUSERDATA: {
      const Udata *u = gco2u(parent);
      if (obj2gco(u->metatable) == child) { add(b, "<metatable>"); return; }
      for (i = 0; i < u->nuvalue; i++)
        if (same(&u->uv[i], child)) { add(b, "<uservalue %d>", i + 1); return; }
      break;
    }
    case TY_VUPVAL:
      return;  /* named by the closure step */
    case TY_VPROTO:
      add(b, "<constant>");
      return;
    case TY_VTHREAD:
      add(b, "<coroutine stack>");
      return;
  }
  add(b, "<?>");
}

/*
** chain[0..n-1]: objects from a root (chain[0]) to the one being named.
** Writes e.g. "package.loaded.re.compile<upvalue 'mem'>[1]".
*/
void tyI_describepath(lua_State *L, GCObject *const *chain, int n, char *out, size_t outlen) {
  Buf b;
  int i = 1;
  const global_State *g = G(L);
  b.p = out;
  b.n = outlen;
  b.len = 0;
  out[0] = '\0';
  if (n <= 0) return;
  if (chain[0] != gcvalue(&g->l_registry)) {
    int t, ismt = 0;
    for (t = 0; t < LUA_NUMTYPES; t++)
      if (g->mt[t] != NULL && obj2gco(g->mt[t]) == chain[0]) ismt = 1;
    add(&b, ismt ? "a basic type's metatable" : "...");  /* else: a path cut short */
  }
  else if (n >= 3 && chain[1]->tt == TY_VTABLE) {
    const Table *reg = gco2t(chain[0]);
    Buf k;
    char kb[64];
    k.p = kb; k.n = sizeof kb; k.len = 0; kb[0] = '\0';
    edge(&k, chain[0], chain[1]);
    if (strcmp(kb, "._LOADED") == 0) {
      add(&b, "package.loaded");
      i = 2;
    }
    else if (reg->asize >= LUA_RIDX_GLOBALS && same(&reg->array[LUA_RIDX_GLOBALS - 1], chain[1])) {
      add(&b, "_G");
      i = 2;
    }
    else
      add(&b, "registry");
  }
  else
    add(&b, "registry");
  if (n - i > 24) {  /* keep the message short: the start and the end */
    for (; i < 12; i++) edge(&b, chain[i - 1], chain[i]);
    add(&b, "...");
    i = n - 10;
  }
  for (; i < n; i++) edge(&b, chain[i - 1], chain[i]);
}
