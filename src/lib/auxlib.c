/*
** auxlib.c: tycho's auxiliary library, the luaL_* half of the C API
** (Lua 5.4 manual, section 5), built on nothing but the public lua.h API.
**
** Design notes
**
**  * What a Lua program or a C module can observe (message texts, the
**    traceback layout, return conventions, how many stack slots a call
**    uses) follows the manual and Lua 5.4's behaviour, because programs,
**    the official suite and binary modules such as lfs and lpeg depend on
**    it.  The code behind it is arranged by concern, in this order:
**      1. new states: allocator, panic handler, warning modes
**      2. error reports (luaL_where, luaL_error, argument errors)
**      3. argument checks and conversions
**      4. metatables, metafields and userdata
**      5. string buffers (luaL_Buffer)
**      6. loading chunks from files and memory
**      7. the reference system
**      8. naming functions and the stack traceback
**      9. module registration and small utilities
**
**  * A luaL_Buffer owns exactly one stack slot from luaL_buffinit until
**    luaL_pushresult.  While the text fits in the buffer's own array
**    (B->init) the slot holds a light userdata; once it outgrows that, the
**    slot holds a plain full userdata with the text, the "box".  A box is
**    never resized: growing makes a box twice as large, copies the text and
**    lets the old box become garbage.  Buffer memory is therefore ordinary
**    collectable heap, counted against tycho's memory limit and reclaimed
**    even when an error unwinds the buffer's owner, with no metatable,
**    finalizer or to-be-closed variable involved.  The capacity test of
**    every write is inlined; only growth leaves the fast path.
**
**  * Functions are named in messages by what the call site says about them
**    or, failing that, by where package.loaded reaches them ("string.rep",
**    or just "print" for a global).
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"

#define SIZE_T_TOP ((size_t)-1)


/* ======================================================================
** 1. new states
** ====================================================================== */

/* the lua_Alloc of luaL_newstate: the C heap, nothing more */
static void *heap_alloc(void *ud, void *block, size_t oldsize, size_t newsize) {
  (void)ud;
  (void)oldsize;
  if (newsize != 0)
    return realloc(block, newsize);
  free(block);
  return NULL;
}

/* last resort for errors outside any protected call: report, then abort */
static int report_panic(lua_State *L) {
  const char *what = "error object is not a string";
  if (lua_type(L, -1) == LUA_TSTRING)
    what = lua_tostring(L, -1);
  lua_writestringerror("PANIC: unprotected error in call to Lua API (%s)\n", what);
  return 0;
}

/*
** Warnings.  The current mode is simply which of three functions is
** installed, each receiving the state as its user data:
**   warn_silent  warnings are off; only control messages are looked at;
**   warn_fresh   on, and the next piece starts a new "Lua warning: " line;
**   warn_rest    on, in the middle of a message sent in several pieces.
** A control message is a whole (single-piece) message starting with '@';
** "@on" and "@off" switch modes and any other one is ignored.
*/
static void warn_silent(void *ud, const char *msg, int tocont);
static void warn_fresh(void *ud, const char *msg, int tocont);
static void warn_rest(void *ud, const char *msg, int tocont);

static int warn_control(lua_State *L, const char *msg, int tocont) {
  if (tocont || msg[0] != '@')
    return 0;
  if (strcmp(msg + 1, "on") == 0)
    lua_setwarnf(L, warn_fresh, L);
  else if (strcmp(msg + 1, "off") == 0)
    lua_setwarnf(L, warn_silent, L);
  return 1;
}

static void warn_silent(void *ud, const char *msg, int tocont) {
  warn_control((lua_State *)ud, msg, tocont);
}

static void warn_rest(void *ud, const char *msg, int tocont) {
  lua_State *L = (lua_State *)ud;
  lua_writestringerror("%s", msg);
  if (!tocont) {
    lua_writestringerror("%s", "\n");
    lua_setwarnf(L, warn_fresh, L);
  }
  else
    lua_setwarnf(L, warn_rest, L);
}

static void warn_fresh(void *ud, const char *msg, int tocont) {
  if (!warn_control((lua_State *)ud, msg, tocont)) {
    lua_writestringerror("%s", "Lua warning: ");
    warn_rest(ud, msg, tocont);
  }
}

/* what every state made here gets: the panic report, warnings off */
static lua_State *equip(lua_State *L) {
  if (L != NULL) {
    lua_atpanic(L, report_panic);
    lua_setwarnf(L, warn_silent, L);
  }
  return L;
}

LUALIB_API lua_State *luaL_newstate(void) {
  return equip(lua_newstate(heap_alloc, NULL));
}

/* a state whose heap starts as the image at `path`, dressed like luaL_newstate's */
LUALIB_API lua_State *tycho_newstate_image(const char *path, char *err, size_t errlen) {
  return equip(tycho_newstate_imagef(heap_alloc, NULL, path, err, errlen));
}

LUALIB_API void luaL_checkversion_(lua_State *L, lua_Number ver, size_t sz) {
  lua_Number core = lua_version(L);
  if (sz != LUAL_NUMSIZES)
    luaL_error(L, "core and library have incompatible numeric types");
  else if (core != ver)
    luaL_error(L, "version mismatch: app. needs %f, Lua core provides %f",
               (LUAI_UACNUMBER)ver, (LUAI_UACNUMBER)core);
}


/* ======================================================================
** 2. error reports
** ====================================================================== */

static int known_name(lua_State *L, lua_Debug *ar);  /* section 8 */

/* pushes "source:line: " for the function running at `level`, or "" */
LUALIB_API void luaL_where(lua_State *L, int level) {
  lua_Debug ar;
  if (lua_getstack(L, level, &ar)) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      return;
    }
  }
  lua_pushliteral(L, "");
}

LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...) {
  va_list ap;
  luaL_where(L, 1);
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_concat(L, 2);
  return lua_error(L);
}

/*
** "bad argument #n to 'f' (why)".  For a method call the count leaves out
** self, and a bad self gets a message of its own.
*/
LUALIB_API int luaL_argerror(lua_State *L, int arg, const char *extramsg) {
  lua_Debug ar;
  const char *fname;
  if (!lua_getstack(L, 0, &ar))  /* called with no function running */
    return luaL_error(L, "bad argument #%d (%s)", arg, extramsg);
  lua_getinfo(L, "n", &ar);
  if (strcmp(ar.namewhat, "method") == 0 && --arg == 0)
    return luaL_error(L, "calling '%s' on bad self (%s)", ar.name, extramsg);
  fname = ar.name;
  if (fname == NULL)
    fname = known_name(L, &ar) ? lua_tostring(L, -1) : "?";
  return luaL_error(L, "bad argument #%d to '%s' (%s)", arg, fname, extramsg);
}

/* "T expected, got U", where U prefers the value's __name metafield */
LUALIB_API int luaL_typeerror(lua_State *L, int arg, const char *tname) {
  const char *got;
  if (luaL_getmetafield(L, arg, "__name") == LUA_TSTRING)
    got = lua_tostring(L, -1);
  else if (lua_type(L, arg) == LUA_TLIGHTUSERDATA)
    got = "light userdata";
  else
    got = luaL_typename(L, arg);
  return luaL_argerror(L, arg, lua_pushfstring(L, "%s expected, got %s", tname, got));
}

/* the usual results of a failed or successful C library call */
LUALIB_API int luaL_fileresult(lua_State *L, int stat, const char *fname) {
  int code = errno;  /* saved before any API call can touch it */
  const char *text;
  if (stat) {
    lua_pushboolean(L, 1);
    return 1;
  }
  text = code ? strerror(code) : "(no extra info)";
  luaL_pushfail(L);
  if (fname != NULL)
    lua_pushfstring(L, "%s: %s", fname, text);
  else
    lua_pushstring(L, text);
  lua_pushinteger(L, code);
  return 3;
}

/* true|fail, "exit"|"signal", code: what os.execute and close on a pipe return */
LUALIB_API int luaL_execresult(lua_State *L, int stat) {
  const char *how = "exit";
  if (stat != 0 && errno != 0)  /* the call itself failed */
    return luaL_fileresult(L, 0, NULL);
  if (WIFEXITED(stat))
    stat = WEXITSTATUS(stat);
  else if (WIFSIGNALED(stat)) {
    stat = WTERMSIG(stat);
    how = "signal";
  }
  if (how[0] == 'e' && stat == 0)
    lua_pushboolean(L, 1);
  else
    luaL_pushfail(L);
  lua_pushstring(L, how);
  lua_pushinteger(L, stat);
  return 3;
}


/* ======================================================================
** 3. argument checks
** ====================================================================== */

static void expected(lua_State *L, int arg, int tag) {
  luaL_typeerror(L, arg, lua_typename(L, tag));
}

LUALIB_API void luaL_checkstack(lua_State *L, int space, const char *msg) {
  if (luai_likely(lua_checkstack(L, space)))
    return;
  if (msg != NULL)
    luaL_error(L, "stack overflow (%s)", msg);
  else
    luaL_error(L, "stack overflow");
}

LUALIB_API void luaL_checktype(lua_State *L, int arg, int t) {
  if (luai_unlikely(lua_type(L, arg) != t))
    expected(L, arg, t);
}

LUALIB_API void luaL_checkany(lua_State *L, int arg) {
  if (luai_unlikely(lua_type(L, arg) == LUA_TNONE))
    luaL_argerror(L, arg, "value expected");
}

LUALIB_API const char *luaL_checklstring(lua_State *L, int arg, size_t *len) {
  const char *s = lua_tolstring(L, arg, len);
  if (luai_unlikely(s == NULL))
    expected(L, arg, LUA_TSTRING);
  return s;
}

LUALIB_API const char *luaL_optlstring(lua_State *L, int arg, const char *def, size_t *len) {
  if (!lua_isnoneornil(L, arg))
    return luaL_checklstring(L, arg, len);
  if (len != NULL)
    *len = def ? strlen(def) : 0;
  return def;
}

LUALIB_API lua_Number luaL_checknumber(lua_State *L, int arg) {
  int ok;
  lua_Number x = lua_tonumberx(L, arg, &ok);
  if (luai_unlikely(!ok))
    expected(L, arg, LUA_TNUMBER);
  return x;
}

LUALIB_API lua_Number luaL_optnumber(lua_State *L, int arg, lua_Number def) {
  return lua_isnoneornil(L, arg) ? def : luaL_checknumber(L, arg);
}

LUALIB_API lua_Integer luaL_checkinteger(lua_State *L, int arg) {
  int ok;
  lua_Integer i = lua_tointegerx(L, arg, &ok);
  if (luai_unlikely(!ok)) {
    if (lua_isnumber(L, arg))  /* a float such as 1.5, or a string for one */
      luaL_argerror(L, arg, "number has no integer representation");
    else
      expected(L, arg, LUA_TNUMBER);
  }
  return i;
}

LUALIB_API lua_Integer luaL_optinteger(lua_State *L, int arg, lua_Integer def) {
  return lua_isnoneornil(L, arg) ? def : luaL_checkinteger(L, arg);
}

/* position of the string argument in the NULL-terminated list `lst` */
LUALIB_API int luaL_checkoption(lua_State *L, int arg, const char *def,
                                const char *const lst[]) {
  const char *opt = def ? luaL_optstring(L, arg, def) : luaL_checkstring(L, arg);
  int k = 0;
  while (lst[k] != NULL && strcmp(lst[k], opt) != 0)
    k++;
  if (lst[k] != NULL)
    return k;
  return luaL_argerror(L, arg, lua_pushfstring(L, "invalid option '%s'", opt));
}


/* ======================================================================
** 4. metatables, metafields and userdata
** ====================================================================== */

/* registry[tname] = a new metatable whose __name is tname, unless taken */
LUALIB_API int luaL_newmetatable(lua_State *L, const char *tname) {
  if (luaL_getmetatable(L, tname) != LUA_TNIL)
    return 0;  /* the existing value stays pushed */
  lua_pop(L, 1);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, tname);
  lua_setfield(L, -2, "__name");
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, tname);
  return 1;
}

LUALIB_API void luaL_setmetatable(lua_State *L, const char *tname) {
  luaL_getmetatable(L, tname);
  lua_setmetatable(L, -2);
}

/* the block of the userdata at ud if its metatable is registry[tname], else NULL */
LUALIB_API void *luaL_testudata(lua_State *L, int ud, const char *tname) {
  void *block = lua_touserdata(L, ud);
  int same;
  if (block == NULL || !lua_getmetatable(L, ud))
    return NULL;
  luaL_getmetatable(L, tname);
  same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? block : NULL;
}

LUALIB_API void *luaL_checkudata(lua_State *L, int ud, const char *tname) {
  void *block = luaL_testudata(L, ud, tname);
  if (luai_unlikely(block == NULL))
    luaL_typeerror(L, ud, tname);
  return block;
}

/* pushes metatable(obj)[event] (raw) and returns its type; pushes nothing for nil */
LUALIB_API int luaL_getmetafield(lua_State *L, int obj, const char *event) {
  int t;
  if (!lua_getmetatable(L, obj))
    return LUA_TNIL;
  lua_pushstring(L, event);
  t = lua_rawget(L, -2);
  if (t == LUA_TNIL) {
    lua_pop(L, 2);
    return LUA_TNIL;
  }
  lua_remove(L, -2);  /* keep only the field */
  return t;
}

/* calls metamethod `event` of obj with obj, leaving one result; 0 if none */
LUALIB_API int luaL_callmeta(lua_State *L, int obj, const char *event) {
  obj = lua_absindex(L, obj);
  if (luaL_getmetafield(L, obj, event) == LUA_TNIL)
    return 0;
  lua_pushvalue(L, obj);
  lua_call(L, 1, 1);
  return 1;
}

/* #value (metamethods included), which must come out an integer */
LUALIB_API lua_Integer luaL_len(lua_State *L, int idx) {
  int ok;
  lua_Integer n;
  lua_len(L, idx);
  n = lua_tointegerx(L, -1, &ok);
  if (luai_unlikely(!ok))
    luaL_error(L, "object length is not an integer");
  lua_pop(L, 1);
  return n;
}

/* the text `tostring` shows for any value, pushed and returned */
LUALIB_API const char *luaL_tolstring(lua_State *L, int idx, size_t *len) {
  idx = lua_absindex(L, idx);
  if (luaL_callmeta(L, idx, "__tostring")) {
    if (!lua_isstring(L, -1))
      luaL_error(L, "'__tostring' must return a string");
    return lua_tolstring(L, -1, len);
  }
  switch (lua_type(L, idx)) {
    case LUA_TNIL:
      lua_pushliteral(L, "nil");
      break;
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, idx)) lua_pushliteral(L, "true");
      else lua_pushliteral(L, "false");
      break;
    case LUA_TNUMBER:  /* a copy, converted in place like any number-to-string */
    case LUA_TSTRING:
      lua_pushvalue(L, idx);
      break;
    default: {  /* "kind: address", kind being __name when that is a string */
      int named = luaL_getmetafield(L, idx, "__name");
      const char *kind = named == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, idx);
      lua_pushfstring(L, "%s: %p", kind, lua_topointer(L, idx));
      if (named != LUA_TNIL)
        lua_remove(L, -2);
      break;
    }
  }
  return lua_tolstring(L, -1, len);
}


/* ======================================================================
** 5. string buffers
** ====================================================================== */

/*
** Slow path of every write: gives B room for `extra` more bytes by moving
** the text into a new box.  `slot` is where B's slot is on the stack (-1,
** or -2 when luaL_addvalue's string sits above it).
*/
static char *buffer_grow(luaL_Buffer *B, size_t extra, int slot) {
  lua_State *L = B->L;
  size_t cap = B->size;
  char *box;
  if (luai_unlikely(extra > SIZE_T_TOP - B->n))
    luaL_error(L, "buffer too large");
  cap = cap <= SIZE_T_TOP / 2 ? cap * 2 : SIZE_T_TOP;
  if (cap - B->n < extra)
    cap = B->n + extra;
  slot = lua_absindex(L, slot);
  box = (char *)lua_newuserdatauv(L, cap, 0);
  if (B->n > 0)
    memcpy(box, B->b, B->n);
  lua_replace(L, slot);  /* the old box, if any, is garbage from here on */
  B->b = box;
  B->size = cap;
  return box + B->n;
}

/* where the next `extra` bytes of B go */
static inline char *buffer_room(luaL_Buffer *B, size_t extra, int slot) {
  if (luai_likely(B->size - B->n >= extra))
    return B->b + B->n;
  return buffer_grow(B, extra, slot);
}

LUALIB_API void luaL_buffinit(lua_State *L, luaL_Buffer *B) {
  B->L = L;
  B->b = B->init.b;
  B->size = LUAL_BUFFERSIZE;
  B->n = 0;
  lua_pushlightuserdata(L, (void *)B);  /* holds B's slot until a box takes it */
}

LUALIB_API char *luaL_buffinitsize(lua_State *L, luaL_Buffer *B, size_t sz) {
  luaL_buffinit(L, B);
  return buffer_room(B, sz, -1);
}

LUALIB_API char *luaL_prepbuffsize(luaL_Buffer *B, size_t sz) {
  return buffer_room(B, sz, -1);
}

LUALIB_API void luaL_addlstring(luaL_Buffer *B, const char *s, size_t l) {
  if (l == 0)
    return;  /* s may be NULL then */
  memcpy(buffer_room(B, l, -1), s, l);
  B->n += l;
}

LUALIB_API void luaL_addstring(luaL_Buffer *B, const char *s) {
  luaL_addlstring(B, s, strlen(s));
}

/* appends the string (or number) on top of the stack and pops it */
LUALIB_API void luaL_addvalue(luaL_Buffer *B) {
  lua_State *L = B->L;
  size_t l;
  const char *s = lua_tolstring(L, -1, &l);
  if (l > 0) {  /* the string stays on the stack while a new box is made */
    memcpy(buffer_room(B, l, -2), s, l);
    B->n += l;
  }
  lua_pop(L, 1);
}

/* replaces B's slot with the finished string */
LUALIB_API void luaL_pushresult(luaL_Buffer *B) {
  lua_State *L = B->L;
  lua_pushlstring(L, B->b, B->n);
  lua_remove(L, -2);
}

LUALIB_API void luaL_pushresultsize(luaL_Buffer *B, size_t sz) {
  B->n += sz;
  luaL_pushresult(B);
}

/* appends s with every occurrence of p replaced by r */
LUALIB_API void luaL_addgsub(luaL_Buffer *b, const char *s, const char *p, const char *r) {
  size_t plen = strlen(p), rlen = strlen(r);
  const char *hit;
  for (; (hit = strstr(s, p)) != NULL; s = hit + plen) {
    luaL_addlstring(b, s, (size_t)(hit - s));
    luaL_addlstring(b, r, rlen);
  }
  luaL_addstring(b, s);
}

LUALIB_API const char *luaL_gsub(lua_State *L, const char *s, const char *p, const char *r) {
  luaL_Buffer out;
  luaL_buffinit(L, &out);
  luaL_addgsub(&out, s, p, r);
  luaL_pushresult(&out);
  return lua_tostring(L, -1);
}


/* ======================================================================
** 6. loading chunks
** ====================================================================== */

/* reader state for a chunk in a FILE */
typedef struct FileSource {
  FILE *fp;
  int primed;           /* bytes at the start of `chunk` not handed out yet */
  char chunk[BUFSIZ];
} FileSource;

static const char *read_file(lua_State *L, void *ud, size_t *size) {
  FileSource *src = (FileSource *)ud;
  (void)L;
  if (src->primed > 0) {
    *size = (size_t)src->primed;
    src->primed = 0;
  }
  else if (feof(src->fp))
    return NULL;
  else
    *size = fread(src->chunk, 1, sizeof src->chunk, src->fp);
  return src->chunk;
}

/*
** Reads past an optional UTF-8 byte-order mark and an optional first line
** starting with '#' (as in "#!/usr/bin/env lua").  *next receives the
** first byte after them (or EOF); the result says whether a line went.
*/
static int skip_preamble(FILE *fp, int *next) {
  int c = getc(fp);
  if (c == 0xEF && getc(fp) == 0xBB && getc(fp) == 0xBF)
    c = getc(fp);
  if (c == '#') {
    while ((c = getc(fp)) != EOF && c != '\n')
      ;
    *next = getc(fp);
    return 1;
  }
  *next = c;
  return 0;
}

/*
** Puts back, at the start of src->chunk, what skip_preamble consumed and
** the parser must still see: a '\n' for a skipped '#' line (so that line
** numbers stay right) and the first byte.  A precompiled chunk gets no
** newline, and a named file holding one is reopened in binary mode.
** Returns 0, or -1 if that reopening failed.
*/
static int prime_source(FileSource *src, const char *filename) {
  int first;
  int newline = skip_preamble(src->fp, &first);
  src->primed = 0;
  if (first == LUA_SIGNATURE[0]) {
    newline = 0;
    if (filename != NULL) {
      errno = 0;
      src->fp = freopen(filename, "rb", src->fp);
      if (src->fp == NULL)
        return -1;
      skip_preamble(src->fp, &first);
    }
  }
  if (newline)
    src->chunk[src->primed++] = '\n';
  if (first != EOF)
    src->chunk[src->primed++] = (char)first;
  return 0;
}

/* replaces the chunk name at `nameidx` with "cannot <verb> <file>[: reason]" */
static int file_failure(lua_State *L, const char *verb, int nameidx) {
  int code = errno;
  const char *file = lua_tostring(L, nameidx) + 1;  /* past the '@' or '=' */
  if (code != 0)
    lua_pushfstring(L, "cannot %s %s: %s", verb, file, strerror(code));
  else
    lua_pushfstring(L, "cannot %s %s", verb, file);
  lua_remove(L, nameidx);
  return LUA_ERRFILE;
}

LUALIB_API int luaL_loadfilex(lua_State *L, const char *filename, const char *mode) {
  FileSource src;
  int nameidx = lua_gettop(L) + 1;  /* the chunk name, kept for messages */
  int status, broken;
  if (filename == NULL) {
    lua_pushliteral(L, "=stdin");
    src.fp = stdin;
  }
  else {
    lua_pushfstring(L, "@%s", filename);
    errno = 0;
    src.fp = fopen(filename, "r");
    if (src.fp == NULL)
      return file_failure(L, "open", nameidx);
  }
  if (prime_source(&src, filename) != 0)
    return file_failure(L, "reopen", nameidx);
  errno = 0;
  status = lua_load(L, read_file, &src, lua_tostring(L, nameidx), mode);
  broken = ferror(src.fp);
  if (filename != NULL)
    fclose(src.fp);
  if (broken) {
    lua_settop(L, nameidx);  /* drop whatever lua_load left */
    return file_failure(L, "read", nameidx);
  }
  lua_remove(L, nameidx);
  return status;
}

/* reader state for a chunk in memory: handed out whole, once */
typedef struct MemSource {
  const char *text;
  size_t left;
} MemSource;

static const char *read_memory(lua_State *L, void *ud, size_t *size) {
  MemSource *src = (MemSource *)ud;
  (void)L;
  if (src->left == 0)
    return NULL;
  *size = src->left;
  src->left = 0;
  return src->text;
}

LUALIB_API int luaL_loadbufferx(lua_State *L, const char *buff, size_t sz,
                                const char *name, const char *mode) {
  MemSource src;
  src.text = buff;
  src.left = sz;
  return lua_load(L, read_memory, &src, name, mode);
}

LUALIB_API int luaL_loadstring(lua_State *L, const char *s) {
  return luaL_loadbufferx(L, s, strlen(s), s, NULL);
}


/* ======================================================================
** 7. references
**
** Refs are positive integer keys of the table t.  Released keys form a
** chain threaded through t itself: t[FREE_CHAIN] holds the most recently
** released key (0 for none) and each released key's slot holds the next
** one.  t[FREE_CHAIN] is created on first use, which also keeps fresh refs
** clear of the registry's predefined slots (LUA_RIDX_*).
** ====================================================================== */

#define FREE_CHAIN (LUA_RIDX_LAST + 1)

LUALIB_API int luaL_ref(lua_State *L, int t) {
  int ref = 0;
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return LUA_REFNIL;  /* nil is never stored */
  }
  t = lua_absindex(L, t);
  if (lua_rawgeti(L, t, FREE_CHAIN) != LUA_TNIL)
    ref = (int)lua_tointeger(L, -1);
  else {  /* first use of t: start an empty chain */
    lua_pushinteger(L, 0);
    lua_rawseti(L, t, FREE_CHAIN);
  }
  lua_pop(L, 1);
  if (ref == 0)  /* nothing to reuse: take the key after the array part */
    ref = (int)lua_rawlen(L, t) + 1;
  else {  /* unlink ref from the chain */
    lua_rawgeti(L, t, ref);
    lua_rawseti(L, t, FREE_CHAIN);
  }
  lua_rawseti(L, t, ref);  /* pops the value being referenced */
  return ref;
}

LUALIB_API void luaL_unref(lua_State *L, int t, int ref) {
  if (ref < 0)
    return;  /* LUA_NOREF, LUA_REFNIL */
  t = lua_absindex(L, t);
  lua_rawgeti(L, t, FREE_CHAIN);
  lua_rawseti(L, t, ref);
  lua_pushinteger(L, ref);
  lua_rawseti(L, t, FREE_CHAIN);
}


/* ======================================================================
** 8. naming functions, stack traceback
** ====================================================================== */

/*
** With package.loaded on top of the stack, finds a string-keyed path to
** the value at `fn`: a module itself ("mod") or one of its fields
** ("mod.field"), in lua_next order.  On success leaves the path above
** package.loaded and returns 1; otherwise leaves the stack as it was.
*/
static int path_in_loaded(lua_State *L, int fn) {
  int loaded = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, loaded)) {  /* modname at loaded+1, module at loaded+2 */
    if (lua_type(L, -2) == LUA_TSTRING) {
      if (lua_rawequal(L, -1, fn)) {
        lua_pop(L, 1);
        return 1;
      }
      if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, loaded + 2)) {
          if (lua_type(L, -2) == LUA_TSTRING && lua_rawequal(L, -1, fn)) {
            lua_pop(L, 1);              /* modname, module, field */
            lua_remove(L, loaded + 2);  /* modname, field */
            lua_pushliteral(L, ".");
            lua_insert(L, -2);
            lua_concat(L, 3);
            return 1;
          }
          lua_pop(L, 1);
        }
      }
    }
    lua_pop(L, 1);
  }
  return 0;
}

/*
** Pushes the name under which package.loaded reaches the function of `ar`
** ("string.format"; globals lose their "_G." prefix) and returns 1, or
** pushes nothing and returns 0.
*/
static int known_name(lua_State *L, lua_Debug *ar) {
  int base = lua_gettop(L);
  const char *path;
  lua_getinfo(L, "f", ar);                                /* base + 1 */
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);   /* base + 2 */
  luaL_checkstack(L, 6, "not enough stack");
  if (!lua_istable(L, -1) || !path_in_loaded(L, base + 1)) {
    lua_settop(L, base);
    return 0;
  }
  path = lua_tostring(L, -1);
  if (strncmp(path, LUA_GNAME ".", sizeof(LUA_GNAME)) == 0)
    lua_pushstring(L, path + sizeof(LUA_GNAME));
  lua_replace(L, base + 1);
  lua_settop(L, base + 1);
  return 1;
}

/* pushes how a traceback line names the function of `ar` */
static void push_description(lua_State *L, lua_Debug *ar) {
  if (known_name(L, ar)) {
    lua_pushfstring(L, "function '%s'", lua_tostring(L, -1));
    lua_remove(L, -2);
  }
  else if (ar->namewhat[0] != '\0')  /* "local 'f'", "method 'm'", ... */
    lua_pushfstring(L, "%s '%s'", ar->namewhat, ar->name);
  else if (ar->what[0] == 'm')
    lua_pushliteral(L, "main chunk");
  else if (ar->what[0] == 'C')
    lua_pushliteral(L, "?");
  else
    lua_pushfstring(L, "function <%s:%d>", ar->short_src, ar->linedefined);
}

/* the deepest level of L's stack (0 when only level 0, or none, exists) */
static int deepest_level(lua_State *L) {
  lua_Debug ar;
  int known = 0, beyond = 1;
  while (lua_getstack(L, beyond, &ar)) {  /* double until past the end */
    known = beyond;
    beyond *= 2;
  }
  while (beyond - known > 1) {  /* known exists, beyond does not */
    int mid = known + (beyond - known) / 2;
    if (lua_getstack(L, mid, &ar))
      known = mid;
    else
      beyond = mid;
  }
  return known;
}

/*
** Long stacks show their first TB_HEAD and last TB_TAIL levels.  The count
** in the elision line is the one Lua 5.4 prints, one less than the number
** of levels actually left out.
*/
#define TB_HEAD 10
#define TB_TAIL 11

LUALIB_API void luaL_traceback(lua_State *L, lua_State *L1, const char *msg, int level) {
  luaL_Buffer b;
  lua_Debug ar;
  int last = deepest_level(L1);
  int cut = (last - level > TB_HEAD + TB_TAIL) ? level + TB_HEAD : -1;
  luaL_buffinit(L, &b);
  if (msg != NULL) {
    luaL_addstring(&b, msg);
    luaL_addchar(&b, '\n');
  }
  luaL_addstring(&b, "stack traceback:");
  for (; lua_getstack(L1, level, &ar); level++) {
    if (level == cut) {
      lua_pushfstring(L, "\n\t...\t(skipping %d levels)", last - cut - TB_TAIL);
      luaL_addvalue(&b);
      level = last - TB_TAIL;  /* the loop resumes at the first tail level */
      continue;
    }
    lua_getinfo(L1, "Slnt", &ar);
    if (ar.currentline > 0)
      lua_pushfstring(L, "\n\t%s:%d: in ", ar.short_src, ar.currentline);
    else
      lua_pushfstring(L, "\n\t%s: in ", ar.short_src);
    luaL_addvalue(&b);
    push_description(L, &ar);
    luaL_addvalue(&b);
    if (ar.istailcall)
      luaL_addstring(&b, "\n\t(...tail calls...)");
  }
  luaL_pushresult(&b);
}


/* ======================================================================
** 9. module registration and utilities
** ====================================================================== */

/*
** Stores each function of l in the table just below the `nup` values on
** top of the stack, as a closure over copies of them; pops those values.
** An entry with a NULL function stores false, a placeholder.
*/
LUALIB_API void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  luaL_checkstack(L, nup, "too many upvalues");
  for (; l->name != NULL; l++) {
    if (l->func != NULL) {
      int k;
      for (k = 0; k < nup; k++)
        lua_pushvalue(L, -nup);
      lua_pushcclosure(L, l->func, nup);
    }
    else
      lua_pushboolean(L, 0);
    lua_setfield(L, -2 - nup, l->name);
  }
  lua_pop(L, nup);
}

/* pushes t[fname] (t at idx), first storing a new table there if it is not one;
** returns whether a table was already there */
LUALIB_API int luaL_getsubtable(lua_State *L, int idx, const char *fname) {
  idx = lua_absindex(L, idx);
  if (lua_getfield(L, idx, fname) == LUA_TTABLE)
    return 1;
  lua_pop(L, 1);
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, idx, fname);
  return 0;
}

/*
** require for a C opener: unless package.loaded[modname] is already true,
** calls openf(modname) and records the result there; sets the global
** modname too when glb is true; leaves the module on the stack.
*/
LUALIB_API void luaL_requiref(lua_State *L, const char *modname,
                              lua_CFunction openf, int glb) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (lua_getfield(L, -1, modname), !lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    lua_pushcfunction(L, openf);
    lua_pushstring(L, modname);
    lua_call(L, 1, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, modname);
  }
  lua_remove(L, -2);  /* package.loaded */
  if (glb) {
    lua_pushvalue(L, -1);
    lua_setglobal(L, modname);
  }
}
