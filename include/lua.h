/*
** lua.h: the core C API of tycho, a Lua 5.4 runtime.
**
** Source- and binary-compatible with PUC Lua 5.4.6: every name, value, type
** and structure layout below is the one C modules built against Debian's
** lua5.4 headers expect (see the manual, section 4, for the contracts).
** The declarations are grouped by what they work on; the one-line notes
** beside them are reminders, not the specification.
*/
#ifndef lua_h
#define lua_h

#include <stdarg.h>
#include <stddef.h>

#include "luaconf.h"


/* ===== version and identification ===== */

#define LUA_VERSION_MAJOR	"5"
#define LUA_VERSION_MINOR	"4"
#define LUA_VERSION_RELEASE	"6"	/* PUC's release digit alone */
#define LUA_VERSION_NUM		504	/* what lua_version() returns */
#define LUA_VERSION_RELEASE_NUM	(LUA_VERSION_NUM * 100 + 6)

#define LUA_VERSION	"Lua " LUA_VERSION_MAJOR "." LUA_VERSION_MINOR	/* "Lua 5.4" */
#define LUA_RELEASE	LUA_VERSION "." LUA_VERSION_RELEASE		/* "Lua 5.4.6" */
#define LUA_AUTHORS	"R. Ierusalimschy, L. H. de Figueiredo, W. Celes"	/* of the language */
#define LUA_COPYRIGHT	LUA_RELEASE "  Copyright (C) 1994-2023 Lua.org, PUC-Rio"

#define LUA_SIGNATURE	"\x1bLua"	/* first bytes of a binary chunk */

extern const char lua_ident[];	/* "$LuaVersion: ... $" strings, for tools */


/* ===== status codes (lua_pcall, lua_resume, lua_load, lua_status) ===== */

#define LUA_OK		0	/* success */
#define LUA_YIELD	1	/* a coroutine is suspended */
#define LUA_ERRRUN	2	/* a runtime error */
#define LUA_ERRSYNTAX	3	/* a syntax error while loading */
#define LUA_ERRMEM	4	/* memory allocation failed */
#define LUA_ERRERR	5	/* the message handler itself failed */


/* ===== value types (lua_type) ===== */

#define LUA_TNONE		(-1)	/* an acceptable index with no value */
#define LUA_TNIL		0
#define LUA_TBOOLEAN		1
#define LUA_TLIGHTUSERDATA	2	/* a bare C pointer */
#define LUA_TNUMBER		3	/* integer or float */
#define LUA_TSTRING		4
#define LUA_TTABLE		5
#define LUA_TFUNCTION		6	/* Lua function, C function or C closure */
#define LUA_TUSERDATA		7	/* full userdata: a block the collector owns */
#define LUA_TTHREAD		8	/* a coroutine (or the main thread) */
#define LUA_NUMTYPES		9	/* how many there are (LUA_TNONE aside) */


/* ===== stack and registry ===== */

#define LUA_MULTRET	(-1)	/* "all results", for nresults */
#define LUA_MINSTACK	20	/* free slots a C function always gets */

/* pseudo-indices: far below any valid stack index (LUAI_MAXSTACK bounds those) */
#define LUA_REGISTRYINDEX	(-LUAI_MAXSTACK - 1000)
#define lua_upvalueindex(i)	(LUA_REGISTRYINDEX - (i))

/* fixed integer keys of the registry */
#define LUA_RIDX_MAINTHREAD	1	/* the main thread */
#define LUA_RIDX_GLOBALS	2	/* the table of globals */
#define LUA_RIDX_LAST		LUA_RIDX_GLOBALS


/* ===== types ===== */

typedef struct lua_State lua_State;	/* a thread, and through it the whole state */

typedef LUA_NUMBER lua_Number;		/* floats */
typedef LUA_INTEGER lua_Integer;	/* integers */
typedef LUA_UNSIGNED lua_Unsigned;	/* the unsigned twin of lua_Integer */
typedef LUA_KCONTEXT lua_KContext;	/* what a continuation gets back */

/* a C function callable from Lua: arguments on its stack, returns how many results */
typedef int (*lua_CFunction) (lua_State *L);
/* a continuation (lua_callk, lua_pcallk, lua_yieldk) */
typedef int (*lua_KFunction) (lua_State *L, int status, lua_KContext ctx);

/* lua_load pulls chunk pieces from a reader; lua_dump pushes them to a writer */
typedef const char * (*lua_Reader) (lua_State *L, void *ud, size_t *sz);
typedef int (*lua_Writer) (lua_State *L, const void *p, size_t sz, void *ud);

/* the allocator: realloc-like, nsize 0 frees, osize is the old size (or a type tag for new blocks) */
typedef void * (*lua_Alloc) (void *ud, void *ptr, size_t osize, size_t nsize);

/* receives warnings; tocont != 0 says the message continues in the next call */
typedef void (*lua_WarnFunction) (void *ud, const char *msg, int tocont);

typedef struct lua_Debug lua_Debug;	/* activation record: defined at the end */

/* a debug hook (lua_sethook) */
typedef void (*lua_Hook) (lua_State *L, lua_Debug *ar);

#if defined(LUA_USER_H)
#include LUA_USER_H
#endif


/* ===== states and threads ===== */

LUA_API lua_State *(lua_newstate) (lua_Alloc f, void *ud);	/* NULL when out of memory */
LUA_API void       (lua_close) (lua_State *L);			/* any thread closes the whole state */
LUA_API lua_State *(lua_newthread) (lua_State *L);		/* also pushed on L */
LUA_API int        (lua_closethread) (lua_State *L, lua_State *from);	/* resets a thread, closing its tbc slots */
LUA_API int        (lua_resetthread) (lua_State *L);	/* the deprecated spelling of the above */

LUA_API lua_CFunction (lua_atpanic) (lua_State *L, lua_CFunction panicf);	/* returns the old one */
LUA_API lua_Number (lua_version) (lua_State *L);	/* LUA_VERSION_NUM of the running core */

LUA_API lua_Alloc (lua_getallocf) (lua_State *L, void **ud);
LUA_API void      (lua_setallocf) (lua_State *L, lua_Alloc f, void *ud);

LUA_API void (lua_setwarnf) (lua_State *L, lua_WarnFunction f, void *ud);
LUA_API void (lua_warning)  (lua_State *L, const char *msg, int tocont);

/* options of lua_gc (8 is unused since 5.4) */
#define LUA_GCSTOP		0	/* stop the collector */
#define LUA_GCRESTART		1	/* restart it */
#define LUA_GCCOLLECT		2	/* a full cycle */
#define LUA_GCCOUNT		3	/* memory in use, in KB */
#define LUA_GCCOUNTB		4	/* the remainder of that, in bytes */
#define LUA_GCSTEP		5	/* one step (argument: KB of extra debt) */
#define LUA_GCSETPAUSE		6	/* set the pause; returns the old one */
#define LUA_GCSETSTEPMUL	7	/* set the step multiplier; returns the old one */
#define LUA_GCISRUNNING		9	/* is it running (not stopped)? */
#define LUA_GCGEN		10	/* generational mode (minor, major multipliers) */
#define LUA_GCINC		11	/* incremental mode (pause, multiplier, step size) */

LUA_API int (lua_gc) (lua_State *L, int what, ...);


/* ===== the stack ===== */

LUA_API int   (lua_absindex) (lua_State *L, int idx);	/* relative index to absolute */
LUA_API int   (lua_gettop) (lua_State *L);		/* how many values the frame holds */
LUA_API void  (lua_settop) (lua_State *L, int idx);	/* grow with nils, or drop values */
LUA_API void  (lua_pushvalue) (lua_State *L, int idx);	/* copy of a value onto the top */
LUA_API void  (lua_rotate) (lua_State *L, int idx, int n);	/* rotate [idx, top] by n */
LUA_API void  (lua_copy) (lua_State *L, int fromidx, int toidx);
LUA_API int   (lua_checkstack) (lua_State *L, int n);	/* room for n more; 0 if impossible */
LUA_API void  (lua_xmove) (lua_State *from, lua_State *to, int n);	/* between threads */

#define lua_pop(L,n)		lua_settop(L, -(n)-1)
#define lua_insert(L,idx)	lua_rotate(L, (idx), 1)
#define lua_remove(L,idx)	(lua_rotate(L, (idx), -1), lua_pop(L, 1))
#define lua_replace(L,idx)	(lua_copy(L, -1, (idx)), lua_pop(L, 1))

/* LUA_EXTRASPACE bytes owned by the host, just before each thread */
#define lua_getextraspace(L)	((void *)((char *)(L) - LUA_EXTRASPACE))


/* ===== reading values (stack -> C) ===== */

LUA_API int             (lua_type) (lua_State *L, int idx);	/* LUA_T*, LUA_TNONE for no value */
LUA_API const char     *(lua_typename) (lua_State *L, int tp);	/* name of a type tag */

LUA_API int             (lua_isnumber) (lua_State *L, int idx);	/* numbers and numeric strings */
LUA_API int             (lua_isstring) (lua_State *L, int idx);	/* strings and numbers */
LUA_API int             (lua_iscfunction) (lua_State *L, int idx);
LUA_API int             (lua_isinteger) (lua_State *L, int idx);	/* integer subtype only */
LUA_API int             (lua_isuserdata) (lua_State *L, int idx);	/* full or light */

/* exact type tests, in type-tag order */
#define lua_isnone(L,n)		(lua_type(L, (n)) == LUA_TNONE)
#define lua_isnil(L,n)		(lua_type(L, (n)) == LUA_TNIL)
#define lua_isnoneornil(L, n)	(lua_type(L, (n)) <= 0)
#define lua_isboolean(L,n)	(lua_type(L, (n)) == LUA_TBOOLEAN)
#define lua_islightuserdata(L,n)	(lua_type(L, (n)) == LUA_TLIGHTUSERDATA)
#define lua_istable(L,n)	(lua_type(L, (n)) == LUA_TTABLE)
#define lua_isfunction(L,n)	(lua_type(L, (n)) == LUA_TFUNCTION)
#define lua_isthread(L,n)	(lua_type(L, (n)) == LUA_TTHREAD)

LUA_API lua_Number      (lua_tonumberx) (lua_State *L, int idx, int *isnum);	/* 0 when not convertible */
LUA_API lua_Integer     (lua_tointegerx) (lua_State *L, int idx, int *isnum);	/* 0 when not exact */
LUA_API int             (lua_toboolean) (lua_State *L, int idx);	/* only false and nil are 0 */
LUA_API const char     *(lua_tolstring) (lua_State *L, int idx, size_t *len);	/* converts numbers in place */
LUA_API lua_Unsigned    (lua_rawlen) (lua_State *L, int idx);	/* strings, userdata, tables (no __len) */
LUA_API lua_CFunction   (lua_tocfunction) (lua_State *L, int idx);
LUA_API void	       *(lua_touserdata) (lua_State *L, int idx);	/* block of a full, pointer of a light one */
LUA_API lua_State      *(lua_tothread) (lua_State *L, int idx);
LUA_API const void     *(lua_topointer) (lua_State *L, int idx);	/* identity, for hashing and debugging */

#define lua_tonumber(L,i)	lua_tonumberx(L,(i),NULL)
#define lua_tointeger(L,i)	lua_tointegerx(L,(i),NULL)
#define lua_tostring(L,i)	lua_tolstring(L, (i), NULL)


/* ===== pushing values (C -> stack) ===== */

LUA_API void        (lua_pushnil) (lua_State *L);
LUA_API void        (lua_pushnumber) (lua_State *L, lua_Number n);
LUA_API void        (lua_pushinteger) (lua_State *L, lua_Integer n);
LUA_API const char *(lua_pushlstring) (lua_State *L, const char *s, size_t len);	/* s may hold zeros */
LUA_API const char *(lua_pushstring) (lua_State *L, const char *s);	/* NULL pushes nil */
LUA_API const char *(lua_pushvfstring) (lua_State *L, const char *fmt,
                                                      va_list argp);
LUA_API const char *(lua_pushfstring) (lua_State *L, const char *fmt, ...);	/* %% %s %f %I %p %d %c %U */
LUA_API void  (lua_pushcclosure) (lua_State *L, lua_CFunction fn, int n);	/* n upvalues from the top */
LUA_API void  (lua_pushboolean) (lua_State *L, int b);
LUA_API void  (lua_pushlightuserdata) (lua_State *L, void *p);
LUA_API int   (lua_pushthread) (lua_State *L);	/* 1 if L is the main thread */

#define lua_pushcfunction(L,f)	lua_pushcclosure(L, (f), 0)
#define lua_pushliteral(L, s)	lua_pushstring(L, "" s)
#define lua_pushglobaltable(L)  \
	((void)lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS))


/* ===== tables, fields, metatables and userdata ===== */

/* with metamethods; each returns the type of the value it pushed */
LUA_API int (lua_getglobal) (lua_State *L, const char *name);
LUA_API int (lua_gettable) (lua_State *L, int idx);	/* key on the top, replaced by the value */
LUA_API int (lua_getfield) (lua_State *L, int idx, const char *k);
LUA_API int (lua_geti) (lua_State *L, int idx, lua_Integer n);

/* with metamethods; the value is on the top (below it the key, for lua_settable) */
LUA_API void  (lua_setglobal) (lua_State *L, const char *name);
LUA_API void  (lua_settable) (lua_State *L, int idx);
LUA_API void  (lua_setfield) (lua_State *L, int idx, const char *k);
LUA_API void  (lua_seti) (lua_State *L, int idx, lua_Integer n);

/* raw: tables only, no metamethods */
LUA_API int (lua_rawget) (lua_State *L, int idx);
LUA_API int (lua_rawgeti) (lua_State *L, int idx, lua_Integer n);
LUA_API int (lua_rawgetp) (lua_State *L, int idx, const void *p);	/* light userdata key */
LUA_API void  (lua_rawset) (lua_State *L, int idx);
LUA_API void  (lua_rawseti) (lua_State *L, int idx, lua_Integer n);
LUA_API void  (lua_rawsetp) (lua_State *L, int idx, const void *p);

LUA_API void  (lua_createtable) (lua_State *L, int narr, int nrec);	/* sizes are hints */
LUA_API int   (lua_next) (lua_State *L, int idx);	/* pops a key, pushes the next pair; 0 at the end */

LUA_API int   (lua_getmetatable) (lua_State *L, int objindex);	/* pushes nothing (0) if none */
LUA_API int   (lua_setmetatable) (lua_State *L, int objindex);	/* table or nil from the top */

LUA_API void *(lua_newuserdatauv) (lua_State *L, size_t sz, int nuvalue);	/* block plus user values */
LUA_API int  (lua_getiuservalue) (lua_State *L, int idx, int n);	/* LUA_TNONE when absent */
LUA_API int   (lua_setiuservalue) (lua_State *L, int idx, int n);	/* 0 when absent */

#define lua_newtable(L)		lua_createtable(L, 0, 0)
#define lua_register(L,n,f) (lua_pushcfunction(L, (f)), lua_setglobal(L, (n)))


/* ===== operators ===== */

/* lua_arith operations, in metamethod order (ORDER TM, ORDER OP in the core) */
#define LUA_OPADD	0	/* + */
#define LUA_OPSUB	1	/* - */
#define LUA_OPMUL	2	/* * */
#define LUA_OPMOD	3	/* % */
#define LUA_OPPOW	4	/* ^ */
#define LUA_OPDIV	5	/* / */
#define LUA_OPIDIV	6	/* // */
#define LUA_OPBAND	7	/* & */
#define LUA_OPBOR	8	/* | */
#define LUA_OPBXOR	9	/* ~ */
#define LUA_OPSHL	10	/* << */
#define LUA_OPSHR	11	/* >> */
#define LUA_OPUNM	12	/* unary - */
#define LUA_OPBNOT	13	/* unary ~ */

/* lua_compare relations */
#define LUA_OPEQ	0	/* == */
#define LUA_OPLT	1	/* < */
#define LUA_OPLE	2	/* <= */

LUA_API void  (lua_arith) (lua_State *L, int op);	/* on the top one or two values */
LUA_API int   (lua_rawequal) (lua_State *L, int idx1, int idx2);
LUA_API int   (lua_compare) (lua_State *L, int idx1, int idx2, int op);	/* may call metamethods */
LUA_API void  (lua_concat) (lua_State *L, int n);	/* the top n values; n == 0 gives "" */
LUA_API void  (lua_len)    (lua_State *L, int idx);	/* pushes #value, with __len */
LUA_API size_t   (lua_stringtonumber) (lua_State *L, const char *s);	/* strlen + 1 on success, else 0 */


/* ===== calls, chunks, coroutines and errors ===== */

LUA_API void  (lua_callk) (lua_State *L, int nargs, int nresults,
                           lua_KContext ctx, lua_KFunction k);
LUA_API int   (lua_pcallk) (lua_State *L, int nargs, int nresults, int errfunc,
                            lua_KContext ctx, lua_KFunction k);

#define lua_call(L,n,r)		lua_callk(L, (n), (r), 0, NULL)
#define lua_pcall(L,n,r,f)	lua_pcallk(L, (n), (r), (f), 0, NULL)

/* mode: "b", "t" or "bt"; the chunk's first upvalue becomes the globals */
LUA_API int   (lua_load) (lua_State *L, lua_Reader reader, void *dt,
                          const char *chunkname, const char *mode);
LUA_API int (lua_dump) (lua_State *L, lua_Writer writer, void *data, int strip);

LUA_API int  (lua_yieldk)     (lua_State *L, int nresults, lua_KContext ctx,
                               lua_KFunction k);
LUA_API int  (lua_resume)     (lua_State *L, lua_State *from, int narg,
                               int *nres);
LUA_API int  (lua_status)     (lua_State *L);	/* LUA_OK, LUA_YIELD or the error that killed it */
LUA_API int (lua_isyieldable) (lua_State *L);

#define lua_yield(L,n)		lua_yieldk(L, (n), 0, NULL)

LUA_API int   (lua_error) (lua_State *L);	/* raises the value on the top; never returns */

/* to-be-closed slots of a C function */
LUA_API void (lua_toclose) (lua_State *L, int idx);	/* its __close runs when the slot goes away */
LUA_API void (lua_closeslot) (lua_State *L, int idx);	/* closes it now and sets it to nil */


/* ===== the debug interface ===== */

/* hook events */
#define LUA_HOOKCALL	0
#define LUA_HOOKRET	1
#define LUA_HOOKLINE	2
#define LUA_HOOKCOUNT	3
#define LUA_HOOKTAILCALL 4	/* a call that replaced its caller */

/* masks for lua_sethook: one bit per event (tail calls come with LUA_MASKCALL) */
#define LUA_MASKCALL	(1 << LUA_HOOKCALL)
#define LUA_MASKRET	(1 << LUA_HOOKRET)
#define LUA_MASKLINE	(1 << LUA_HOOKLINE)
#define LUA_MASKCOUNT	(1 << LUA_HOOKCOUNT)

LUA_API int (lua_getstack) (lua_State *L, int level, lua_Debug *ar);	/* 0 past the last level */
LUA_API int (lua_getinfo) (lua_State *L, const char *what, lua_Debug *ar);	/* what: ">nSltufrL" */
LUA_API const char *(lua_getlocal) (lua_State *L, const lua_Debug *ar, int n);	/* pushes local n, gives its name */
LUA_API const char *(lua_setlocal) (lua_State *L, const lua_Debug *ar, int n);	/* pops into local n */
LUA_API const char *(lua_getupvalue) (lua_State *L, int funcindex, int n);	/* "" names for C functions */
LUA_API const char *(lua_setupvalue) (lua_State *L, int funcindex, int n);
LUA_API void *(lua_upvalueid) (lua_State *L, int fidx, int n);	/* equal ids: a shared upvalue */
LUA_API void  (lua_upvaluejoin) (lua_State *L, int fidx1, int n1,
                                               int fidx2, int n2);

LUA_API void (lua_sethook) (lua_State *L, lua_Hook func, int mask, int count);	/* mask 0 turns hooks off */
LUA_API lua_Hook (lua_gethook) (lua_State *L);
LUA_API int (lua_gethookmask) (lua_State *L);
LUA_API int (lua_gethookcount) (lua_State *L);	/* the count of LUA_MASKCOUNT */

LUA_API int (lua_setcstacklimit) (lua_State *L, unsigned int limit);	/* kept for 5.4.0-2 modules */


/* ===== names kept for older code ===== */

/* 5.3 userdata had exactly one user value */
#define lua_newuserdata(L,s)	lua_newuserdatauv(L,s,1)
#define lua_getuservalue(L,idx)	lua_getiuservalue(L,idx,1)
#define lua_setuservalue(L,idx)	lua_setiuservalue(L,idx,1)

#define LUA_NUMTAGS		LUA_NUMTYPES	/* the 5.3 name */

/* unsigned conversions of 5.2, with LUA_COMPAT_5_3 (luaconf.h) */
#ifdef LUA_COMPAT_APIINTCASTS
#define lua_tounsignedx(L,i,is)	((lua_Unsigned)lua_tointegerx(L,i,is))
#define lua_tounsigned(L,i)	lua_tounsignedx(L,(i),NULL)
#define lua_pushunsigned(L,n)	lua_pushinteger(L, (lua_Integer)(n))
#endif


/*
** The activation record.  lua_getstack fills only the private part;
** lua_getinfo fills the fields its option letters ask for (the letter is
** in each note).  The layout is PUC's, field for field.
*/
struct lua_Debug {
  int event;			/* the hook event, inside a hook */
  const char *name;		/* n: a name for the function, or NULL */
  const char *namewhat;		/* n: how it was named: "global", "local", "method", "field", ... or "" */
  const char *what;		/* S: "Lua", "C", "main" */
  const char *source;		/* S: the chunk's source or its name */
  size_t srclen;		/* S: length of source */
  int currentline;		/* l: line being run, -1 without line information */
  int linedefined;		/* S: first line of the definition */
  int lastlinedefined;		/* S: its last line */
  unsigned char nups;		/* u: upvalue count */
  unsigned char nparams;	/* u: fixed parameter count */
  char isvararg;		/* u: 1 for a vararg function */
  char istailcall;		/* t: reached through a tail call */
  unsigned short ftransfer;	/* r: index of the first transferred value */
  unsigned short ntransfer;	/* r: number of transferred values */
  char short_src[LUA_IDSIZE];	/* S: source, shortened for messages */
  /* private */
  struct CallInfo *i_ci;	/* the frame this record describes */
};

#endif
