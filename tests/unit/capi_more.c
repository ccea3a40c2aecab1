/* capi_more.c: conformance of the rest of the public C API (what capi.c does not exercise).
**
** Together with capi.c this covers every function and macro declared in include/lua.h and
** include/lauxlib.h (manual sections 4 and 5).  Covered here:
**   lua_: absindex-free helpers atpanic closeslot closethread/resetthread dump error getallocf
**     setallocf getextraspace gethook gethookcount gethookmask sethook getinfo getlocal setlocal
**     getstack getuservalue setuservalue isboolean isfunction islightuserdata isstring istable
**     isthread isuserdata isyieldable load newstate newthread newuserdata pcallk pushlightuserdata
**     pushliteral pushunsigned pushvfstring rawset rawseti resume setcstacklimit setwarnf warning
**     status topointer tothread tounsigned tounsignedx touserdata upvaluejoin version xmove
**     yield yieldk writeline writestring writestringerror
**   luaL_: addgsub addlstring addsize argcheck argerror argexpected buffaddr bufflen buffsub
**     callmeta checkany checkint checklong checklstring checknumber checkstack checkstring
**     checktype checkudata checkunsigned checkversion_ dofile execresult fileresult getmetatable
**     intop loadbuffer loadfile newlib newlibtable opt optint optinteger optlong optlstring
**     optnumber optstring optunsigned prepbuffer prepbuffsize pushfail requiref setfuncs
**     traceback typeerror typename where
** Not exercised: lua_assert (internal no-op), LUA_H-style include guards.
** The file builds against Debian's liblua5.4 too (cc -DLUA_COMPAT_5_3 -I/usr/include/lua5.4
** capi_more.c -llua5.4), which checks the expectations themselves.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static int failures = 0;

#define CHECK(c) do { if (!(c)) { \
  fprintf(stderr, "capi_more.c:%d: check failed: %s\n", __LINE__, #c); failures++; } } while (0)

#define CHECKSTR(s, e) do { const char *s_ = (s); if (s_ == NULL || strcmp(s_, (e)) != 0) { \
  fprintf(stderr, "capi_more.c:%d: got [%s], expected [%s]\n", __LINE__, s_ ? s_ : "(null)", (e)); \
  failures++; } } while (0)

/* runs a C function under lua_pcall; returns the status, message left on the stack */
static int protect(lua_State *L, lua_CFunction f, const char *arg) {
  lua_pushcfunction(L, f);
  if (arg) lua_pushstring(L, arg);
  return lua_pcall(L, arg ? 1 : 0, 1, 0);
}

/* ---- type predicates and conversions ------------------------------------------------ */
static void test_types(lua_State *L) {
  static int anchor;
  void *ud;
  lua_settop(L, 0);
  lua_pushboolean(L, 0);                       /* 1 */
  lua_pushcfunction(L, lua_error);             /* 2 */
  lua_pushlightuserdata(L, &anchor);           /* 3 */
  lua_pushinteger(L, 12);                      /* 4 */
  lua_newtable(L);                             /* 5 */
  lua_pushthread(L);                           /* 6 */
  ud = lua_newuserdata(L, 8);                  /* 7: one user value */
  lua_pushliteral(L, "lit");                   /* 8 */
  CHECK(lua_isboolean(L, 1) && !lua_isboolean(L, 4));
  CHECK(lua_isfunction(L, 2) && !lua_isfunction(L, 5));
  CHECK(lua_islightuserdata(L, 3) && !lua_islightuserdata(L, 7));
  CHECK(lua_isuserdata(L, 3) && lua_isuserdata(L, 7) && !lua_isuserdata(L, 5));
  CHECK(lua_isstring(L, 4) && lua_isstring(L, 8) && !lua_isstring(L, 1));
  CHECK(lua_istable(L, 5) && !lua_istable(L, 7));
  CHECK(lua_isthread(L, 6) && !lua_isthread(L, 5));
  CHECK(lua_touserdata(L, 3) == &anchor && lua_touserdata(L, 7) == ud && lua_touserdata(L, 4) == NULL);
  CHECK(lua_tothread(L, 6) == L && lua_tothread(L, 5) == NULL);
  CHECK(lua_topointer(L, 3) == &anchor && lua_topointer(L, 7) == ud);
  CHECK(lua_topointer(L, 5) != NULL && lua_topointer(L, 4) == NULL);
  CHECK(lua_topointer(L, 2) != NULL);
  CHECKSTR(lua_tostring(L, 8), "lit");
  CHECK(lua_version(L) == LUA_VERSION_NUM);
  CHECK(lua_status(L) == LUA_OK);
  CHECKSTR(luaL_typename(L, 6), "thread");
  /* user values through the compatibility macros */
  lua_pushinteger(L, 77);
  CHECK(lua_setuservalue(L, 7) == 1);
  CHECK(lua_getuservalue(L, 7) == LUA_TNUMBER && lua_tointeger(L, -1) == 77);
  lua_pop(L, 1);
#if defined(LUA_COMPAT_APIINTCASTS)
  lua_pushunsigned(L, 5u);
  CHECK(lua_tounsigned(L, -1) == 5u);
  {
    int isnum;
    CHECK(lua_tounsignedx(L, 8, &isnum) == 0 && !isnum);
  }
  lua_pop(L, 1);
#endif
  /* rawset and rawseti bypass metamethods */
  lua_newtable(L);
  lua_newtable(L);
  lua_pushcfunction(L, lua_error);
  lua_setfield(L, -2, "__newindex");
  lua_setmetatable(L, -2);
  lua_pushstring(L, "k");
  lua_pushinteger(L, 1);
  lua_rawset(L, -3);
  lua_pushinteger(L, 2);
  lua_rawseti(L, -2, 5);
  CHECK(lua_rawgeti(L, -1, 5) == LUA_TNUMBER && lua_tointeger(L, -1) == 2);
  lua_pop(L, 1);
  CHECK(lua_getfield(L, -1, "k") == LUA_TNUMBER);
  lua_settop(L, 0);
  /* extra space: LUA_EXTRASPACE bytes, per thread, copied from the main thread */
  CHECK(lua_getextraspace(L) != NULL && LUA_EXTRASPACE >= (int)sizeof(void *));
  *(void **)lua_getextraspace(L) = &anchor;
  {
    lua_State *T = lua_newthread(L);
    CHECK(*(void **)lua_getextraspace(T) == &anchor);
    CHECK(lua_getextraspace(T) != lua_getextraspace(L));
    lua_pop(L, 1);
  }
  CHECK(luaL_intop(+, (lua_Integer)LUA_MAXINTEGER, 1) == LUA_MININTEGER);
}

/* ---- threads, resume, yield --------------------------------------------------------- */
static int yielder(lua_State *L) { return lua_yield(L, lua_gettop(L)); }
static int kont(lua_State *L, int status, lua_KContext ctx) {
  lua_pushinteger(L, (lua_Integer)ctx);
  return lua_gettop(L);
}
static int yielderk(lua_State *L) { return lua_yieldk(L, 1, 5, kont); }
static int pcallker(lua_State *L) {
  int st = lua_pcallk(L, 0, 1, 0, 9, kont);
  return kont(L, st, 9);
}

static void test_threads(lua_State *L) {
  int nres;
  lua_State *co = lua_newthread(L);
  CHECK(lua_gettop(L) == 1 && lua_isthread(L, 1));
  lua_pushcfunction(co, yielder);
  lua_pushinteger(co, 1);
  lua_pushinteger(co, 2);
  CHECK(lua_resume(co, L, 2, &nres) == LUA_YIELD && nres == 2);
  CHECK(lua_status(co) == LUA_YIELD && lua_tointeger(co, -1) == 2);
  lua_pop(co, nres);
  lua_pushstring(co, "back");
  CHECK(lua_resume(co, L, 1, &nres) == LUA_OK && nres == 1);
  CHECKSTR(lua_tostring(co, -1), "back");
  CHECK(lua_status(co) == LUA_OK);
  lua_settop(co, 0);
  /* yieldk: the continuation gets the context */
  lua_pushcfunction(co, yielderk);
  lua_pushinteger(co, 42);
  CHECK(lua_resume(co, L, 1, &nres) == LUA_YIELD && nres == 1 && lua_tointeger(co, -1) == 42);
  lua_pop(co, 1);
  lua_pushstring(co, "x");
  CHECK(lua_resume(co, L, 1, &nres) == LUA_OK);
  CHECK(lua_tointeger(co, -1) == 5);
  lua_settop(co, 0);
  /* pcallk inside a coroutine, no yield: returns the status directly */
  luaL_loadstring(co, "return 3");
  lua_pushcclosure(co, pcallker, 0);
  lua_insert(co, 1);
  CHECK(lua_resume(co, L, 1, &nres) == LUA_OK);
  CHECK(lua_tointeger(co, -1) == 9);
  lua_settop(co, 0);
  /* an error kills the coroutine; closethread/resetthread makes it usable again */
  luaL_loadstring(co, "error('dead')");
  CHECK(lua_resume(co, L, 0, &nres) == LUA_ERRRUN);
  CHECK(lua_status(co) == LUA_ERRRUN);
#if LUA_VERSION_RELEASE_NUM >= 50406
  CHECK(lua_closethread(co, L) == LUA_ERRRUN);
#else
  CHECK(lua_resetthread(co) == LUA_ERRRUN);
#endif
  CHECK(lua_status(co) == LUA_OK);
  lua_settop(co, 0);
  luaL_loadstring(co, "return 8");
  CHECK(lua_resume(co, L, 0, &nres) == LUA_OK && lua_tointeger(co, -1) == 8);
  CHECK(lua_resetthread(co) == LUA_OK);
  /* xmove */
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_xmove(L, co, 2);
  CHECK(lua_gettop(co) == 2 && lua_tointeger(co, 2) == 2 && lua_gettop(L) == 1);
  CHECK(!lua_isyieldable(L));
  lua_settop(L, 0);
}

/* ---- errors, panic, warnings -------------------------------------------------------- */
static int raise_table(lua_State *L) { lua_newtable(L); lua_pushinteger(L, 3); lua_setfield(L, -2, "code"); return lua_error(L); }
static int argerr(lua_State *L) { return luaL_argerror(L, 2, "custom"); }
static int typeerr(lua_State *L) { return luaL_typeerror(L, 1, "widget"); }
static int argexp(lua_State *L) { luaL_argexpected(L, 0, 1, "gadget"); return 0; }
static int argchk(lua_State *L) { luaL_argcheck(L, lua_gettop(L) == 5, 1, "need five"); return 0; }
static int checkany(lua_State *L) { luaL_checkany(L, 1); return 0; }
static int checktype(lua_State *L) { luaL_checktype(L, 1, LUA_TTABLE); return 0; }
static int checkudata(lua_State *L) { luaL_checkudata(L, 1, "NoSuchType"); return 0; }
static int checkstack(lua_State *L) { luaL_checkstack(L, 100000000, "too many"); return 0; }
static int checkstr(lua_State *L) { size_t l; luaL_checklstring(L, 1, &l); lua_pushinteger(L, (lua_Integer)l); return 1; }
static int where1(lua_State *L) { luaL_where(L, 1); return 1; }

static int panicked = 0;
static int mypanic(lua_State *L) { panicked = 1; return 0; }

static char warnbuf[256];
static void mywarn(void *ud, const char *msg, int tocont) {
  strncat(warnbuf, msg, sizeof warnbuf - strlen(warnbuf) - 1);
  if (!tocont) strncat(warnbuf, "|", sizeof warnbuf - strlen(warnbuf) - 1);
  (void)ud;
}

static void test_errors(lua_State *L) {
  lua_settop(L, 0);
  CHECK(protect(L, raise_table, NULL) == LUA_ERRRUN && lua_istable(L, -1));
  lua_getfield(L, -1, "code");
  CHECK(lua_tointeger(L, -1) == 3);
  lua_settop(L, 0);
  lua_register(L, "argerr", argerr);
  lua_register(L, "typeerr", typeerr);
  lua_register(L, "argexp", argexp);
  lua_register(L, "argchk", argchk);
  lua_register(L, "checkany", checkany);
  lua_register(L, "checktype", checktype);
  lua_register(L, "checkudata", checkudata);
  lua_register(L, "checkstack", checkstack);
  lua_register(L, "checkstr", checkstr);
  lua_register(L, "where1", where1);
#define RUNERR(code, msg) do { CHECK(luaL_dostring(L, code) != LUA_OK); CHECKSTR(lua_tostring(L, -1), msg); lua_settop(L, 0); } while (0)
  RUNERR("argerr()", "[string \"argerr()\"]:1: bad argument #2 to 'argerr' (custom)");
  RUNERR("typeerr(1)", "[string \"typeerr(1)\"]:1: bad argument #1 to 'typeerr' (widget expected, got number)");
  RUNERR("argexp(nil)", "[string \"argexp(nil)\"]:1: bad argument #1 to 'argexp' (gadget expected, got nil)");
  RUNERR("argchk(1)", "[string \"argchk(1)\"]:1: bad argument #1 to 'argchk' (need five)");
  RUNERR("checkany()", "[string \"checkany()\"]:1: bad argument #1 to 'checkany' (value expected)");
  RUNERR("checktype(io.stdout)", "[string \"checktype(io.stdout)\"]:1: bad argument #1 to 'checktype' (table expected, got FILE*)");
  RUNERR("checkudata({})", "[string \"checkudata({})\"]:1: bad argument #1 to 'checkudata' (NoSuchType expected, got table)");
  RUNERR("checkstack()", "[string \"checkstack()\"]:1: stack overflow (too many)");
  RUNERR("checkstr({})", "[string \"checkstr({})\"]:1: bad argument #1 to 'checkstr' (string expected, got table)");
  CHECK(luaL_dostring(L, "return checkstr(12.5)") == LUA_OK && lua_tointeger(L, -1) == 4);
  lua_settop(L, 0);
  CHECK(luaL_dostring(L, "return where1()") == LUA_OK);
  CHECKSTR(lua_tostring(L, -1), "[string \"return where1()\"]:1: ");
  lua_settop(L, 0);
  /* luaL_error inside a C function called from C: where(1) is empty */
  CHECK(protect(L, where1, NULL) == LUA_OK);
  CHECKSTR(lua_tostring(L, -1), "");
  lua_settop(L, 0);
  /* warnings: "@on"/"@off" control messages are handled by the default function only */
  warnbuf[0] = '\0';
  lua_setwarnf(L, mywarn, NULL);
  lua_warning(L, "a", 1);
  lua_warning(L, "b", 0);
  lua_warning(L, "c", 0);
  CHECKSTR(warnbuf, "ab|c|");
  CHECK(luaL_dostring(L, "warn('x', 'y')") == LUA_OK);
  CHECKSTR(warnbuf, "ab|c|xy|");
  lua_setwarnf(L, NULL, NULL);
  lua_warning(L, "ignored", 0);
  /* atpanic: an unprotected error in a state without handlers calls the panic function */
  {
    lua_State *P = luaL_newstate();
    lua_CFunction old = lua_atpanic(P, mypanic);
    CHECK(old != NULL);
    CHECK(lua_atpanic(P, old) == mypanic);
    lua_close(P);
  }
  (void)panicked;
}

/* ---- debug interface and hooks ---------------------------------------------------- */
static int hookcalls = 0, hooklines = 0;
static void hookf(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCALL) hookcalls++;
  else if (ar->event == LUA_HOOKLINE) hooklines++;
}

static int inspect(lua_State *L) {
  lua_Debug ar;
  const char *name;
  CHECK(lua_getstack(L, 1, &ar) == 1);
  CHECK(lua_getinfo(L, "nSlu", &ar) != 0);
  CHECKSTR(ar.what, "Lua");
  CHECK(ar.currentline == 3 && ar.linedefined == 1 && ar.lastlinedefined == 4);
  CHECK(ar.nparams == 2 && !ar.isvararg && ar.nups >= 0);
  CHECKSTR(ar.short_src, "[string \"dbg\"]");
  CHECKSTR(ar.name, "target");
  name = lua_getlocal(L, &ar, 1);
  CHECKSTR(name, "a");
  CHECK(lua_tointeger(L, -1) == 10);
  lua_pop(L, 1);
  name = lua_getlocal(L, &ar, 3);
  CHECKSTR(name, "loc");
  lua_pop(L, 1);
  lua_pushinteger(L, 99);
  CHECKSTR(lua_setlocal(L, &ar, 3), "loc");
  CHECK(lua_getlocal(L, &ar, 50) == NULL);
  CHECK(lua_getstack(L, 100, &ar) == 0);
  /* this C function itself */
  CHECK(lua_getstack(L, 0, &ar) == 1 && lua_getinfo(L, "S", &ar) && strcmp(ar.what, "C") == 0);
  return 0;
}

static void test_debug(lua_State *L) {
  lua_Debug ar;
  lua_settop(L, 0);
  lua_register(L, "inspect", inspect);
  {
    const char *code = "function target(a, b)\n  local loc = a + b\n  inspect()\n  return loc end\nlocal r = target(10, 20) return r";
    CHECK(luaL_loadbuffer(L, code, strlen(code), "dbg") == LUA_OK);
    CHECK(lua_pcall(L, 0, 1, 0) == LUA_OK);
    CHECK(lua_tointeger(L, -1) == 99);
  }
  lua_settop(L, 0);
  /* getinfo with '>' on a function value; 'L' pushes the active lines */
  lua_getglobal(L, "target");
  CHECK(lua_getinfo(L, ">SL", &ar) != 0);
  CHECK(ar.linedefined == 1 && lua_istable(L, -1));
  CHECK(lua_rawgeti(L, -1, 3) == LUA_TBOOLEAN);
  lua_settop(L, 0);
  /* parameter names of a function value: getlocal with ar == NULL */
  lua_getglobal(L, "target");
  CHECKSTR(lua_getlocal(L, NULL, 2), "b");
  lua_settop(L, 0);
  /* hooks */
  CHECK(lua_gethook(L) == NULL && lua_gethookmask(L) == 0);
  lua_sethook(L, hookf, LUA_MASKCALL | LUA_MASKLINE, 0);
  CHECK(lua_gethook(L) == hookf && lua_gethookmask(L) == (LUA_MASKCALL | LUA_MASKLINE));
  CHECK(luaL_dostring(L, "local x = 1\nlocal function f() return 2 end\nf()\nf()") == LUA_OK);
  lua_sethook(L, NULL, 0, 0);
  CHECK(hookcalls >= 3 && hooklines >= 4);
  lua_sethook(L, hookf, LUA_MASKCOUNT, 7);
  CHECK(lua_gethookcount(L) == 7);
  lua_sethook(L, NULL, 0, 0);
  CHECK(lua_gethook(L) == NULL);
  lua_settop(L, 0);
  /* upvaluejoin: f2's first upvalue becomes f1's */
  CHECK(luaL_dostring(L, "local a, b = 1, 2; return function() return a end, function() return b end") == LUA_OK);
  lua_upvaluejoin(L, 2, 1, 1, 1);
  CHECK(lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 2, 1));
  lua_call(L, 0, 1);  /* calls the second closure, which now sees 'a' */
  CHECK(lua_tointeger(L, -1) == 1);
  lua_settop(L, 0);
}

/* ---- load/dump, files, buffers, libraries ----------------------------------------- */
typedef struct Blob { char data[4096]; size_t len; } Blob;
static int writer(lua_State *L, const void *p, size_t sz, void *ud) {
  Blob *b = (Blob *)ud;
  if (b->len + sz > sizeof b->data) return 1;
  memcpy(b->data + b->len, p, sz);
  b->len += sz;
  return 0;
}
static const char *reader(lua_State *L, void *ud, size_t *size) {
  Blob *b = (Blob *)ud;
  if (b->len == 0) return NULL;
  *size = b->len;
  b->len = 0;
  return b->data;
}
typedef struct Pieces { const char *const *p; } Pieces;
static const char *piecereader(lua_State *L, void *ud, size_t *size) {
  Pieces *pc = (Pieces *)ud;
  const char *s = *pc->p;
  if (s == NULL) return NULL;
  pc->p++;
  *size = strlen(s);
  return s;
}

static int twice(lua_State *L) { lua_pushinteger(L, 2 * luaL_checkinteger(L, 1)); return 1; }
static int nargs(lua_State *L) { lua_pushinteger(L, lua_gettop(L)); return 1; }
static int upv(lua_State *L) { lua_pushvalue(L, lua_upvalueindex(1)); return 1; }
static const luaL_Reg mylib[] = {{"twice", twice}, {"placeholder", NULL}, {NULL, NULL}};
static int openmylib(lua_State *L) { luaL_newlib(L, mylib); return 1; }

static int opts(lua_State *L) {  /* reads every argument before pushing anything */
  size_t l = 0;
  lua_Integer i1 = luaL_optinteger(L, 1, -1), i5 = luaL_opt(L, luaL_checkinteger, 5, 55), sum;
  lua_Number n2 = luaL_optnumber(L, 2, 0.5), n6 = luaL_checknumber(L, 6);
  const char *s3 = luaL_optstring(L, 3, "dflt"), *s7 = luaL_checkstring(L, 7);
#if defined(LUA_COMPAT_APIINTCASTS)
  sum = luaL_checkint(L, 8) + luaL_optint(L, 9, 1) + luaL_checklong(L, 8) + luaL_optlong(L, 9, 1)
        + (lua_Integer)luaL_checkunsigned(L, 8) + (lua_Integer)luaL_optunsigned(L, 9, 1);
#else
  sum = 3 * luaL_checkinteger(L, 8) + 3;
#endif
  luaL_optlstring(L, 4, "four", &l);
  lua_pushinteger(L, i1);
  lua_pushnumber(L, n2);
  lua_pushstring(L, s3);
  lua_pushinteger(L, (lua_Integer)l);
  lua_pushinteger(L, i5);
  lua_pushnumber(L, n6);
  lua_pushstring(L, s7);
  lua_pushinteger(L, sum);
  return 8;
}

static int fileres(lua_State *L) { return luaL_fileresult(L, 0, "somefile"); }
static int execres(lua_State *L) { return luaL_execresult(L, (int)luaL_checkinteger(L, 1)); }
static int pushfail(lua_State *L) { luaL_pushfail(L); return 1; }

static const char *vfs(lua_State *L, const char *fmt, ...) {
  va_list ap;
  const char *s;
  va_start(ap, fmt);
  s = lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  return s;
}

static void test_load_aux(lua_State *L) {
  Blob b;
  int i;
  lua_settop(L, 0);
  /* dump and reload, stripped and not */
  CHECK(luaL_loadstring(L, "local x = ... return x * 3") == LUA_OK);
  b.len = 0;
  CHECK(lua_dump(L, writer, &b, 0) == 0 && b.len > 0);
  CHECK(memcmp(b.data, LUA_SIGNATURE, 4) == 0);
  lua_settop(L, 0);
  CHECK(lua_load(L, reader, &b, "=dumped", "b") == LUA_OK);
  lua_pushinteger(L, 4);
  lua_call(L, 1, 1);
  CHECK(lua_tointeger(L, -1) == 12);
  lua_settop(L, 0);
  CHECK(luaL_loadstring(L, "return 1") == LUA_OK);
  b.len = 0;
  CHECK(lua_dump(L, writer, &b, 1) == 0);
  lua_settop(L, 0);
  CHECK(lua_load(L, reader, &b, "=stripped", "t") == LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "attempt to load a binary chunk (mode is 't')");
  lua_settop(L, 0);
  /* a reader delivering many small pieces */
  {
    static const char *const parts[] = {"ret", "urn ", "'pie", "ces'", NULL};
    Pieces pc = {parts};
    CHECK(lua_load(L, piecereader, &pc, "=pieces", NULL) == LUA_OK);
    lua_call(L, 0, 1);
    CHECKSTR(lua_tostring(L, -1), "pieces");
    lua_settop(L, 0);
  }
  /* files */
  {
    char name[] = "/tmp/capi_moreXXXXXX";
    FILE *f;
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    f = fdopen(fd, "w");
    fputs("#!/ignored shebang\nreturn 40 + 2\n", f);
    fclose(f);
    CHECK(luaL_loadfile(L, name) == LUA_OK);
    lua_call(L, 0, 1);
    CHECK(lua_tointeger(L, -1) == 42);
    lua_settop(L, 0);
    CHECK(luaL_dofile(L, name) == LUA_OK && lua_tointeger(L, -1) == 42);
    lua_settop(L, 0);
    remove(name);
  }
  CHECK(luaL_loadbuffer(L, "syntax error here", 17, "=buf") == LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "buf:1: syntax error near 'error'");
  lua_settop(L, 0);
  /* libraries */
  luaL_requiref(L, "mylib", openmylib, 1);
  CHECK(lua_istable(L, -1));
  lua_settop(L, 0);
  CHECK(luaL_dostring(L, "return mylib.twice(21), package.loaded.mylib == mylib, mylib.placeholder") == LUA_OK);
  CHECK(lua_tointeger(L, 1) == 42 && lua_toboolean(L, 2) && lua_type(L, 3) == LUA_TBOOLEAN && !lua_toboolean(L, 3));
  lua_settop(L, 0);
  luaL_newlibtable(L, mylib);
  lua_pushstring(L, "shared");
  {
    static const luaL_Reg one[] = {{"u", upv}, {NULL, NULL}};
    luaL_setfuncs(L, one, 1);
  }
  CHECK(lua_gettop(L) == 1);
  lua_getfield(L, 1, "u");
  lua_call(L, 0, 1);
  CHECKSTR(lua_tostring(L, -1), "shared");
  lua_settop(L, 0);
  /* metatables by name; callmeta */
  luaL_newmetatable(L, "T.meta");
  lua_pushcfunction(L, nargs);
  lua_setfield(L, -2, "__call");
  lua_settop(L, 0);
  CHECK(luaL_getmetatable(L, "T.meta") == LUA_TTABLE);
  lua_settop(L, 0);
  lua_newtable(L);
  luaL_setmetatable(L, "T.meta");
  CHECK(luaL_callmeta(L, 1, "__call") == 1 && lua_tointeger(L, -1) == 1 && lua_gettop(L) == 2);
  lua_settop(L, 1);
  CHECK(luaL_callmeta(L, 1, "__nothing") == 0 && lua_gettop(L) == 1);
  lua_settop(L, 0);
  /* optional arguments */
  lua_pushcfunction(L, opts);
  lua_pushnil(L); lua_pushnil(L); lua_pushnil(L); lua_pushnil(L); lua_pushnil(L);
  lua_pushinteger(L, 6); lua_pushinteger(L, 7); lua_pushinteger(L, 8);
  CHECK(lua_pcall(L, 8, 8, 0) == LUA_OK);
  CHECK(lua_tointeger(L, 1) == -1 && lua_tonumber(L, 2) == 0.5);
  CHECKSTR(lua_tostring(L, 3), "dflt");
  CHECK(lua_tointeger(L, 4) == 4 && lua_tointeger(L, 5) == 55 && lua_tonumber(L, 6) == 6.0);
  CHECKSTR(lua_tostring(L, 7), "7");
  CHECK(lua_tointeger(L, 8) == 27);
  lua_settop(L, 0);
  /* results helpers */
  CHECK(protect(L, pushfail, NULL) == LUA_OK && lua_isnil(L, -1));
  lua_settop(L, 0);
  lua_pushcfunction(L, fileres);
  errno = ENOENT;
  lua_call(L, 0, 3);
  CHECK(lua_isnil(L, 1) && lua_tointeger(L, 3) == 2);
  CHECK(strncmp(lua_tostring(L, 2), "somefile: ", 10) == 0);
  lua_settop(L, 0);
  lua_pushcfunction(L, execres);
  lua_pushinteger(L, 0);
  lua_call(L, 1, 3);
  CHECK(lua_toboolean(L, 1) && strcmp(lua_tostring(L, 2), "exit") == 0 && lua_tointeger(L, 3) == 0);
  lua_settop(L, 0);
  /* buffers: addlstring, prepbuffer/addsize, buffaddr/bufflen/buffsub, addgsub */
  {
    luaL_Buffer bf;
    char *p;
    luaL_buffinit(L, &bf);
    luaL_addlstring(&bf, "abc\0def", 7);
    p = luaL_prepbuffer(&bf);
    memcpy(p, "XYZ", 3);
    luaL_addsize(&bf, 3);
    p = luaL_prepbuffsize(&bf, 5000);
    for (i = 0; i < 5000; i++) p[i] = 'q';
    luaL_addsize(&bf, 5000);
    CHECK(luaL_bufflen(&bf) == 5010);
    CHECK(memcmp(luaL_buffaddr(&bf), "abc\0defXYZq", 11) == 0);
    luaL_buffsub(&bf, 4999);
    luaL_addgsub(&bf, "a-b-c", "-", "+");
    luaL_pushresult(&bf);
    CHECK(lua_rawlen(L, -1) == 7 + 3 + 1 + 5);
    CHECK(memcmp(lua_tostring(L, -1) + 10, "qa+b+c", 6) == 0);
    lua_settop(L, 0);
  }
  CHECKSTR(vfs(L, "%d-%s-%p", 5, "s", (void *)NULL), "5-s-(nil)");
  CHECKSTR(vfs(L, "%U|%%", 0x20AC), "\xE2\x82\xAC|%");
  lua_settop(L, 0);
  /* traceback of another thread */
  {
    lua_State *co = lua_newthread(L);
    luaL_traceback(L, co, "msg", 0);
    CHECKSTR(lua_tostring(L, -1), "msg\nstack traceback:");
    lua_settop(L, 0);
  }
  luaL_checkversion_(L, LUA_VERSION_NUM, LUAL_NUMSIZES);
  CHECK(lua_setcstacklimit(L, 200) == 200);  /* a no-op in 5.4.6: returns LUAI_MAXCCALLS */
  lua_writestring("", 0);
  lua_writeline();
  lua_writestringerror("%s", "");
}

/* ---- closeslot and newstate with a custom allocator ------------------------------- */
static int allocs = 0;
static void *countalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud; (void)osize;
  if (nsize == 0) { free(ptr); return NULL; }
  allocs++;
  return realloc(ptr, nsize);
}

static void test_close_state(lua_State *L) {
  lua_State *S;
  void *ud = NULL;
  lua_settop(L, 0);
  CHECK(luaL_dostring(L, "closed = 0; return setmetatable({}, {__close = function() closed = closed + 1 end})") == LUA_OK);
  lua_toclose(L, 1);
  lua_pushinteger(L, 5);
  lua_closeslot(L, 1);
  CHECK(lua_isnil(L, 1) && lua_gettop(L) == 2);
  lua_getglobal(L, "closed");
  CHECK(lua_tointeger(L, -1) == 1);
  lua_settop(L, 0);  /* the slot is already closed: no second call */
  lua_getglobal(L, "closed");
  CHECK(lua_tointeger(L, -1) == 1);
  lua_settop(L, 0);
  S = lua_newstate(countalloc, &ud);
  CHECK(S != NULL && allocs > 0);
  CHECK(lua_getallocf(S, &ud) == countalloc);
  lua_setallocf(S, countalloc, NULL);
  luaL_openlibs(S);
  CHECK(luaL_dostring(S, "return #string.rep('a', 10)") == LUA_OK && lua_tointeger(S, -1) == 10);
  lua_close(S);
}

int main(void) {
  lua_State *L = luaL_newstate();
  if (L == NULL) { fprintf(stderr, "cannot create state\n"); return 1; }
  luaL_openlibs(L);
  test_types(L);
  test_threads(L);
  test_errors(L);
  test_debug(L);
  test_load_aux(L);
  test_close_state(L);
  lua_settop(L, 0);
  lua_close(L);
  if (failures) { fprintf(stderr, "capi_more: %d failure(s)\n", failures); return 1; }
  printf("capi_more: ok\n");
  return 0;
}
