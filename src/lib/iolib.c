/* iolib.c: the Lua 5.4 io library (file handles are luaL_Stream userdata "FILE*"); public API only. */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"

/* registry keys of the default files */
#define IO_INPUT   "_IO_input"
#define IO_OUTPUT  "_IO_output"

/* most arguments a lines iterator keeps (as upvalues) */
#define MAX_LINES_ARGS 250

/* longest numeral io.read("n") accepts */
#define MAX_NUM_LEN 200

typedef luaL_Stream Stream;

static int io_fclose(lua_State *L);
static int io_pclose(lua_State *L);
static int io_noclose(lua_State *L);

/* ---- mode checks ---- */

/* fopen mode: one of r w a, an optional '+', then only 'b's */
static int valid_open_mode(const char *m) {
  if (*m == '\0' || strchr("rwa", *m) == NULL) return 0;
  m++;
  if (*m == '+') m++;
  return strspn(m, "b") == strlen(m);
}

static int valid_popen_mode(const char *m) {
  return (m[0] == 'r' || m[0] == 'w') && m[1] == '\0';
}

/* ---- handle helpers ---- */

#define stream_closed(p) ((p)->closef == NULL)

static Stream *check_stream(lua_State *L) {
  return (Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
}

/* the open FILE of the handle at index 1 */
static FILE *check_file(lua_State *L) {
  Stream *p = check_stream(L);
  if (stream_closed(p))
    luaL_error(L, "attempt to use a closed file");
  return p->f;
}

/* a new handle that counts as closed until its FILE is set */
static Stream *new_handle(lua_State *L) {
  Stream *p = (Stream *)lua_newuserdatauv(L, sizeof(Stream), 0);
  p->f = NULL;
  p->closef = NULL;
  luaL_setmetatable(L, LUA_FILEHANDLE);
  return p;
}

static Stream *new_file(lua_State *L) {
  Stream *p = new_handle(L);
  p->closef = &io_fclose;
  return p;
}

/* runs the close function of the handle at index 1 */
static int close_handle(lua_State *L) {
  Stream *p = check_stream(L);
  lua_CFunction cf = p->closef;
  p->closef = NULL;  /* closed from now on, even if cf fails */
  return (*cf)(L);
}

static int io_fclose(lua_State *L) {
  Stream *p = check_stream(L);
  errno = 0;
  return luaL_fileresult(L, fclose(p->f) == 0, NULL);
}

static int io_pclose(lua_State *L) {
  Stream *p = check_stream(L);
  errno = 0;
  return luaL_execresult(L, pclose(p->f));
}

/* close function of the standard files: they stay open */
static int io_noclose(lua_State *L) {
  Stream *p = check_stream(L);
  p->closef = &io_noclose;
  luaL_pushfail(L);
  lua_pushliteral(L, "cannot close standard file");
  return 2;
}

static void open_or_raise(lua_State *L, const char *name, const char *mode) {
  Stream *p = new_file(L);
  p->f = fopen(name, mode);
  if (p->f == NULL)
    luaL_error(L, "cannot open file '%s' (%s)", name, strerror(errno));
}

/* pushes the default file under 'key' and returns its FILE */
static FILE *default_file(lua_State *L, const char *key) {
  Stream *p;
  lua_getfield(L, LUA_REGISTRYINDEX, key);
  p = (Stream *)lua_touserdata(L, -1);
  if (p == NULL || stream_closed(p))
    luaL_error(L, "default %s file is closed",
               strcmp(key, IO_INPUT) == 0 ? "input" : "output");
  return p->f;
}

/* ---- reading ---- */

/* state of the numeral reader */
typedef struct {
  FILE *f;
  int c;      /* look-ahead character */
  int n;      /* characters in buf */
  char buf[MAX_NUM_LEN + 1];
} NumReader;

/* stores the look-ahead and reads the next one; fails when the numeral is too long */
static int nr_advance(NumReader *r) {
  if (r->n >= MAX_NUM_LEN) {
    r->buf[0] = '\0';  /* invalidate the numeral */
    return 0;
  }
  r->buf[r->n++] = (char)r->c;
  r->c = getc_unlocked(r->f);
  return 1;
}

/* accepts the look-ahead if it is one of the two characters in 'set' */
static int nr_accept(NumReader *r, const char *set) {
  if (r->c == set[0] || r->c == set[1]) return nr_advance(r);
  return 0;
}

static int nr_digits(NumReader *r, int hex) {
  int count = 0;
  while ((hex ? isxdigit(r->c) : isdigit(r->c)) && nr_advance(r))
    count++;
  return count;
}

/* reads the longest prefix that can start a numeral, then converts it */
static int read_number(lua_State *L, FILE *f) {
  NumReader r;
  int count = 0, hex = 0;
  char point[2];
  point[0] = lua_getlocaledecpoint();
  point[1] = '.';
  r.f = f;
  r.n = 0;
  flockfile(f);
  do { r.c = getc_unlocked(f); } while (isspace(r.c));
  nr_accept(&r, "-+");
  if (nr_accept(&r, "00")) {
    if (nr_accept(&r, "xX")) hex = 1;
    else count = 1;  /* the leading 0 is a digit */
  }
  count += nr_digits(&r, hex);
  if (nr_accept(&r, point))
    count += nr_digits(&r, hex);
  if (count > 0 && nr_accept(&r, hex ? "pP" : "eE")) {
    nr_accept(&r, "-+");
    nr_digits(&r, 0);
  }
  ungetc(r.c, f);
  funlockfile(f);
  r.buf[r.n] = '\0';
  if (lua_stringtonumber(L, r.buf) != 0)
    return 1;
  lua_pushnil(L);  /* placeholder result, replaced by fail */
  return 0;
}

/* pushes "" and reports whether the file has more data */
static int test_eof(lua_State *L, FILE *f) {
  int c = getc(f);
  ungetc(c, f);
  lua_pushliteral(L, "");
  return c != EOF;
}

static int read_line(lua_State *L, FILE *f, int keep_newline) {
  luaL_Buffer b;
  int c = '\0';
  luaL_buffinit(L, &b);
  while (c != EOF && c != '\n') {
    char *buf = luaL_prepbuffer(&b);
    int i = 0;
    flockfile(f);
    while (i < LUAL_BUFFERSIZE && (c = getc_unlocked(f)) != EOF && c != '\n')
      buf[i++] = (char)c;
    funlockfile(f);
    luaL_addsize(&b, (size_t)i);
  }
  if (keep_newline && c == '\n')
    luaL_addchar(&b, '\n');
  luaL_pushresult(&b);
  return c == '\n' || lua_rawlen(L, -1) > 0;
}

static void read_all(lua_State *L, FILE *f) {
  luaL_Buffer b;
  size_t got;
  luaL_buffinit(L, &b);
  do {
    char *buf = luaL_prepbuffer(&b);
    got = fread(buf, 1, LUAL_BUFFERSIZE, f);
    luaL_addsize(&b, got);
  } while (got == (size_t)LUAL_BUFFERSIZE);
  luaL_pushresult(&b);
}

static int read_bytes(lua_State *L, FILE *f, size_t n) {
  luaL_Buffer b;
  size_t got;
  char *buf;
  luaL_buffinit(L, &b);
  buf = luaL_prepbuffsize(&b, n);
  got = fread(buf, 1, n, f);
  luaL_addsize(&b, got);
  luaL_pushresult(&b);
  return got > 0;
}

/* reads by the formats at 'first'..top (io.read pushed its file at the top,
** so the formats always number top - 1); returns the number of results */
static int do_read(lua_State *L, FILE *f, int first) {
  int nargs = lua_gettop(L) - 1;
  int ok = 1, n;
  clearerr(f);
  errno = 0;
  if (nargs == 0) {
    ok = read_line(L, f, 0);
    n = first + 1;
  } else {
    luaL_checkstack(L, nargs + LUA_MINSTACK, "too many arguments");
    for (n = first; nargs-- > 0 && ok; n++) {
      if (lua_type(L, n) == LUA_TNUMBER) {
        size_t count = (size_t)luaL_checkinteger(L, n);
        ok = count == 0 ? test_eof(L, f) : read_bytes(L, f, count);
      } else {
        const char *fmt = luaL_checkstring(L, n);
        if (*fmt == '*') fmt++;  /* 5.3 style "*l" */
        switch (*fmt) {
          case 'n': ok = read_number(L, f); break;
          case 'l': ok = read_line(L, f, 0); break;
          case 'L': ok = read_line(L, f, 1); break;
          case 'a': read_all(L, f); ok = 1; break;
          default: return luaL_argerror(L, n, "invalid format");
        }
      }
    }
  }
  if (ferror(f))
    return luaL_fileresult(L, 0, NULL);
  if (!ok) {
    lua_pop(L, 1);
    luaL_pushfail(L);
  }
  return n - first;
}

static int io_read(lua_State *L) {
  return do_read(L, default_file(L, IO_INPUT), 1);
}

static int f_read(lua_State *L) {
  return do_read(L, check_file(L), 2);
}

/* ---- lines ---- */

/* iterator: upvalues are the file, the number of formats, the close flag, the formats */
static int io_readline(lua_State *L) {
  Stream *p = (Stream *)lua_touserdata(L, lua_upvalueindex(1));
  int n = (int)lua_tointeger(L, lua_upvalueindex(2));
  int i;
  if (stream_closed(p))
    return luaL_error(L, "file is already closed");
  lua_settop(L, 1);
  luaL_checkstack(L, n, "too many arguments");
  for (i = 1; i <= n; i++)
    lua_pushvalue(L, lua_upvalueindex(3 + i));
  n = do_read(L, p->f, 2);
  if (lua_toboolean(L, -n))
    return n;
  if (n > 1)  /* read error: the message follows the fail */
    return luaL_error(L, "%s", lua_tostring(L, -n + 1));
  if (lua_toboolean(L, lua_upvalueindex(3))) {
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));
    close_handle(L);
  }
  return 0;
}

/* pushes the lines iterator over the handle at index 1 and the formats after it */
static void push_lines(lua_State *L, int close_at_end) {
  int n = lua_gettop(L) - 1;
  luaL_argcheck(L, n <= MAX_LINES_ARGS, MAX_LINES_ARGS + 2, "too many arguments");
  lua_pushvalue(L, 1);
  lua_pushinteger(L, n);
  lua_pushboolean(L, close_at_end);
  lua_rotate(L, 2, 3);  /* move them below the formats */
  lua_pushcclosure(L, io_readline, 3 + n);
}

static int f_lines(lua_State *L) {
  check_file(L);
  push_lines(L, 0);
  return 1;
}

static int io_lines(lua_State *L) {
  int owned;
  if (lua_isnone(L, 1)) lua_pushnil(L);
  if (lua_isnil(L, 1)) {
    lua_getfield(L, LUA_REGISTRYINDEX, IO_INPUT);
    lua_replace(L, 1);
    check_file(L);
    owned = 0;
  } else {
    const char *name = luaL_checkstring(L, 1);
    open_or_raise(L, name, "r");
    lua_replace(L, 1);
    owned = 1;
  }
  push_lines(L, owned);
  if (!owned) return 1;
  lua_pushnil(L);
  lua_pushnil(L);
  lua_pushvalue(L, 1);  /* to-be-closed value of the generic for */
  return 4;
}

/* ---- writing ---- */

/* writes the values at 'arg'..top-1; the file handle is at the top */
static int do_write(lua_State *L, FILE *f, int arg) {
  int nargs = lua_gettop(L) - arg;
  int ok = 1;
  errno = 0;
  for (; nargs-- > 0; arg++) {
    if (lua_type(L, arg) == LUA_TNUMBER) {
      int len = lua_isinteger(L, arg)
          ? fprintf(f, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, arg))
          : fprintf(f, LUA_NUMBER_FMT, (LUAI_UACNUMBER)lua_tonumber(L, arg));
      ok = ok && len > 0;
    } else {
      size_t len;
      const char *s = luaL_checklstring(L, arg, &len);
      ok = ok && fwrite(s, 1, len, f) == len;
    }
  }
  if (ok) return 1;
  return luaL_fileresult(L, 0, NULL);
}

static int io_write(lua_State *L) {
  return do_write(L, default_file(L, IO_OUTPUT), 1);
}

static int f_write(lua_State *L) {
  FILE *f = check_file(L);
  lua_pushvalue(L, 1);
  return do_write(L, f, 2);
}

/* ---- other methods ---- */

static int f_seek(lua_State *L) {
  static const int modes[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  static const char *const names[] = {"set", "cur", "end", NULL};
  FILE *f = check_file(L);
  int op = luaL_checkoption(L, 2, "cur", names);
  lua_Integer off = luaL_optinteger(L, 3, 0);
  luaL_argcheck(L, (lua_Integer)(off_t)off == off, 3, "not an integer in proper range");
  errno = 0;
  if (fseeko(f, (off_t)off, modes[op]) != 0)
    return luaL_fileresult(L, 0, NULL);
  lua_pushinteger(L, (lua_Integer)ftello(f));
  return 1;
}

static int f_setvbuf(lua_State *L) {
  static const int modes[] = {_IONBF, _IOFBF, _IOLBF};
  static const char *const names[] = {"no", "full", "line", NULL};
  FILE *f = check_file(L);
  int op = luaL_checkoption(L, 2, NULL, names);
  lua_Integer size = luaL_optinteger(L, 3, LUAL_BUFFERSIZE);
  errno = 0;
  return luaL_fileresult(L, setvbuf(f, NULL, modes[op], (size_t)size) == 0, NULL);
}

static int f_flush(lua_State *L) {
  FILE *f = check_file(L);
  errno = 0;
  return luaL_fileresult(L, fflush(f) == 0, NULL);
}

static int io_flush(lua_State *L) {
  FILE *f = default_file(L, IO_OUTPUT);
  errno = 0;
  return luaL_fileresult(L, fflush(f) == 0, NULL);
}

static int f_close(lua_State *L) {
  check_file(L);
  return close_handle(L);
}

static int io_close(lua_State *L) {
  if (lua_isnone(L, 1))
    lua_getfield(L, LUA_REGISTRYINDEX, IO_OUTPUT);
  return f_close(L);
}

static int f_gc(lua_State *L) {
  Stream *p = check_stream(L);
  if (!stream_closed(p) && p->f != NULL)
    close_handle(L);  /* results ignored */
  return 0;
}

static int f_tostring(lua_State *L) {
  Stream *p = check_stream(L);
  if (stream_closed(p))
    lua_pushliteral(L, "file (closed)");
  else
    lua_pushfstring(L, "file (%p)", (void *)p->f);
  return 1;
}

/* ---- library functions ---- */

static int io_open(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");
  Stream *p = new_file(L);
  luaL_argcheck(L, valid_open_mode(mode), 2, "invalid mode");
  errno = 0;
  p->f = fopen(name, mode);
  return p->f == NULL ? luaL_fileresult(L, 0, name) : 1;
}

static int io_popen(lua_State *L) {
  const char *prog = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");
  Stream *p = new_handle(L);
  luaL_argcheck(L, valid_popen_mode(mode), 2, "invalid mode");
  errno = 0;
  fflush(NULL);
  p->f = popen(prog, mode);
  p->closef = &io_pclose;
  return p->f == NULL ? luaL_fileresult(L, 0, prog) : 1;
}

static int io_tmpfile(lua_State *L) {
  Stream *p = new_file(L);
  errno = 0;
  p->f = tmpfile();
  return p->f == NULL ? luaL_fileresult(L, 0, NULL) : 1;
}

static int io_type(lua_State *L) {
  Stream *p;
  luaL_checkany(L, 1);
  p = (Stream *)luaL_testudata(L, 1, LUA_FILEHANDLE);
  if (p == NULL)
    luaL_pushfail(L);
  else if (stream_closed(p))
    lua_pushliteral(L, "closed file");
  else
    lua_pushliteral(L, "file");
  return 1;
}

/* io.input / io.output: sets the default file if given, returns the current one */
static int set_default(lua_State *L, const char *key, const char *mode) {
  if (!lua_isnoneornil(L, 1)) {
    const char *name = lua_tostring(L, 1);
    if (name != NULL)
      open_or_raise(L, name, mode);
    else {
      check_file(L);
      lua_pushvalue(L, 1);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, key);
  }
  lua_getfield(L, LUA_REGISTRYINDEX, key);
  return 1;
}

static int io_input(lua_State *L) {
  return set_default(L, IO_INPUT, "r");
}

static int io_output(lua_State *L) {
  return set_default(L, IO_OUTPUT, "w");
}

/* The list's parts, in order: the io table's functions (IO_NFUNCS), the lines
** iterator, the methods of file handles (IO_NMETHODS), their metamethods
** (IO_NMETA), and the close functions. */
#define IO_NFUNCS 11
#define IO_NMETHODS 7
#define IO_NMETA 2
#define IO_NCLOSE 3

const luaL_Reg tylib_io_builtins[] = {
  {"io.close", io_close},
  {"io.flush", io_flush},
  {"io.input", io_input},
  {"io.lines", io_lines},
  {"io.open", io_open},
  {"io.output", io_output},
  {"io.popen", io_popen},
  {"io.read", io_read},
  {"io.tmpfile", io_tmpfile},
  {"io.type", io_type},
  {"io.write", io_write},
  {"io.readline", io_readline},
  {"file.read", f_read},
  {"file.write", f_write},
  {"file.lines", f_lines},
  {"file.flush", f_flush},
  {"file.seek", f_seek},
  {"file.close", f_close},
  {"file.setvbuf", f_setvbuf},
  {"file.__gc", f_gc},
  {"file.__tostring", f_tostring},
  /* close functions kept in luaL_Stream.closef (never Lua values themselves) */
  {"io.fclose", io_fclose},
  {"io.pclose", io_pclose},
  {"io.noclose", io_noclose},
  {NULL, NULL}
};

_Static_assert(sizeof(tylib_io_builtins) / sizeof(luaL_Reg) ==
               IO_NFUNCS + 1 + IO_NMETHODS + IO_NMETA + IO_NCLOSE + 1,
               "IO_N*: the parts of tylib_io_builtins");

/* The metatable of file handles: __name (from luaL_newmetatable), __index
** (the method table), __gc and __tostring, and __close, which is __gc. */
static void make_file_metatable(lua_State *L) {
  int first = IO_NFUNCS + 1;  /* the first method */
  luaL_newmetatable(L, LUA_FILEHANDLE);
  lua_createtable(L, 0, IO_NMETHODS);
  tylib_setbuiltins(L, tylib_io_builtins, first, IO_NMETHODS, 0);
  lua_setfield(L, -2, "__index");
  tylib_setbuiltins(L, tylib_io_builtins, first + IO_NMETHODS, IO_NMETA, 0);
  lua_pushcfunction(L, f_gc);
  lua_setfield(L, -2, "__close");
  lua_pop(L, 1);
}

/* io.stdin etc.; 'key' also makes it a default file */
static void add_std_file(lua_State *L, FILE *f, const char *key, const char *name) {
  Stream *p = new_handle(L);
  p->f = f;
  p->closef = &io_noclose;
  if (key != NULL) {
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, key);
  }
  lua_setfield(L, -2, name);
}

LUAMOD_API int luaopen_io(lua_State *L) {
  tylib_newbuiltinlib(L, tylib_io_builtins, IO_NFUNCS, 3);  /* + stdin, stdout, stderr */
  make_file_metatable(L);
  add_std_file(L, stdin, IO_INPUT, "stdin");
  add_std_file(L, stdout, IO_OUTPUT, "stdout");
  add_std_file(L, stderr, NULL, "stderr");
  return 1;
}
