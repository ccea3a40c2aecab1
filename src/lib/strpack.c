/* strpack.c: string.pack, string.unpack and string.packsize (binary serialization). */
#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "strlib.h"

#define MAXINTSIZE 16                     /* largest i[n]/I[n] size */
#define NB CHAR_BIT
#define SZINT ((int)sizeof(lua_Integer))

/* native maximum alignment (the '!' default) */
struct align_probe { char c; union { lua_Number n; double d; void *p; lua_Integer i; long l; } u; };
#define NATIVE_ALIGN ((int)offsetof(struct align_probe, u))

typedef enum {
  K_INT, K_UINT, K_FLOAT, K_NUMBER, K_DOUBLE, K_CHAR, K_STRING, K_ZSTR,
  K_PADDING, K_PADALIGN, K_NOP
} OptKind;

typedef struct Header {
  lua_State *L;
  int little;
  int maxalign;
} Header;

static int is_little_endian(void) {
  const int one = 1;
  return *(const char *)&one == 1;
}

static void header_init(Header *h, lua_State *L) {
  h->L = L;
  h->little = is_little_endian();
  h->maxalign = 1;
}

/* reads an optional decimal size; 'def' when absent */
static int read_num(const char **fmt, int def) {
  int a = 0;
  if (!isdigit((unsigned char)**fmt)) return def;
  do {
    a = a * 10 + (*((*fmt)++) - '0');
  } while (isdigit((unsigned char)**fmt) && a <= ((int)TYSTR_MAXSIZE - 9) / 10);
  return a;
}

static int read_limited(Header *h, const char **fmt, int def) {
  int sz = read_num(fmt, def);
  if (sz > MAXINTSIZE || sz <= 0)
    return luaL_error(h->L, "integral size (%d) out of limits [1,%d]", sz, MAXINTSIZE);
  return sz;
}

/* reads one option, setting its size */
static OptKind read_option(Header *h, const char **fmt, int *size) {
  int opt = *((*fmt)++);
  *size = 0;
  switch (opt) {
    case 'b': *size = sizeof(char); return K_INT;
    case 'B': *size = sizeof(char); return K_UINT;
    case 'h': *size = sizeof(short); return K_INT;
    case 'H': *size = sizeof(short); return K_UINT;
    case 'l': *size = sizeof(long); return K_INT;
    case 'L': *size = sizeof(long); return K_UINT;
    case 'j': *size = sizeof(lua_Integer); return K_INT;
    case 'J': *size = sizeof(lua_Integer); return K_UINT;
    case 'T': *size = sizeof(size_t); return K_UINT;
    case 'f': *size = sizeof(float); return K_FLOAT;
    case 'n': *size = sizeof(lua_Number); return K_NUMBER;
    case 'd': *size = sizeof(double); return K_DOUBLE;
    case 'i': *size = read_limited(h, fmt, sizeof(int)); return K_INT;
    case 'I': *size = read_limited(h, fmt, sizeof(int)); return K_UINT;
    case 's': *size = read_limited(h, fmt, sizeof(size_t)); return K_STRING;
    case 'c':
      *size = read_num(fmt, -1);
      if (*size == -1) luaL_error(h->L, "missing size for format option 'c'");
      return K_CHAR;
    case 'z': return K_ZSTR;
    case 'x': *size = 1; return K_PADDING;
    case 'X': return K_PADALIGN;
    case ' ': break;
    case '<': h->little = 1; break;
    case '>': h->little = 0; break;
    case '=': h->little = is_little_endian(); break;
    case '!': h->maxalign = read_limited(h, fmt, NATIVE_ALIGN); break;
    default: luaL_error(h->L, "invalid format option '%c'", opt);
  }
  return K_NOP;
}

/* reads an option and computes the padding that aligns it at offset 'total' */
static OptKind read_details(Header *h, size_t total, const char **fmt, int *psize, int *ntoalign) {
  OptKind k = read_option(h, fmt, psize);
  int align = *psize;
  if (k == K_PADALIGN) {   /* 'X' aligns like the option that follows it */
    if (**fmt == '\0' || read_option(h, fmt, &align) == K_CHAR || align == 0)
      luaL_argerror(h->L, 1, "invalid next option for option 'X'");
  }
  if (align <= 1 || k == K_CHAR) {
    *ntoalign = 0;
  } else {
    if (align > h->maxalign) align = h->maxalign;
    if ((align & (align - 1)) != 0)
      luaL_argerror(h->L, 1, "format asks for alignment not power of 2");
    *ntoalign = (align - (int)(total & (size_t)(align - 1))) & (align - 1);
  }
  return k;
}

/* appends integer v as 'size' bytes; 'neg' extends the sign past lua_Integer width */
static void pack_int(luaL_Buffer *b, lua_Unsigned v, int little, int size, int neg) {
  char *buff = luaL_prepbuffsize(b, (size_t)size);
  int i;
  for (i = 0; i < size; i++) {
    unsigned char byte = (i < SZINT) ? (unsigned char)(v >> (i * NB)) : (neg ? 0xff : 0);
    buff[little ? i : size - 1 - i] = (char)byte;
  }
  luaL_addsize(b, (size_t)size);
}

/* copies 'size' bytes, reversing them when the requested endianness differs */
static void copy_ordered(char *dst, const char *src, int size, int little) {
  if (little == is_little_endian()) {
    memcpy(dst, src, (size_t)size);
  } else {
    int i;
    for (i = 0; i < size; i++) dst[i] = src[size - 1 - i];
  }
}

/* the float types of options 'f', 'n', 'd' (k selects the member; size is its sizeof) */
typedef union { float f; lua_Number n; double d; } FloatBytes;

static void pack_float(char *dst, lua_Number v, OptKind k, int little) {
  FloatBytes u;
  int size;
  if (k == K_FLOAT) { u.f = (float)v; size = sizeof u.f; }
  else if (k == K_DOUBLE) { u.d = (double)v; size = sizeof u.d; }
  else { u.n = v; size = sizeof u.n; }
  copy_ordered(dst, (const char *)&u, size, little);
}

static lua_Number unpack_float(const char *src, OptKind k, int little) {
  FloatBytes u;
  if (k == K_FLOAT) { copy_ordered((char *)&u, src, sizeof u.f, little); return (lua_Number)u.f; }
  if (k == K_DOUBLE) { copy_ordered((char *)&u, src, sizeof u.d, little); return (lua_Number)u.d; }
  copy_ordered((char *)&u, src, sizeof u.n, little);
  return u.n;
}

static void add_zeros(luaL_Buffer *b, size_t n) {
  for (; n > 0; n--) luaL_addchar(b, '\0');
}

/* options i, I, b, B, h, H, l, L, j, J, T: argument 'arg' as a size-byte integer,
** which must fit in that size */
static void pack_integer(lua_State *L, luaL_Buffer *b, const Header *h, OptKind k,
                         int size, int arg) {
  lua_Integer v = luaL_checkinteger(L, arg);
  if (size < SZINT) {  /* narrower than lua_Integer: check the range */
    int bits = size * NB;
    if (k == K_INT) {
      lua_Integer half = (lua_Integer)1 << (bits - 1);
      luaL_argcheck(L, v >= -half && v < half, arg, "integer overflow");
    } else {
      luaL_argcheck(L, (lua_Unsigned)v < ((lua_Unsigned)1 << bits), arg, "unsigned overflow");
    }
  }
  pack_int(b, (lua_Unsigned)v, h->little, size, k == K_INT && v < 0);
}

/* options c, s, z: appends string argument 'arg'; returns how many bytes it
** added beyond the option's fixed 'size' (which the caller already counted) */
static size_t pack_string(lua_State *L, luaL_Buffer *b, const Header *h, OptKind k,
                          int size, int arg) {
  size_t len;
  const char *str = luaL_checklstring(L, arg, &len);
  if (k == K_CHAR) {  /* exactly 'size' bytes, zero-padded */
    luaL_argcheck(L, len <= (size_t)size, arg, "string longer than given size");
    luaL_addlstring(b, str, len);
    add_zeros(b, (size_t)size - len);
    return 0;
  }
  if (k == K_STRING) {  /* a size-byte length, then the bytes */
    int fits = size >= (int)sizeof(size_t) || (len >> (size * NB)) == 0;
    luaL_argcheck(L, fits, arg, "string length does not fit in given size");
    pack_int(b, (lua_Unsigned)len, h->little, size, 0);
    luaL_addlstring(b, str, len);
    return len;
  }
  /* K_ZSTR: the bytes and a terminating zero, so no zero may be inside */
  luaL_argcheck(L, strlen(str) == len, arg, "string contains zeros");
  luaL_addlstring(b, str, len);
  luaL_addchar(b, '\0');
  return len + 1;
}

/*
** string.pack(fmt, v1, v2, ...).  'total' counts the bytes produced, which
** alignment padding depends on.  Options that take a value consume the next
** argument; padding, alignment and the settings (' ', <, >, =, !) take none.
*/
int tystr_pack(lua_State *L) {
  Header h;
  luaL_Buffer b;
  const char *fmt = luaL_checkstring(L, 1);
  int arg = 1;  /* the last argument consumed */
  size_t total = 0;
  header_init(&h, L);
  /* a nil between the values and the buffer: a missing value reads as nil,
  ** never as the buffer's own stack slot */
  lua_pushnil(L);
  luaL_buffinit(L, &b);
  while (*fmt != '\0') {
    int size, pad;
    OptKind k = read_details(&h, total, &fmt, &size, &pad);
    add_zeros(&b, (size_t)pad);
    total += (size_t)pad + (size_t)size;
    switch (k) {
      case K_INT:
      case K_UINT:
        pack_integer(L, &b, &h, k, size, ++arg);
        break;
      case K_FLOAT:
      case K_NUMBER:
      case K_DOUBLE: {
        lua_Number v = luaL_checknumber(L, ++arg);
        pack_float(luaL_prepbuffsize(&b, (size_t)size), v, k, h.little);
        luaL_addsize(&b, (size_t)size);
        break;
      }
      case K_CHAR:
      case K_STRING:
      case K_ZSTR:
        total += pack_string(L, &b, &h, k, size, ++arg);
        break;
      case K_PADDING:
        luaL_addchar(&b, '\0');
        break;
      case K_PADALIGN:
      case K_NOP:
        break;
    }
  }
  luaL_pushresult(&b);
  return 1;
}

int tystr_packsize(lua_State *L) {
  Header h;
  const char *fmt = luaL_checkstring(L, 1);
  size_t total = 0;
  header_init(&h, L);
  while (*fmt != '\0') {
    int size, ntoalign;
    OptKind k = read_details(&h, total, &fmt, &size, &ntoalign);
    luaL_argcheck(L, k != K_STRING && k != K_ZSTR, 1, "variable-length format");
    size += ntoalign;
    luaL_argcheck(L, total <= TYSTR_MAXSIZE - (size_t)size, 1, "format result too large");
    total += (size_t)size;
  }
  lua_pushinteger(L, (lua_Integer)total);
  return 1;
}

/*
** Reads a size-byte integer at s.  Bytes past lua_Integer's width must all
** repeat the sign (signed) or be zero (unsigned), or the value does not fit;
** a narrower signed value is sign-extended.
*/
static lua_Integer unpack_int(lua_State *L, const char *s, int little, int size, int issigned) {
  const unsigned char *bytes = (const unsigned char *)s;
  int width = (size < SZINT) ? size : SZINT;  /* the bytes that fit */
  lua_Unsigned v = 0;
#define NTH_BYTE(k) bytes[little ? (k) : size - 1 - (k)]  /* k-th least significant */
  for (int k = 0; k < width; k++)
    v |= (lua_Unsigned)NTH_BYTE(k) << (k * NB);
  if (size < SZINT) {
    lua_Unsigned sign = (lua_Unsigned)1 << (size * NB - 1);
    if (issigned && (v & sign) != 0)
      v |= ~(lua_Unsigned)0 << (size * NB);  /* set the bits above */
  } else {
    unsigned char fill = (issigned && (lua_Integer)v < 0) ? 0xff : 0;
    for (int k = SZINT; k < size; k++)
      if (NTH_BYTE(k) != fill)
        luaL_error(L, "%d-byte integer does not fit into Lua Integer", size);
  }
#undef NTH_BYTE
  return (lua_Integer)v;
}

int tystr_unpack(lua_State *L) {
  Header h;
  const char *fmt = luaL_checkstring(L, 1);
  size_t ld;
  const char *data = luaL_checklstring(L, 2, &ld);
  size_t pos = tystr_posrelat(luaL_optinteger(L, 3, 1), ld) - 1;
  int n = 0;
  luaL_argcheck(L, pos <= ld, 3, "initial position out of string");
  header_init(&h, L);
  while (*fmt != '\0') {
    int size, ntoalign;
    OptKind k = read_details(&h, pos, &fmt, &size, &ntoalign);
    luaL_argcheck(L, (size_t)ntoalign + (size_t)size <= ld - pos, 2, "data string too short");
    pos += (size_t)ntoalign;
    luaL_checkstack(L, 2, "too many results");
    n++;
    switch (k) {
      case K_INT:
      case K_UINT:
        lua_pushinteger(L, unpack_int(L, data + pos, h.little, size, k == K_INT));
        break;
      case K_FLOAT:
      case K_NUMBER:
      case K_DOUBLE:
        lua_pushnumber(L, unpack_float(data + pos, k, h.little));
        break;
      case K_CHAR:
        lua_pushlstring(L, data + pos, (size_t)size);
        break;
      case K_STRING: {
        size_t len = (size_t)unpack_int(L, data + pos, h.little, size, 0);
        luaL_argcheck(L, len <= ld - pos - (size_t)size, 2, "data string too short");
        lua_pushlstring(L, data + pos + size, len);
        pos += len;
        break;
      }
      case K_ZSTR: {
        size_t len = strlen(data + pos);
        luaL_argcheck(L, pos + len < ld, 2, "unfinished string for format 'z'");
        lua_pushlstring(L, data + pos, len);
        pos += len + 1;
        break;
      }
      case K_PADALIGN:
      case K_PADDING:
      case K_NOP:
        n--;
        break;
    }
    pos += (size_t)size;
  }
  lua_pushinteger(L, (lua_Integer)pos + 1);
  return n + 1;
}
