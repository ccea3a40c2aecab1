/* utf8lib.c: the utf8 library (char, charpattern, codes, codepoint, len, offset). */
#include <limits.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"

#define MAXUNICODE 0x10FFFFu
#define MAXUTF 0x7FFFFFFFu
#define MSG_INVALID "invalid UTF-8 code"

typedef unsigned int utfint;

#define iscont(c) (((unsigned char)(c) & 0xC0) == 0x80)

/* relative position: negative counts from the end; too negative gives 0 */
static lua_Integer upos(lua_Integer pos, size_t len) {
  if (pos >= 0) return pos;
  if ((size_t)0 - (size_t)pos > len) return 0;
  return (lua_Integer)len + pos + 1;
}

/* decodes one sequence (up to 6 bytes, values up to 2^31); NULL if invalid.
** strict mode also rejects surrogates and values past U+10FFFF. */
static const char *decode(const char *s, utfint *val, int strict) {
  static const utfint minval[] = {0xFF, 0x7F, 0x7FF, 0xFFFF, 0x1FFFFF, 0x3FFFFFF};
  unsigned int c = (unsigned char)s[0];
  utfint res;
  int count = 0;
  if (c < 0x80) {
    res = c;
  } else {
    res = 0;
    for (; c & 0x40; c <<= 1) {   /* one continuation byte per leading 1 after the first */
      unsigned int cc = (unsigned char)s[++count];
      if (!iscont(cc)) return NULL;
      res = (res << 6) | (cc & 0x3F);
    }
    if (count > 5) return NULL;
    res |= ((utfint)(c & 0x7F) << (count * 5));   /* bits left in the first byte */
    if (res > MAXUTF || res <= minval[count]) return NULL;   /* overlong */
  }
  if (strict && (res > MAXUNICODE || (0xD800u <= res && res <= 0xDFFFu))) return NULL;
  if (val) *val = res;
  return s + count + 1;
}

/* utf8.len(s [, i [, j [, lax]]]) */
static int u_len(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer posi = upos(luaL_optinteger(L, 2, 1), len);
  lua_Integer posj = upos(luaL_optinteger(L, 3, -1), len);
  int lax = lua_toboolean(L, 4);
  lua_Integer n = 0;
  luaL_argcheck(L, 1 <= posi && --posi <= (lua_Integer)len, 2, "initial position out of bounds");
  luaL_argcheck(L, --posj < (lua_Integer)len, 3, "final position out of bounds");
  while (posi <= posj) {
    const char *next = decode(s + posi, NULL, !lax);
    if (next == NULL) {
      luaL_pushfail(L);
      lua_pushinteger(L, posi + 1);
      return 2;
    }
    posi = next - s;
    n++;
  }
  lua_pushinteger(L, n);
  return 1;
}

/* utf8.codepoint(s [, i [, j [, lax]]]) */
static int u_codepoint(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer posi = upos(luaL_optinteger(L, 2, 1), len);
  lua_Integer pose = upos(luaL_optinteger(L, 3, posi), len);
  int lax = lua_toboolean(L, 4);
  int n = 0;
  const char *se;
  luaL_argcheck(L, posi >= 1, 2, "out of bounds");
  luaL_argcheck(L, pose <= (lua_Integer)len, 3, "out of bounds");
  if (posi > pose) return 0;
  if (pose - posi >= INT_MAX) return luaL_error(L, "string slice too long");
  luaL_checkstack(L, (int)(pose - posi) + 1, "string slice too long");
  se = s + pose;
  for (s += posi - 1; s < se;) {
    utfint code;
    s = decode(s, &code, !lax);
    if (s == NULL) return luaL_error(L, MSG_INVALID);
    lua_pushinteger(L, (lua_Integer)code);
    n++;
  }
  return n;
}

/* appends the encoding of argument 'arg' to the buffer */
static void add_char(lua_State *L, luaL_Buffer *b, int arg) {
  lua_Unsigned code = (lua_Unsigned)luaL_checkinteger(L, arg);
  char buf[8];
  int n = 0;
  luaL_argcheck(L, code <= MAXUTF, arg, "value out of range");
  if (code < 0x80) {
    buf[7] = (char)code;
    n = 1;
  } else {
    unsigned int room = 0x3f;   /* payload bits the first byte can still hold */
    do {
      buf[7 - n++] = (char)(0x80 | (code & 0x3f));
      code >>= 6;
      room >>= 1;
    } while (code > room);
    buf[7 - n] = (char)((~room << 1) | code);
    n++;
  }
  luaL_addlstring(b, buf + 8 - n, (size_t)n);
}

/* utf8.char(...) */
static int u_char(lua_State *L) {
  int n = lua_gettop(L), i;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (i = 1; i <= n; i++) add_char(L, &b, i);
  luaL_pushresult(&b);
  return 1;
}

/* utf8.offset(s, n [, i]) */
static int u_offset(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  lua_Integer posi = (n >= 0) ? 1 : (lua_Integer)len + 1;
  posi = upos(luaL_optinteger(L, 3, posi), len);
  luaL_argcheck(L, 1 <= posi && --posi <= (lua_Integer)len, 3, "position out of bounds");
  if (n == 0) {   /* start of the character containing byte i */
    while (posi > 0 && iscont(s[posi])) posi--;
  } else {
    if (iscont(s[posi])) return luaL_error(L, "initial position is a continuation byte");
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do {
          posi--;
        } while (posi > 0 && iscont(s[posi]));
        n++;
      }
    } else {
      n--;   /* the first character is the one at posi */
      while (n > 0 && posi < (lua_Integer)len) {
        do {
          posi++;
        } while (iscont(s[posi]));   /* s[len] is '\0', which stops the scan */
        n--;
      }
    }
  }
  if (n == 0) lua_pushinteger(L, posi + 1);
  else luaL_pushfail(L);
  return 1;
}

static int codes_step(lua_State *L, int strict) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Unsigned i = (lua_Unsigned)lua_tointeger(L, 2);
  utfint code;
  const char *next;
  if (i < len) {
    while (iscont(s[i])) i++;   /* skip the rest of the previous character */
  }
  if (i >= len) return 0;   /* also covers a negative control value */
  next = decode(s + i, &code, strict);
  if (next == NULL || iscont(*next)) return luaL_error(L, MSG_INVALID);
  lua_pushinteger(L, (lua_Integer)i + 1);
  lua_pushinteger(L, (lua_Integer)code);
  return 2;
}

static int codes_strict(lua_State *L) { return codes_step(L, 1); }
static int codes_lax(lua_State *L) { return codes_step(L, 0); }

/* utf8.codes(s [, lax]) */
static int u_codes(lua_State *L) {
  int lax = lua_toboolean(L, 2);
  const char *s = luaL_checkstring(L, 1);
  luaL_argcheck(L, !iscont(*s), 1, MSG_INVALID);
  lua_pushcfunction(L, lax ? codes_lax : codes_strict);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

/* [\0-\x7F\xC2-\xFD][\x80-\xBF]* */
#define UTF8PATT "[\0-\x7F\xC2-\xFD][\x80-\xBF]*"

static const luaL_Reg utf8_funcs[] = {
  {"offset", u_offset}, {"codepoint", u_codepoint}, {"char", u_char},
  {"len", u_len}, {"codes", u_codes},
  {"charpattern", NULL},   /* placeholder */
  {NULL, NULL}
};

const luaL_Reg tylib_utf8_builtins[] = {
  {"utf8.offset", u_offset}, {"utf8.codepoint", u_codepoint},
  {"utf8.char", u_char}, {"utf8.len", u_len}, {"utf8.codes", u_codes},
  {"utf8.codes_step", codes_strict}, {"utf8.codes_step_lax", codes_lax},
  {NULL, NULL}
};

LUAMOD_API int luaopen_utf8(lua_State *L) {
  luaL_newlib(L, utf8_funcs);
  lua_pushlstring(L, UTF8PATT, sizeof(UTF8PATT) - 1);
  lua_setfield(L, -2, "charpattern");
  return 1;
}
