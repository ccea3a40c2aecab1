/* strpattern.c: Lua patterns and string.find, match, gmatch, gsub. */
#include <ctype.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "strlib.h"

#define MAXCAPS 32          /* LUA_MAXCAPTURES */
#define MAXDEPTH 200        /* recursion budget of one match (MAXCCALLS) */
#define ESC '%'
#define SPECIALS "^$*+?.([%-"

#define CAP_OPEN (-1)       /* capture still open */
#define CAP_POS (-2)        /* position capture "()" */

typedef struct Matcher {
  const char *src;          /* subject start */
  const char *src_end;      /* subject end (a '\0' always follows it) */
  const char *pat_end;
  lua_State *L;
  int depth;                /* remaining recursion budget */
  int level;                /* number of captures (open or closed) */
  struct {
    const char *start;
    ptrdiff_t len;          /* length, or CAP_OPEN / CAP_POS */
  } cap[MAXCAPS];
} Matcher;

static const char *do_match(Matcher *m, const char *s, const char *p);

static void matcher_init(Matcher *m, lua_State *L, const char *s, size_t ls,
                         const char *p, size_t lp) {
  m->L = L;
  m->src = s;
  m->src_end = s + ls;
  m->pat_end = p + lp;
  m->depth = MAXDEPTH;
  m->level = 0;
}

static void matcher_reset(Matcher *m) {
  m->level = 0;
  m->depth = MAXDEPTH;
}

/* ---- single character classes ---- */

/* is c in the class named by the lower-case letter k? -1: k names no class */
static int in_class(int c, int k) {
  switch (k) {
    /* letters and digits */
    case 'a': return isalpha(c) != 0;
    case 'l': return islower(c) != 0;
    case 'u': return isupper(c) != 0;
    case 'd': return isdigit(c) != 0;
    case 'x': return isxdigit(c) != 0;
    case 'w': return isalnum(c) != 0;
    /* the rest of the character set */
    case 'p': return ispunct(c) != 0;
    case 's': return isspace(c) != 0;
    case 'c': return iscntrl(c) != 0;
    case 'g': return isgraph(c) != 0;
    case 'z': return c == 0;  /* deprecated, still accepted */
    default: return -1;
  }
}

/* does c match %cl?  An upper-case class letter is the complement of the
** class; a character that names no class (e.g. '%.') stands for itself. */
static int class_matches(int c, int cl) {
  int in = in_class(c, tolower(cl));
  if (in < 0) return cl == c;
  return isupper(cl) ? !in : in;
}

/* end of the single-character class starting at p */
static const char *class_end(Matcher *m, const char *p) {
  char c = *p++;
  if (c == ESC) {
    if (p >= m->pat_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    if (*p == '^') p++;
    do {   /* the first character after '[' or '[^' is never the closing ']' */
      if (p >= m->pat_end) luaL_error(m->L, "malformed pattern (missing ']')");
      c = *p++;
      if (c == ESC && p < m->pat_end) p++;   /* skip escaped char, e.g. '%]' */
    } while (*p != ']');
    return p + 1;
  }
  return p;
}

/* does c belong to the set [ ... ] that spans p (at '[') to ec (at ']')? */
static int set_matches(int c, const char *p, const char *ec) {
  int found = 1;
  if (p[1] == '^') {
    found = 0;
    p++;
  }
  for (p++; p < ec; p++) {
    if (*p == ESC) {
      p++;
      if (class_matches(c, (unsigned char)*p)) return found;
    } else if (p[1] == '-' && p + 2 < ec) {
      if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return found;
      p += 2;
    } else if ((unsigned char)*p == c) {
      return found;
    }
  }
  return !found;
}

/* does the character at s match the class p..ep? */
static int single_match(Matcher *m, const char *s, const char *p, const char *ep) {
  int c;
  if (s >= m->src_end) return 0;
  c = (unsigned char)*s;
  switch (*p) {
    case '.': return 1;
    case ESC: return class_matches(c, (unsigned char)p[1]);
    case '[': return set_matches(c, p, ep - 1);
    default: return (unsigned char)*p == c;
  }
}

/* ---- pattern items ---- */

static const char *match_balance(Matcher *m, const char *s, const char *p) {
  int open, close, depth = 1;
  if (p + 1 >= m->pat_end)
    luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
  if (s >= m->src_end || *s != *p) return NULL;
  open = *p;
  close = p[1];
  while (++s < m->src_end) {
    if (*s == close) {
      if (--depth == 0) return s + 1;
    } else if (*s == open) {
      depth++;
    }
  }
  return NULL;
}

static const char *max_expand(Matcher *m, const char *s, const char *p, const char *ep) {
  ptrdiff_t n = 0;
  while (single_match(m, s + n, p, ep)) n++;
  for (; n >= 0; n--) {   /* try the longest repetition first */
    const char *r = do_match(m, s + n, ep + 1);
    if (r) return r;
  }
  return NULL;
}

static const char *min_expand(Matcher *m, const char *s, const char *p, const char *ep) {
  for (;;) {
    const char *r = do_match(m, s, ep + 1);
    if (r) return r;
    if (!single_match(m, s, p, ep)) return NULL;
    s++;
  }
}

static const char *start_capture(Matcher *m, const char *s, const char *p, ptrdiff_t what) {
  const char *r;
  if (m->level >= MAXCAPS) luaL_error(m->L, "too many captures");
  m->cap[m->level].start = s;
  m->cap[m->level].len = what;
  m->level++;
  if ((r = do_match(m, s, p)) == NULL) m->level--;
  return r;
}

static const char *end_capture(Matcher *m, const char *s, const char *p) {
  int l;
  const char *r;
  for (l = m->level - 1; l >= 0; l--)
    if (m->cap[l].len == CAP_OPEN) break;
  if (l < 0) luaL_error(m->L, "invalid pattern capture");
  m->cap[l].len = s - m->cap[l].start;
  if ((r = do_match(m, s, p)) == NULL) m->cap[l].len = CAP_OPEN;
  return r;
}

static const char *match_backref(Matcher *m, const char *s, int c) {
  int l = c - '1';
  size_t len;
  if (l < 0 || l >= m->level || m->cap[l].len == CAP_OPEN)
    luaL_error(m->L, "invalid capture index %%%d", l + 1);
  if (m->cap[l].len == CAP_POS) return NULL;
  len = (size_t)m->cap[l].len;
  if ((size_t)(m->src_end - s) >= len && memcmp(m->cap[l].start, s, len) == 0)
    return s + len;
  return NULL;
}

/* the matcher: returns the end of the match of p at s, or NULL */
static const char *do_match(Matcher *m, const char *s, const char *p) {
  if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
  while (p != m->pat_end) {
    const char *ep;
    if (*p == '(') {
      if (p + 1 < m->pat_end && p[1] == ')') s = start_capture(m, s, p + 2, CAP_POS);
      else s = start_capture(m, s, p + 1, CAP_OPEN);
      break;
    }
    if (*p == ')') {
      s = end_capture(m, s, p + 1);
      break;
    }
    if (*p == '$' && p + 1 == m->pat_end) {
      if (s != m->src_end) s = NULL;
      break;
    }
    if (*p == ESC && p + 1 < m->pat_end) {
      if (p[1] == 'b') {
        s = match_balance(m, s, p + 2);
        if (s == NULL) break;
        p += 4;
        continue;
      }
      if (p[1] == 'f') {
        int prev, cur;
        p += 2;
        if (p >= m->pat_end || *p != '[')
          luaL_error(m->L, "missing '[' after '%%f' in pattern");
        ep = class_end(m, p);
        prev = (s == m->src) ? 0 : (unsigned char)s[-1];
        cur = (s < m->src_end) ? (unsigned char)*s : 0;
        if (!set_matches(prev, p, ep - 1) && set_matches(cur, p, ep - 1)) {
          p = ep;
          continue;
        }
        s = NULL;
        break;
      }
      if (isdigit((unsigned char)p[1])) {
        s = match_backref(m, s, (unsigned char)p[1]);
        if (s == NULL) break;
        p += 2;
        continue;
      }
    }
    /* a single-character class, possibly followed by a repetition suffix */
    ep = class_end(m, p);
    if (!single_match(m, s, p, ep)) {
      if (ep < m->pat_end && (*ep == '*' || *ep == '?' || *ep == '-')) {
        p = ep + 1;   /* zero repetitions accepted */
        continue;
      }
      s = NULL;
      break;
    }
    if (ep < m->pat_end) {
      const char *r;
      switch (*ep) {
        case '?':
          if ((r = do_match(m, s + 1, ep + 1)) != NULL) {
            s = r;
            goto done;
          }
          p = ep + 1;
          continue;
        case '+': s = max_expand(m, s + 1, p, ep); goto done;
        case '*': s = max_expand(m, s, p, ep); goto done;
        case '-': s = min_expand(m, s, p, ep); goto done;
        default: break;
      }
    }
    s++;
    p = ep;
  }
done:
  m->depth++;
  return s;
}

/* ---- captures ---- */

static void push_capture(Matcher *m, int i, const char *s, const char *e) {
  if (i >= m->level) {
    if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
    lua_pushlstring(m->L, s, (size_t)(e - s));   /* the whole match */
    return;
  }
  if (m->cap[i].len == CAP_OPEN) luaL_error(m->L, "unfinished capture");
  if (m->cap[i].len == CAP_POS)
    lua_pushinteger(m->L, (m->cap[i].start - m->src) + 1);
  else
    lua_pushlstring(m->L, m->cap[i].start, (size_t)m->cap[i].len);
}

/* pushes all captures (or the whole match s..e when there are none and s != NULL) */
static int push_captures(Matcher *m, const char *s, const char *e) {
  int i, n = (m->level == 0 && s != NULL) ? 1 : m->level;
  luaL_checkstack(m->L, n, "too many captures");
  for (i = 0; i < n; i++) push_capture(m, i, s, e);
  return n;
}

/* ---- find / match ---- */

static int has_specials(const char *p, size_t lp) {
  size_t i;
  for (i = 0; i < lp; i++)
    if (p[i] != '\0' && strchr(SPECIALS, p[i]) != NULL) return 1;
  return 0;
}

static const char *plain_find(const char *s, size_t ls, const char *p, size_t lp) {
  if (lp == 0) return s;
  if (lp > ls) return NULL;
  return (const char *)memmem(s, ls, p, lp);
}

static int find_aux(lua_State *L, int find) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = tystr_posrelat(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {
    luaL_pushfail(L);
    return 1;
  }
  if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
    const char *r = plain_find(s + init, ls - init, p, lp);
    if (r) {
      lua_pushinteger(L, (r - s) + 1);
      lua_pushinteger(L, (lua_Integer)((r - s) + lp));
      return 2;
    }
  } else {
    Matcher m;
    const char *s1 = s + init;
    int anchor = (lp > 0 && *p == '^');
    if (anchor) {
      p++;
      lp--;
    }
    matcher_init(&m, L, s, ls, p, lp);
    do {
      const char *e;
      matcher_reset(&m);
      if ((e = do_match(&m, s1, p)) != NULL) {
        if (find) {
          lua_pushinteger(L, (s1 - s) + 1);
          lua_pushinteger(L, e - s);
          return push_captures(&m, NULL, NULL) + 2;
        }
        return push_captures(&m, s1, e);
      }
    } while (s1++ < m.src_end && !anchor);
  }
  luaL_pushfail(L);
  return 1;
}

int tystr_find(lua_State *L) { return find_aux(L, 1); }
int tystr_match(lua_State *L) { return find_aux(L, 0); }

/* ---- gmatch ---- */

/*
** The iterator keeps no pointers between calls (so it survives being written
** into an image): upvalue 1 is the subject, 2 the pattern, 3 the offset where
** the next search starts and 4 the end offset of the last match (-1: none;
** an empty match may not end there again).  Pointers are recomputed from the
** upvalue strings on every call.
*/
int tystr_gmatch_step(lua_State *L) {
  size_t ls, lp;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
  const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
  lua_Integer next = lua_tointeger(L, lua_upvalueindex(3));
  lua_Integer last = lua_tointeger(L, lua_upvalueindex(4));
  const char *lastmatch = (last >= 0 && (size_t)last <= ls) ? s + last : NULL;
  const char *src;
  Matcher m;
  if (s == NULL || p == NULL || next < 0 || (size_t)next > ls)
    return 0;   /* exhausted (or a state no longer usable): no more matches */
  matcher_init(&m, L, s, ls, p, lp);
  for (src = s + next; src <= m.src_end; src++) {
    const char *e;
    matcher_reset(&m);
    if ((e = do_match(&m, src, p)) != NULL && e != lastmatch) {
      lua_pushinteger(L, (lua_Integer)(e - s));
      lua_copy(L, -1, lua_upvalueindex(3));
      lua_replace(L, lua_upvalueindex(4));
      return push_captures(&m, src, e);
    }
  }
  lua_pushinteger(L, (lua_Integer)ls + 1);
  lua_replace(L, lua_upvalueindex(3));
  return 0;
}

int tystr_gmatch(lua_State *L) {
  size_t ls;
  luaL_checklstring(L, 1, &ls);
  luaL_checkstring(L, 2);
  size_t init = tystr_posrelat(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) init = ls + 1;   /* start past the end: no matches */
  lua_settop(L, 2);
  lua_pushinteger(L, (lua_Integer)init);
  lua_pushinteger(L, -1);
  lua_pushcclosure(L, tystr_gmatch_step, 4);
  return 1;
}

/* ---- gsub ---- */

/* appends the string replacement, expanding %0-%9 and %% */
static void add_string_repl(Matcher *m, luaL_Buffer *b, const char *s, const char *e) {
  lua_State *L = m->L;
  size_t l;
  const char *r = lua_tolstring(L, 3, &l);
  const char *rend = r + l;
  const char *pct;
  while ((pct = memchr(r, ESC, (size_t)(rend - r))) != NULL) {
    luaL_addlstring(b, r, (size_t)(pct - r));
    pct++;   /* skip ESC */
    if (pct < rend && *pct == ESC) {
      luaL_addchar(b, ESC);
    } else if (pct < rend && *pct == '0') {
      luaL_addlstring(b, s, (size_t)(e - s));
    } else if (pct < rend && isdigit((unsigned char)*pct)) {
      int l = *pct - '1';
      if (l < m->level && m->cap[l].len >= 0) {  /* closed string capture: copy it */
        luaL_addlstring(b, m->cap[l].start, (size_t)m->cap[l].len);
        r = pct + 1;
        continue;
      }
      if (l == 0 && m->level == 0) {  /* %1 without captures: the whole match */
        luaL_addlstring(b, s, (size_t)(e - s));
        r = pct + 1;
        continue;
      }
      push_capture(m, l, s, e);
      luaL_tolstring(L, -1, NULL);
      lua_remove(L, -2);
      luaL_addvalue(b);
    } else {
      luaL_error(L, "invalid use of '%c' in replacement string", ESC);
    }
    r = pct + 1;
  }
  luaL_addlstring(b, r, (size_t)(rend - r));
}

/* appends the replacement of match s..e; returns whether it changed the text */
static int add_repl(Matcher *m, luaL_Buffer *b, const char *s, const char *e, int tr) {
  lua_State *L = m->L;
  if (tr == LUA_TFUNCTION) {
    int n;
    lua_pushvalue(L, 3);
    n = push_captures(m, s, e);
    lua_call(L, n, 1);
  } else if (tr == LUA_TTABLE) {
    push_capture(m, 0, s, e);
    lua_gettable(L, 3);
  } else {
    add_string_repl(m, b, s, e);
    return 1;
  }
  if (!lua_toboolean(L, -1)) {   /* nil or false: keep the original text */
    lua_pop(L, 1);
    luaL_addlstring(b, s, (size_t)(e - s));
    return 0;
  }
  if (!lua_isstring(L, -1))
    return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
  luaL_addvalue(b);
  return 1;
}

/*
** string.gsub(s, pattern, repl [, n]).  One pass over the subject: at each
** position either a match is replaced and the scan resumes at its end, or
** one byte is copied as it is.  An empty match may not end where the
** previous match ended.  Argument 4 is read before repl's type is checked,
** as in lua5.4.
*/
int tystr_gsub(lua_State *L) {
  size_t slen, plen;
  const char *subj = luaL_checklstring(L, 1, &slen);
  const char *pat = luaL_checklstring(L, 2, &plen);
  int rtype = lua_type(L, 3);
  lua_Integer limit = luaL_optinteger(L, 4, (lua_Integer)slen + 1);
  int anchored = (plen > 0 && pat[0] == '^');
  const char *at = subj;          /* where the next match is tried */
  const char *prev_end = NULL;    /* end of the last match */
  lua_Integer count = 0;
  int changed = 0;
  Matcher m;
  luaL_Buffer b;
  luaL_argexpected(L, rtype == LUA_TNUMBER || rtype == LUA_TSTRING ||
                   rtype == LUA_TFUNCTION || rtype == LUA_TTABLE, 3,
                   "string/function/table");
  if (anchored) {
    pat++;
    plen--;
  }
  luaL_buffinit(L, &b);
  matcher_init(&m, L, subj, slen, pat, plen);
  while (count < limit) {
    const char *e;
    matcher_reset(&m);
    e = do_match(&m, at, pat);
    if (e == NULL || e == prev_end) {  /* nothing to replace here */
      if (anchored || at == m.src_end) break;
      luaL_addchar(&b, *at);
      at++;
      continue;
    }
    count++;
    changed |= add_repl(&m, &b, at, e, rtype);
    at = prev_end = e;
    if (anchored) break;
  }
  if (changed) {
    luaL_addlstring(&b, at, (size_t)(m.src_end - at));
    luaL_pushresult(&b);
  } else {
    lua_pushvalue(L, 1);  /* nothing replaced: the subject itself */
  }
  lua_pushinteger(L, count);
  return 2;
}
