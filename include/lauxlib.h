/*
** lauxlib.h: the auxiliary library (luaL_*) of tycho's Lua 5.4 C API,
** implemented in src/lib/auxlib.c.
**
** Compatibility contract: the same functions, macros and values as Lua
** 5.4.6's lauxlib.h, and field for field the same luaL_Reg, luaL_Buffer and
** luaL_Stream, so C modules compiled against another Lua 5.4's headers
** (Debian's lfs.so and lpeg.so, for one) load and run unchanged.  Several
** macros below reach into luaL_Buffer directly; its layout is ABI.
** Declarations are grouped as the implementation is.
*/
#ifndef lauxlib_h
#define lauxlib_h

#include <stddef.h>
#include <stdio.h>

#include "luaconf.h"
#include "lua.h"


/* ---- names, codes and registry keys ------------------------------------ */

#define LUA_GNAME          "_G"         /* how the global table is named */
#define LUA_LOADED_TABLE   "_LOADED"    /* registry key: package.loaded */
#define LUA_PRELOAD_TABLE  "_PRELOAD"   /* registry key: package.preload */
#define LUA_FILEHANDLE     "FILE*"      /* registry key: io file metatable */

/* status beyond lua.h's codes: luaL_loadfilex could not open or read */
#define LUA_ERRFILE  (LUA_ERRERR + 1)

/* refs that luaL_ref never hands out for a stored value */
#define LUA_NOREF   (-2)
#define LUA_REFNIL  (-1)

/* the numeric types a library was compiled with, as luaL_checkversion sees them */
#define LUAL_NUMSIZES  (sizeof(lua_Integer) * 16 + sizeof(lua_Number))


/* ---- types -------------------------------------------------------------- */

/* one entry of a function list for luaL_setfuncs/luaL_newlib; ends with {NULL, NULL} */
typedef struct luaL_Reg {
  const char *name;
  lua_CFunction func;
} luaL_Reg;

typedef struct luaL_Buffer luaL_Buffer;

/*
** A string under construction.  The text is b[0 .. n-1] with room for size
** bytes; it starts in `init` and moves into a userdata on the stack when it
** grows past it.  The buffer uses one stack slot until luaL_pushresult.
*/
struct luaL_Buffer {
  char *b;
  size_t size;
  size_t n;
  lua_State *L;
  union {
    LUAI_MAXALIGN;
    char b[LUAL_BUFFERSIZE];
  } init;
};

/* what an io library file handle (a userdata named LUA_FILEHANDLE) starts with */
typedef struct luaL_Stream {
  FILE *f;                /* NULL while the handle is being made */
  lua_CFunction closef;   /* NULL once the stream is closed */
} luaL_Stream;


/* ---- states and versions ------------------------------------------------ */

LUALIB_API lua_State *luaL_newstate(void);
LUALIB_API void luaL_checkversion_(lua_State *L, lua_Number ver, size_t sz);
#define luaL_checkversion(L)  luaL_checkversion_(L, LUA_VERSION_NUM, LUAL_NUMSIZES)


/* ---- raising and reporting errors --------------------------------------- */

LUALIB_API void luaL_where(lua_State *L, int lvl);
LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...);
LUALIB_API int luaL_argerror(lua_State *L, int arg, const char *extramsg);
LUALIB_API int luaL_typeerror(lua_State *L, int arg, const char *tname);
LUALIB_API int luaL_fileresult(lua_State *L, int stat, const char *fname);
LUALIB_API int luaL_execresult(lua_State *L, int stat);

#define luaL_argcheck(L, cond, arg, extramsg) \
  ((void)(luai_likely(cond) || luaL_argerror(L, (arg), (extramsg))))
#define luaL_argexpected(L, cond, arg, tname) \
  ((void)(luai_likely(cond) || luaL_typeerror(L, (arg), (tname))))

/* the value library functions return to signal failure */
#define luaL_pushfail(L)  lua_pushnil(L)


/* ---- checking arguments ------------------------------------------------- */

LUALIB_API void luaL_checkstack(lua_State *L, int sz, const char *msg);
LUALIB_API void luaL_checktype(lua_State *L, int arg, int t);
LUALIB_API void luaL_checkany(lua_State *L, int arg);
LUALIB_API const char *luaL_checklstring(lua_State *L, int arg, size_t *l);
LUALIB_API const char *luaL_optlstring(lua_State *L, int arg, const char *def, size_t *l);
LUALIB_API lua_Number luaL_checknumber(lua_State *L, int arg);
LUALIB_API lua_Number luaL_optnumber(lua_State *L, int arg, lua_Number def);
LUALIB_API lua_Integer luaL_checkinteger(lua_State *L, int arg);
LUALIB_API lua_Integer luaL_optinteger(lua_State *L, int arg, lua_Integer def);
LUALIB_API int luaL_checkoption(lua_State *L, int arg, const char *def,
                                const char *const lst[]);

#define luaL_checkstring(L, arg)       (luaL_checklstring(L, (arg), NULL))
#define luaL_optstring(L, arg, def)    (luaL_optlstring(L, (arg), (def), NULL))
#define luaL_opt(L, check, arg, def)   (lua_isnoneornil(L, (arg)) ? (def) : check(L, (arg)))
#define luaL_typename(L, idx)          lua_typename(L, lua_type(L, (idx)))


/* ---- metatables, metafields, userdata ----------------------------------- */

LUALIB_API int luaL_newmetatable(lua_State *L, const char *tname);
LUALIB_API void luaL_setmetatable(lua_State *L, const char *tname);
LUALIB_API void *luaL_testudata(lua_State *L, int ud, const char *tname);
LUALIB_API void *luaL_checkudata(lua_State *L, int ud, const char *tname);
LUALIB_API int luaL_getmetafield(lua_State *L, int obj, const char *e);
LUALIB_API int luaL_callmeta(lua_State *L, int obj, const char *e);
LUALIB_API const char *luaL_tolstring(lua_State *L, int idx, size_t *len);
LUALIB_API lua_Integer luaL_len(lua_State *L, int idx);

#define luaL_getmetatable(L, tname)  (lua_getfield(L, LUA_REGISTRYINDEX, (tname)))


/* ---- string buffers ----------------------------------------------------- */

LUALIB_API void luaL_buffinit(lua_State *L, luaL_Buffer *B);
LUALIB_API char *luaL_buffinitsize(lua_State *L, luaL_Buffer *B, size_t sz);
LUALIB_API char *luaL_prepbuffsize(luaL_Buffer *B, size_t sz);
LUALIB_API void luaL_addlstring(luaL_Buffer *B, const char *s, size_t l);
LUALIB_API void luaL_addstring(luaL_Buffer *B, const char *s);
LUALIB_API void luaL_addvalue(luaL_Buffer *B);
LUALIB_API void luaL_pushresult(luaL_Buffer *B);
LUALIB_API void luaL_pushresultsize(luaL_Buffer *B, size_t sz);
LUALIB_API void luaL_addgsub(luaL_Buffer *b, const char *s, const char *p, const char *r);
LUALIB_API const char *luaL_gsub(lua_State *L, const char *s, const char *p, const char *r);

#define luaL_bufflen(buf)    ((buf)->n)
#define luaL_buffaddr(buf)   ((buf)->b)
#define luaL_prepbuffer(B)   luaL_prepbuffsize(B, LUAL_BUFFERSIZE)
#define luaL_addsize(B, k)   ((B)->n += (k))
#define luaL_buffsub(B, k)   ((B)->n -= (k))
#define luaL_addchar(B, ch) \
  ((void)((B)->n < (B)->size || luaL_prepbuffsize((B), 1)), ((B)->b[(B)->n++] = (ch)))


/* ---- loading chunks ----------------------------------------------------- */

LUALIB_API int luaL_loadfilex(lua_State *L, const char *filename, const char *mode);
LUALIB_API int luaL_loadbufferx(lua_State *L, const char *buff, size_t sz,
                                const char *name, const char *mode);
LUALIB_API int luaL_loadstring(lua_State *L, const char *s);

#define luaL_loadfile(L, fname)              luaL_loadfilex(L, fname, NULL)
#define luaL_loadbuffer(L, buff, sz, name)   luaL_loadbufferx(L, buff, sz, name, NULL)
#define luaL_dofile(L, fname) \
  (luaL_loadfile(L, fname) || lua_pcall(L, 0, LUA_MULTRET, 0))
#define luaL_dostring(L, str) \
  (luaL_loadstring(L, str) || lua_pcall(L, 0, LUA_MULTRET, 0))


/* ---- references, traceback ---------------------------------------------- */

LUALIB_API int luaL_ref(lua_State *L, int t);
LUALIB_API void luaL_unref(lua_State *L, int t, int ref);
LUALIB_API void luaL_traceback(lua_State *L, lua_State *L1, const char *msg, int level);


/* ---- building and registering libraries --------------------------------- */

LUALIB_API void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup);
LUALIB_API int luaL_getsubtable(lua_State *L, int idx, const char *fname);
LUALIB_API void luaL_requiref(lua_State *L, const char *modname,
                              lua_CFunction openf, int glb);

#define luaL_newlibtable(L, list) \
  lua_createtable(L, 0, sizeof(list) / sizeof((list)[0]) - 1)
#define luaL_newlib(L, list) \
  (luaL_checkversion(L), luaL_newlibtable(L, list), luaL_setfuncs(L, list, 0))


/* ---- integer arithmetic that wraps around, as the core's does ----------- */

#define luaL_intop(op, v1, v2) \
  ((lua_Integer)((lua_Unsigned)(v1) op (lua_Unsigned)(v2)))


/* ---- output used by print, warnings and panics (each may be predefined) - */

#ifndef lua_writestring
#define lua_writestring(s, l)  fwrite((s), sizeof(char), (l), stdout)
#endif
#ifndef lua_writeline
#define lua_writeline()  (lua_writestring("\n", 1), fflush(stdout))
#endif
#ifndef lua_writestringerror
#define lua_writestringerror(fmt, arg)  (fprintf(stderr, (fmt), (arg)), fflush(stderr))
#endif


/* ---- lua_assert: nothing unless LUAI_ASSERT (or a prior definition) ----- */

#ifndef lua_assert
# ifdef LUAI_ASSERT
#  include <assert.h>
#  define lua_assert(c)  assert(c)
# else
#  define lua_assert(c)  ((void)0)
# endif
#endif


/* ---- Lua 5.2-era integer conversions (LUA_COMPAT_APIINTCASTS) ----------- */

#ifdef LUA_COMPAT_APIINTCASTS
#define luaL_checkint(L, arg)            ((int)luaL_checkinteger(L, (arg)))
#define luaL_checklong(L, arg)           ((long)luaL_checkinteger(L, (arg)))
#define luaL_checkunsigned(L, arg)       ((lua_Unsigned)luaL_checkinteger(L, arg))
#define luaL_optint(L, arg, def)         ((int)luaL_optinteger(L, (arg), (def)))
#define luaL_optlong(L, arg, def)        ((long)luaL_optinteger(L, (arg), (def)))
#define luaL_optunsigned(L, arg, def)    ((lua_Unsigned)luaL_optinteger(L, arg, (lua_Integer)(def)))
#endif

#endif
