/* obj.c: number <-> text conversions, constant arithmetic, lua_pushfstring's engine, chunk ids. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "obj.h"
#include "state.h"
#include "str.h"
#include "mem.h"
#include "../vm/vm.h"
#include "../vm/debug.h"

#define lisspace(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))
#define lisdigit(c) ((unsigned)(c) - '0' < 10u)
#define lisxdigit(c) (lisdigit(c) || ((unsigned)((c) | 0x20) - 'a' < 6u))

int tyO_ceillog2(unsigned int x) {
  return (x <= 1) ? 0 : 32 - __builtin_clz(x - 1);
}

int tyO_hexavalue(int c) {
  if (lisdigit(c))
    return c - '0';
  return (c | 0x20) - 'a' + 10;
}

/* UTF-8 bytes of x (< 2^31) at the end of buff[UTF8BUFFSZ]; returns the count */
int tyO_utf8esc(char *buff, unsigned long x) {
  int n = 1;
  if (x < 0x80)
    buff[UTF8BUFFSZ - 1] = (char)x;
  else {
    unsigned int mfb = 0x3f;  /* largest value fitting in the first byte */
    do {
      buff[UTF8BUFFSZ - (n++)] = (char)(0x80 | (x & 0x3f));
      x >>= 6;
      mfb >>= 1;
    } while (x > mfb);
    buff[UTF8BUFFSZ - n] = (char)((~mfb << 1) | x);
  }
  return n;
}

/* ---- constant arithmetic ---- */

static int exacttoint(const TValue *o, lua_Integer *p) {
  if (ttisinteger(o)) {
    *p = ivalue(o);
    return 1;
  }
  if (ttisfloat(o)) {
    lua_Number n = fltvalue(o);
    lua_Number f = floor(n);
    if (f != n)
      return 0;
    return lua_numbertointeger(f, p);
  }
  return 0;
}

static lua_Integer intarith(lua_State *L, int op, lua_Integer v1, lua_Integer v2) {
  switch (op) {
    case LUA_OPADD: return intop(+, v1, v2);
    case LUA_OPSUB: return intop(-, v1, v2);
    case LUA_OPMUL: return intop(*, v1, v2);
    case LUA_OPMOD: return tyV_mod(L, v1, v2);
    case LUA_OPIDIV: return tyV_idiv(L, v1, v2);
    case LUA_OPBAND: return intop(&, v1, v2);
    case LUA_OPBOR: return intop(|, v1, v2);
    case LUA_OPBXOR: return intop(^, v1, v2);
    case LUA_OPSHL: return tyV_shiftl(v1, v2);
    case LUA_OPSHR: return tyV_shiftl(v1, intop(-, 0, v2));
    case LUA_OPUNM: return intop(-, 0, v1);
    case LUA_OPBNOT: return intop(^, ~l_castS2U(0), v1);
    default: return 0;
  }
}

static lua_Number numarith(lua_State *L, int op, lua_Number v1, lua_Number v2) {
  switch (op) {
    case LUA_OPADD: return v1 + v2;
    case LUA_OPSUB: return v1 - v2;
    case LUA_OPMUL: return v1 * v2;
    case LUA_OPDIV: return v1 / v2;
    case LUA_OPPOW: return (v2 == 2) ? v1 * v1 : pow(v1, v2);
    case LUA_OPIDIV: return floor(v1 / v2);
    case LUA_OPUNM: return -v1;
    case LUA_OPMOD: return tyV_modf(L, v1, v2);
    default: return 0;
  }
}

int tyO_rawarith(lua_State *L, int op, const TValue *p1, const TValue *p2, TValue *res) {
  lua_Number n1, n2;
  switch (op) {
    case LUA_OPBAND: case LUA_OPBOR: case LUA_OPBXOR:
    case LUA_OPSHL: case LUA_OPSHR: case LUA_OPBNOT: {
      lua_Integer i1, i2;
      if (exacttoint(p1, &i1) && exacttoint(p2, &i2)) {
        setivalue(res, intarith(L, op, i1, i2));
        return 1;
      }
      return 0;
    }
    case LUA_OPDIV: case LUA_OPPOW:
      if (tonumberns(p1, n1) && tonumberns(p2, n2)) {
        setfltvalue(res, numarith(L, op, n1, n2));
        return 1;
      }
      return 0;
    default:
      if (ttisinteger(p1) && ttisinteger(p2)) {
        if ((op == LUA_OPMOD || op == LUA_OPIDIV) && ivalue(p2) == 0)
          return 0;  /* would raise "attempt to perform 'n%%0'" */
        setivalue(res, intarith(L, op, ivalue(p1), ivalue(p2)));
        return 1;
      }
      if (tonumberns(p1, n1) && tonumberns(p2, n2)) {
        setfltvalue(res, numarith(L, op, n1, n2));
        return 1;
      }
      return 0;
  }
}

/* ---- text -> number ---- */

#define L_MAXLENNUM 200

static const char *l_str2dloc(const char *s, lua_Number *result, int mode) {
  char *endptr;
  *result = (mode == 'x') ? lua_strx2number(s, &endptr) : lua_str2number(s, &endptr);
  if (endptr == s)
    return NULL;  /* nothing recognized */
  while (lisspace((unsigned char)*endptr))
    endptr++;
  return (*endptr == '\0') ? endptr : NULL;
}

static const char *l_str2d(const char *s, lua_Number *result) {
  const char *endptr;
  const char *pmode = strpbrk(s, ".xXnN");
  int mode = pmode ? ((unsigned char)*pmode | 0x20) : 0;
  if (mode == 'n')  /* reject 'inf' and 'nan' */
    return NULL;
  endptr = l_str2dloc(s, result, mode);
  if (endptr == NULL) {  /* maybe the locale uses another decimal point */
    char buff[L_MAXLENNUM + 1];
    const char *pdot = strchr(s, '.');
    if (pdot == NULL || strlen(s) > L_MAXLENNUM)
      return NULL;
    strcpy(buff, s);
    buff[pdot - s] = lua_getlocaledecpoint();
    endptr = l_str2dloc(buff, result, mode);
    if (endptr != NULL)
      endptr = s + (endptr - buff);
  }
  return endptr;
}

#define MAXBY10 ((lua_Unsigned)(LUA_MAXINTEGER / 10))
#define MAXLASTD ((int)(LUA_MAXINTEGER % 10))

static const char *l_str2int(const char *s, lua_Integer *result) {
  lua_Unsigned a = 0;
  int empty = 1;
  int neg = 0;
  while (lisspace((unsigned char)*s))
    s++;
  if (*s == '-') { s++; neg = 1; }
  else if (*s == '+')
    s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {  /* hex: wraps around */
    s += 2;
    for (; lisxdigit((unsigned char)*s); s++) {
      a = a * 16 + (lua_Unsigned)tyO_hexavalue((unsigned char)*s);
      empty = 0;
    }
  }
  else {
    for (; lisdigit((unsigned char)*s); s++) {
      int d = *s - '0';
      if (a >= MAXBY10 && (a > MAXBY10 || d > MAXLASTD + neg))
        return NULL;  /* overflow: let it be read as a float */
      a = a * 10 + (lua_Unsigned)d;
      empty = 0;
    }
  }
  while (lisspace((unsigned char)*s))
    s++;
  if (empty || *s != '\0')
    return NULL;
  *result = l_castU2S(neg ? 0u - a : a);
  return s;
}

size_t tyO_str2num(const char *s, TValue *o) {
  lua_Integer i;
  lua_Number n;
  const char *e;
  if ((e = l_str2int(s, &i)) != NULL) {
    setivalue(o, i);
  }
  else if ((e = l_str2d(s, &n)) != NULL) {
    setfltvalue(o, n);
  }
  else
    return 0;
  return (size_t)(e - s) + 1;
}

/* ---- number -> text ---- */

int tyO_tostringbuff(const TValue *obj, char *buff) {
  int len;
  if (ttisinteger(obj))
    len = lua_integer2str(buff, TY_MAXNUMBER2STR, ivalue(obj));
  else {
    len = lua_number2str(buff, TY_MAXNUMBER2STR, fltvalue(obj));
    if (buff[strspn(buff, "-0123456789")] == '\0') {  /* looks like an int? */
      buff[len++] = lua_getlocaledecpoint();
      buff[len++] = '0';
    }
  }
  return len;
}

void tyO_tostring(lua_State *L, TValue *obj) {
  char buff[TY_MAXNUMBER2STR];
  int len = tyO_tostringbuff(obj, buff);
  setsvalue(L, obj, tyS_newlstr(L, buff, (size_t)len));
}

/* ---- lua_pushfstring ---- */

#define BUFVFS 200

/* pieces are collected in `space`; full pieces are appended to the string
** kept at the top of the stack (one slot, within EXTRA_STACK) */
typedef struct BuffFS {
  lua_State *L;
  int pushed;   /* a partial result is on the stack */
  int blen;
  char space[BUFVFS];
} BuffFS;

static void pushstr(BuffFS *buff, const char *str, size_t l) {
  lua_State *L = buff->L;
  TString *ts;
  if (!buff->pushed) {
    ts = tyS_newlstr(L, str, l);
    setsvalue(L, L->top, ts);
    L->top++;
    buff->pushed = 1;
    return;
  }
  if (l == 0)
    return;
  else {
    TString *prev = tsvalue(L->top - 1);  /* anchored while allocating */
    size_t pl = tsslen(prev);
    size_t tl;
    if (l >= ((size_t)~(size_t)0) / 2 - pl)
      tyM_toobig(L);
    tl = pl + l;
    if (tl <= TY_MAXSHORTLEN) {
      char tmp[TY_MAXSHORTLEN];
      memcpy(tmp, getstr(prev), pl);
      memcpy(tmp + pl, str, l);
      ts = tyS_newlstr(L, tmp, tl);
    }
    else {
      ts = tyS_createlngstrobj(L, tl);
      memcpy(getstr(ts), getstr(tsvalue(L->top - 1)), pl);
      memcpy(getstr(ts) + pl, str, l);
    }
    setsvalue(L, L->top - 1, ts);
  }
}

static void clearbuff(BuffFS *buff) {
  pushstr(buff, buff->space, (size_t)buff->blen);
  buff->blen = 0;
}

static char *getbuff(BuffFS *buff, int sz) {
  if (sz > BUFVFS - buff->blen)
    clearbuff(buff);
  return buff->space + buff->blen;
}

#define addsize(b, sz) ((b)->blen += (sz))

static void addstr2buff(BuffFS *buff, const char *str, size_t slen) {
  if (slen <= BUFVFS) {
    char *bf = getbuff(buff, (int)slen);
    memcpy(bf, str, slen);
    addsize(buff, (int)slen);
  }
  else {  /* too big for the buffer: push it directly */
    clearbuff(buff);
    pushstr(buff, str, slen);
  }
}

static void addnum2buff(BuffFS *buff, TValue *num) {
  char *numbuff = getbuff(buff, TY_MAXNUMBER2STR);
  int len = tyO_tostringbuff(num, numbuff);
  addsize(buff, len);
}

const char *tyO_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  BuffFS buff;
  const char *e;
  buff.L = L;
  buff.pushed = 0;
  buff.blen = 0;
  while ((e = strchr(fmt, '%')) != NULL) {
    addstr2buff(&buff, fmt, (size_t)(e - fmt));
    switch (*(e + 1)) {
      case 's': {
        const char *s = va_arg(argp, char *);
        if (s == NULL)
          s = "(null)";
        addstr2buff(&buff, s, strlen(s));
        break;
      }
      case 'c': {
        char c = (char)(unsigned char)va_arg(argp, int);
        addstr2buff(&buff, &c, 1);
        break;
      }
      case 'd': {
        TValue num;
        setivalue(&num, va_arg(argp, int));
        addnum2buff(&buff, &num);
        break;
      }
      case 'I': {
        TValue num;
        setivalue(&num, (lua_Integer)va_arg(argp, LUAI_UACINT));
        addnum2buff(&buff, &num);
        break;
      }
      case 'f': {
        TValue num;
        setfltvalue(&num, (lua_Number)va_arg(argp, LUAI_UACNUMBER));
        addnum2buff(&buff, &num);
        break;
      }
      case 'p': {
        const int sz = 3 * (int)sizeof(void *) + 8;
        char *bf = getbuff(&buff, sz);
        void *p = va_arg(argp, void *);
        int len = lua_pointer2str(bf, (size_t)sz, p);
        addsize(&buff, len);
        break;
      }
      case 'U': {
        char bf[UTF8BUFFSZ];
        int len = tyO_utf8esc(bf, (unsigned long)va_arg(argp, long));
        addstr2buff(&buff, bf + UTF8BUFFSZ - len, (size_t)len);
        break;
      }
      case '%':
        addstr2buff(&buff, "%", 1);
        break;
      default:
        tyG_runerror(L, "invalid option '%%%c' to 'lua_pushfstring'", *(e + 1));
    }
    fmt = e + 2;
  }
  addstr2buff(&buff, fmt, strlen(fmt));
  clearbuff(&buff);
  return svalue(L->top - 1);
}

const char *tyO_pushfstring(lua_State *L, const char *fmt, ...) {
  const char *msg;
  va_list argp;
  va_start(argp, fmt);
  msg = tyO_pushvfstring(L, fmt, argp);
  va_end(argp);
  return msg;
}

/* ---- chunk ids ---- */

#define RETS "..."
#define PRE "[string \""
#define POS "\"]"
#define LL(x) (sizeof(x) / sizeof(char) - 1)
#define addstr(a, b, l) (memcpy(a, b, (l) * sizeof(char)), a += (l))

void tyO_chunkid(char *out, const char *source, size_t srclen) {
  size_t bufflen = LUA_IDSIZE;  /* free space in out, including the final NUL */
  if (*source == '=') {  /* literal name */
    if (srclen <= bufflen)  /* fits (srclen counts the '=' instead of the NUL) */
      memcpy(out, source + 1, srclen * sizeof(char));
    else {
      addstr(out, source + 1, bufflen - 1);
      *out = '\0';
    }
  }
  else if (*source == '@') {  /* file name: keep its end */
    if (srclen <= bufflen)
      memcpy(out, source + 1, srclen * sizeof(char));
    else {
      addstr(out, RETS, LL(RETS));
      bufflen -= LL(RETS);
      memcpy(out, source + 1 + srclen - bufflen, bufflen * sizeof(char));
    }
  }
  else {  /* source text: [string "first line..."] */
    const char *nl = strchr(source, '\n');
    addstr(out, PRE, LL(PRE));
    bufflen -= LL(PRE RETS POS) + 1;  /* room for prefix, suffix and NUL */
    if (srclen < bufflen && nl == NULL)
      addstr(out, source, srclen);
    else {
      if (nl != NULL)
        srclen = (size_t)(nl - source);
      if (srclen > bufflen)
        srclen = bufflen;
      addstr(out, source, srclen);
      addstr(out, RETS, LL(RETS));
    }
    memcpy(out, POS, (LL(POS) + 1) * sizeof(char));
  }
}
