/* strformat.c: string.format, including %q literals. */
#include <ctype.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "strlib.h"

#ifndef LUA_INTEGER_FRMLEN
#define LUA_INTEGER_FRMLEN "ll"
#endif
#ifndef LUA_NUMBER_FRMLEN
#define LUA_NUMBER_FRMLEN ""
#endif

#define SPEC_MAX 32          /* room for one conversion spec plus length modifier */
#define ITEM_MAX 512         /* longest single formatted item ("%99.99f" of 1e308) */

/* flags each conversion accepts */
#define FLAGS_FLOAT "-+ #0"
#define FLAGS_HEX "-#0"
#define FLAGS_INT "-+ 0"
#define FLAGS_UINT "-0"
#define FLAGS_CHAR "-"

/* copies the spec starting at fmt (just after '%') into form as "%...c";
** returns a pointer to the conversion character */
static const char *read_spec(lua_State *L, const char *fmt, char *form) {
  size_t len = strspn(fmt, FLAGS_FLOAT "123456789.") + 1;
  if (len >= SPEC_MAX - 10) luaL_error(L, "invalid format (too long)");
  form[0] = '%';
  memcpy(form + 1, fmt, len);
  form[len + 1] = '\0';
  return fmt + len - 1;
}

/* validates flags, width (<= 2 digits) and precision (<= 2 digits) of form */
static void check_spec(lua_State *L, const char *form, const char *flags, int precision) {
  const char *p = form + 1;
  p += strspn(p, flags);
  if (*p != '0') {
    if (isdigit((unsigned char)*p)) p++;
    if (isdigit((unsigned char)*p)) p++;
  }
  if (*p == '.' && precision) {
    p++;
    if (isdigit((unsigned char)*p)) p++;
    if (isdigit((unsigned char)*p)) p++;
  }
  if (!isalpha((unsigned char)*p))
    luaL_error(L, "invalid conversion specification: '%s'", form);
}

/* inserts a length modifier before the conversion character */
static void add_lenmod(char *form, const char *mod) {
  size_t l = strlen(form), lm = strlen(mod);
  char conv = form[l - 1];
  memcpy(form + l - 1, mod, lm);
  form[l + lm - 1] = conv;
  form[l + lm] = '\0';
}

/* ---- %q ---- */

static void quote_string(luaL_Buffer *b, const char *s, size_t len) {
  size_t i;
  luaL_addchar(b, '"');
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c == '\n') {
      luaL_addchar(b, '\\');
      luaL_addchar(b, (char)c);
    } else if (iscntrl(c)) {
      char buf[8];
      /* a following digit forces the 3-digit form so it is not absorbed */
      int full = (i + 1 < len && isdigit((unsigned char)s[i + 1]));
      int n = snprintf(buf, sizeof buf, full ? "\\%03d" : "\\%d", (int)c);
      luaL_addlstring(b, buf, (size_t)n);
    } else {
      luaL_addchar(b, (char)c);
    }
  }
  luaL_addchar(b, '"');
}

static void quote_float(luaL_Buffer *b, lua_Number x) {
  char buf[64];
  int n;
  if (x == (lua_Number)HUGE_VAL) {
    luaL_addstring(b, "1e9999");
    return;
  }
  if (x == -(lua_Number)HUGE_VAL) {
    luaL_addstring(b, "-1e9999");
    return;
  }
  if (x != x) {
    luaL_addstring(b, "(0/0)");
    return;
  }
  n = snprintf(buf, sizeof buf, "%" LUA_NUMBER_FRMLEN "a", x);
  if (memchr(buf, '.', (size_t)n) == NULL) {   /* locale radix point -> '.' */
    char *pt = memchr(buf, localeconv()->decimal_point[0], (size_t)n);
    if (pt) *pt = '.';
  }
  luaL_addlstring(b, buf, (size_t)n);
}

static void quote_value(lua_State *L, luaL_Buffer *b, int arg) {
  switch (lua_type(L, arg)) {
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(L, arg, &len);
      quote_string(b, s, len);
      break;
    }
    case LUA_TNUMBER: {
      if (!lua_isinteger(L, arg)) {
        quote_float(b, lua_tonumber(L, arg));
      } else {
        char buf[32];
        lua_Integer i = lua_tointeger(L, arg);
        /* the minimum integer has no decimal literal: write it in hex */
        int n = (i == LUA_MININTEGER)
                  ? snprintf(buf, sizeof buf, "0x%" LUA_INTEGER_FRMLEN "x", (unsigned long long)i)
                  : snprintf(buf, sizeof buf, "%" LUA_INTEGER_FRMLEN "d", (long long)i);
        luaL_addlstring(b, buf, (size_t)n);
      }
      break;
    }
    case LUA_TNIL:
    case LUA_TBOOLEAN:
      luaL_tolstring(L, arg, NULL);
      luaL_addvalue(b);
      break;
    default:
      luaL_argerror(L, arg, "value has no literal form");
  }
}

/* ---- string.format ---- */

/* formats one %s item with modifiers; returns its length in buf (< ITEM_MAX) */
static int format_string(lua_State *L, luaL_Buffer *b, char *form, int arg, char *buf) {
  size_t l;
  const char *s = luaL_tolstring(L, arg, &l);
  int n;
  if (form[2] == '\0') {   /* plain "%s": the whole string */
    luaL_addvalue(b);
    return 0;
  }
  luaL_argcheck(L, l == strlen(s), arg, "string contains zeros");
  check_spec(L, form, FLAGS_CHAR, 1);
  if (strchr(form, '.') == NULL && l >= 100) {   /* width cannot matter */
    luaL_addvalue(b);
    return 0;
  }
  n = snprintf(buf, ITEM_MAX, form, s);
  lua_pop(L, 1);
  return n;
}

int tystr_format(lua_State *L) {
  int top = lua_gettop(L);
  int arg = 1;
  size_t sfl;
  const char *fmt = luaL_checklstring(L, arg, &sfl);
  const char *fmt_end = fmt + sfl;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (fmt < fmt_end) {
    char form[SPEC_MAX];
    char buf[ITEM_MAX];
    int n = 0;
    const char *flags;
    if (*fmt != '%') {
      luaL_addchar(&b, *fmt++);
      continue;
    }
    if (*++fmt == '%') {
      luaL_addchar(&b, *fmt++);
      continue;
    }
    if (++arg > top) return luaL_argerror(L, arg, "no value");
    fmt = read_spec(L, fmt, form);
    switch (*fmt++) {
      case 'c':
        check_spec(L, form, FLAGS_CHAR, 0);
        n = snprintf(buf, ITEM_MAX, form, (int)luaL_checkinteger(L, arg));
        break;
      case 'd': case 'i':
        flags = FLAGS_INT;
        goto integer;
      case 'u':
        flags = FLAGS_UINT;
        goto integer;
      case 'o': case 'x': case 'X':
        flags = FLAGS_HEX;
      integer: {
        lua_Integer v = luaL_checkinteger(L, arg);   /* the argument is checked first */
        check_spec(L, form, flags, 1);
        add_lenmod(form, LUA_INTEGER_FRMLEN);
        n = snprintf(buf, ITEM_MAX, form, (long long)v);
        break;
      }
      case 'a': case 'A':
      case 'f': case 'e': case 'E': case 'g': case 'G': {
        lua_Number v;
        if (form[strlen(form) - 1] == 'a' || form[strlen(form) - 1] == 'A') {
          check_spec(L, form, FLAGS_FLOAT, 1);   /* %a checks the spec first */
          v = luaL_checknumber(L, arg);
        } else {
          v = luaL_checknumber(L, arg);
          check_spec(L, form, FLAGS_FLOAT, 1);
        }
        add_lenmod(form, LUA_NUMBER_FRMLEN);
        n = snprintf(buf, ITEM_MAX, form, (double)v);
        break;
      }
      case 'p': {
        const void *ptr = lua_topointer(L, arg);
        check_spec(L, form, FLAGS_CHAR, 0);
        if (ptr == NULL) {   /* values without identity print as "(null)" */
          form[strlen(form) - 1] = 's';
          n = snprintf(buf, ITEM_MAX, form, "(null)");
        } else {
          n = snprintf(buf, ITEM_MAX, form, ptr);
        }
        break;
      }
      case 'q':
        if (form[2] != '\0') return luaL_error(L, "specifier '%%q' cannot have modifiers");
        quote_value(L, &b, arg);
        break;
      case 's':
        n = format_string(L, &b, form, arg, buf);
        break;
      default:
        return luaL_error(L, "invalid conversion '%s' to 'format'", form);
    }
    if (n > 0) luaL_addlstring(&b, buf, (size_t)(n < ITEM_MAX ? n : ITEM_MAX - 1));
  }
  luaL_pushresult(&b);
  return 1;
}
