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

/* Integer operators as Lua defines them: +, -, *, unary minus and the bitwise
** ones wrap around (done on unsigned values); % and // floor, shifts of 64 or
** more give 0.  A zero divisor is ruled out by the caller. */
static lua_Integer intresult(lua_State *L, int op, lua_Integer a, lua_Integer b) {
  lua_Unsigned x = l_castS2U(a), y = l_castS2U(b);
  switch (op) {
    case LUA_OPADD: x += y; break;
    case LUA_OPSUB: x -= y; break;
    case LUA_OPMUL: x *= y; break;
    case LUA_OPUNM: x = 0u - x; break;
    case LUA_OPBAND: x &= y; break;
    case LUA_OPBOR: x |= y; break;
    case LUA_OPBXOR: x ^= y; break;
    case LUA_OPBNOT: x = ~x; break;
    case LUA_OPSHL: return tyV_shiftl(a, b);
    case LUA_OPSHR: return tyV_shiftl(a, l_castU2S(0u - y));  /* right = left by -b */
    case LUA_OPMOD: return tyV_mod(L, a, b);
    case LUA_OPIDIV: return tyV_idiv(L, a, b);
    default: return 0;
  }
  return l_castU2S(x);
}

/* float operators; x^2 is a product (exact, as in the interpreter) */
static lua_Number fltresult(lua_State *L, int op, lua_Number a, lua_Number b) {
  switch (op) {
    case LUA_OPADD: return a + b;
    case LUA_OPSUB: return a - b;
    case LUA_OPMUL: return a * b;
    case LUA_OPDIV: return a / b;
    case LUA_OPUNM: return -a;
    case LUA_OPPOW: return (b == 2) ? a * a : pow(a, b);
    case LUA_OPIDIV: return floor(a / b);
    case LUA_OPMOD: return tyV_modf(L, a, b);
    default: return 0;
  }
}

/* The operand kinds each operator accepts: bitwise ones need integer values
** (floats with an exact integer value qualify), / and ^ always work on
** floats, the rest stay integral when both operands are integers. */
static int isbitwiseop(int op) {
  return op == LUA_OPBAND || op == LUA_OPBOR || op == LUA_OPBXOR ||
         op == LUA_OPSHL || op == LUA_OPSHR || op == LUA_OPBNOT;
}

int tyO_rawarith(lua_State *L, int op, const TValue *p1, const TValue *p2, TValue *res) {
  lua_Number n1, n2;
  if (isbitwiseop(op)) {
    lua_Integer i1, i2;
    if (!exacttoint(p1, &i1) || !exacttoint(p2, &i2))
      return 0;
    setivalue(res, intresult(L, op, i1, i2));
    return 1;
  }
  if (op != LUA_OPDIV && op != LUA_OPPOW && ttisinteger(p1) && ttisinteger(p2)) {
    lua_Integer divisor = ivalue(p2);
    if (divisor == 0 && (op == LUA_OPMOD || op == LUA_OPIDIV))
      return 0;  /* left to the caller, which raises the error */
    setivalue(res, intresult(L, op, ivalue(p1), divisor));
    return 1;
  }
  if (!tonumberns(p1, n1) || !tonumberns(p2, n2))
    return 0;
  setfltvalue(res, fltresult(L, op, n1, n2));
  return 1;
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

/* the result is also left on the top of the stack */
const char *tyO_pushfstring(lua_State *L, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  (void)tyO_pushvfstring(L, fmt, args);
  va_end(args);
  return svalue(L->top - 1);
}

/* ---- chunk ids ---- */

/*
** The name of a chunk in messages (lua_Debug.short_src): at most LUA_IDSIZE
** bytes, the NUL included.
**   "=name"  name itself, cut to fit;
**   "@file"  the file name, or "..." and its tail when too long;
**   other    the source text: [string "first line"], with "..." when the
**            text was cut at a newline or to fit.
*/
void tyO_chunkid(char *out, const char *source, size_t srclen) {
  static const char dots[] = "...", open[] = "[string \"", close[] = "\"]";
  const size_t room = LUA_IDSIZE - 1;  /* characters, without the NUL */
  const char *name = source + 1;
  size_t namelen = srclen - 1;
  if (*source == '=') {
    size_t n = (namelen < room) ? namelen : room;
    memcpy(out, name, n);
    out[n] = '\0';
  }
  else if (*source == '@') {
    if (namelen <= room)
      memcpy(out, name, namelen + 1);
    else {
      size_t tail = room - (sizeof dots - 1);
      memcpy(out, dots, sizeof dots - 1);
      memcpy(out + sizeof dots - 1, name + namelen - tail, tail + 1);
    }
  }
  else {
    const size_t textroom = room - (sizeof open - 1) - (sizeof dots - 1) - (sizeof close - 1);
    const char *nl = strchr(source, '\n');
    size_t n = srclen;
    int cut = (nl != NULL || srclen >= textroom);
    if (nl != NULL)
      n = (size_t)(nl - source);
    if (n > textroom)
      n = textroom;
    memcpy(out, open, sizeof open - 1);
    out += sizeof open - 1;
    memcpy(out, source, n);
    out += n;
    if (cut) {
      memcpy(out, dots, sizeof dots - 1);
      out += sizeof dots - 1;
    }
    memcpy(out, close, sizeof close);  /* with its NUL */
  }
}
