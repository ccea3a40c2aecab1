/*
** luaconf.h: the build configuration behind tycho's lua.h.
**
** It fixes the choices Debian's lua5.4 was built with (x86-64 Linux, 64-bit
** integers, double floats, the same search paths and limits), because C
** modules compiled against Debian's headers must find the same types,
** sizes and constants here.  Unlike PUC's file there is nothing to tune.
*/
#ifndef luaconf_h
#define luaconf_h

#include <limits.h>
#include <stddef.h>
#include <stdint.h>


/* ===== platform ===== */

#define LUA_USE_LINUX
#define LUA_USE_POSIX
#define LUA_USE_DLOPEN		/* package.loadlib through dlopen */

#define LUAI_IS32INT	((UINT_MAX >> 30) >= 3)	/* int has 32 bits or more (required) */


/* ===== numbers: 64-bit integers, double floats ===== */

/* the selectors of PUC's luaconf.h, for code that tests them */
#define LUA_INT_INT		1
#define LUA_INT_LONG		2
#define LUA_INT_LONGLONG	3
#define LUA_FLOAT_FLOAT		1
#define LUA_FLOAT_DOUBLE	2
#define LUA_FLOAT_LONGDOUBLE	3

#define LUA_INT_TYPE	LUA_INT_LONGLONG
#define LUA_FLOAT_TYPE	LUA_FLOAT_DOUBLE

/* floats */
#define LUA_NUMBER	double
#define LUAI_UACNUMBER	double			/* what a float is promoted to in varargs */
#define LUA_NUMBER_FRMLEN	""
#define LUA_NUMBER_FMT		"%.14g"		/* tostring(1/3) */
#define l_floatatt(n)		(DBL_##n)	/* DBL_MANT_DIG and friends */
#define l_mathop(op)		op		/* the double versions of math.h */
#define l_floor(x)		(l_mathop(floor)(x))
#define lua_str2number(s,p)	strtod((s), (p))
#define lua_number2str(s,sz,n)  \
	l_sprintf((s), sz, LUA_NUMBER_FMT, (LUAI_UACNUMBER)(n))

/* integers */
#define LUA_INTEGER		long long
#define LUAI_UACINT		LUA_INTEGER		/* promoted type in varargs */
#define LUA_UNSIGNED		unsigned LUAI_UACINT
#define LUA_MININTEGER		LLONG_MIN
#define LUA_MAXINTEGER		LLONG_MAX
#define LUA_MAXUNSIGNED		ULLONG_MAX
#define LUA_INTEGER_FRMLEN	"ll"
#define LUA_INTEGER_FMT		"%" LUA_INTEGER_FRMLEN "d"
#define lua_integer2str(s,sz,n)  \
	l_sprintf((s), sz, LUA_INTEGER_FMT, (LUAI_UACINT)(n))

/*
** Float to integer when the float lies in the integer range: stores the
** conversion in *p and yields 1, else yields 0 (p untouched).  The bounds
** are exact powers of two, so both comparisons are exact.
*/
#define lua_numbertointeger(n,p) \
	((n) >= (LUA_NUMBER)(LUA_MININTEGER) && \
	 (n) < -(LUA_NUMBER)(LUA_MININTEGER) && \
	 (*(p) = (LUA_INTEGER)(n), 1))

/* the C library calls behind number formatting and parsing */
#define l_sprintf(s,sz,f,i)	snprintf(s,sz,f,i)
#define lua_strx2number(s,p)	lua_str2number(s,p)	/* strtod reads hex floats */
#define lua_number2strx(L,b,sz,f,n)  \
	((void)L, l_sprintf(b,sz,f,(LUAI_UACNUMBER)(n)))	/* "%a" */
#define lua_pointer2str(buff,sz,p)	l_sprintf(buff,sz,"%p",p)
#if !defined(lua_getlocaledecpoint)
#define lua_getlocaledecpoint()		(localeconv()->decimal_point[0])
#endif

/* the continuation context: an integer wide enough for a pointer */
#define LUA_KCONTEXT	intptr_t


/* ===== module search paths (as Debian's lua5.4) ===== */

#define LUA_PATH_SEP		";"	/* between templates */
#define LUA_PATH_MARK		"?"	/* replaced by the module name */
#define LUA_EXEC_DIR		"!"	/* replaced by the executable's directory */
#if !defined(LUA_DIRSEP)
#define LUA_DIRSEP	"/"
#endif

#define LUA_VDIR	"5.4"
#define LUA_ROOT	"/usr/local/"
#define LUA_ROOT2	"/usr/"
#define LUA_LDIR	LUA_ROOT "share/lua/" LUA_VDIR "/"
#define LUA_LDIR2	LUA_ROOT2 "share/lua/" LUA_VDIR "/"
#define LUA_CDIR	LUA_ROOT "lib/lua/" LUA_VDIR "/"
#define LUA_CDIR2	LUA_ROOT2 "lib/x86_64-linux-gnu/lua/" LUA_VDIR "/"
#define LUA_CDIR3	LUA_ROOT2 "lib/lua/" LUA_VDIR "/"

#if !defined(LUA_PATH_DEFAULT)
#define LUA_PATH_DEFAULT \
	LUA_LDIR "?.lua;" LUA_LDIR "?/init.lua;" \
	LUA_CDIR "?.lua;" LUA_CDIR "?/init.lua;" \
	LUA_LDIR2 "?.lua;" LUA_LDIR2 "?/init.lua;" \
	"./?.lua;" "./?/init.lua"
#endif

#if !defined(LUA_CPATH_DEFAULT)
#define LUA_CPATH_DEFAULT \
	LUA_CDIR "?.so;" LUA_CDIR2 "?.so;" LUA_CDIR3 "?.so;" \
	LUA_CDIR "loadall.so;" "./?.so"
#endif


/* ===== linkage ===== */

/* the API is exported even from a library built with -fvisibility=hidden */
#if defined(__GNUC__)
#define LUAI_VISIBLE	__attribute__((visibility("default")))
#else
#define LUAI_VISIBLE
#endif

#if defined(__cplusplus)
#define LUA_API		extern "C" LUAI_VISIBLE
#else
#define LUA_API		extern LUAI_VISIBLE
#endif
#define LUALIB_API	LUA_API		/* the auxiliary library */
#define LUAMOD_API	LUA_API		/* luaopen_* of the standard libraries */

/* for internal names shared between files of a PUC-style core */
#if defined(__GNUC__) && ((__GNUC__*100 + __GNUC_MINOR__) >= 302) && defined(__ELF__)
#define LUAI_FUNC	__attribute__((visibility("hidden"))) extern
#else
#define LUAI_FUNC	extern
#endif
#define LUAI_DDEC(dec)	LUAI_FUNC dec
#define LUAI_DDEF	/* nothing */


/* ===== compatibility with 5.3 (Debian builds with LUA_COMPAT_5_3) ===== */

#if defined(LUA_COMPAT_5_3)
#define LUA_COMPAT_MATHLIB		/* math.pow, math.ldexp, ... */
#define LUA_COMPAT_APIINTCASTS		/* lua_pushunsigned and the like */
#define LUA_COMPAT_LT_LE		/* __le emulated with __lt */
#define lua_strlen(L,i)		lua_rawlen(L, (i))
#define lua_objlen(L,i)		lua_rawlen(L, (i))
#define lua_equal(L,idx1,idx2)		lua_compare(L,(idx1),(idx2),LUA_OPEQ)
#define lua_lessthan(L,idx1,idx2)	lua_compare(L,(idx1),(idx2),LUA_OPLT)
#endif


/* ===== branch hints (l_likely only inside a core or library build) ===== */

#ifndef luai_likely
#ifdef __GNUC__
#define luai_likely(x)		(__builtin_expect(((x) != 0), 1))
#define luai_unlikely(x)	(__builtin_expect(((x) != 0), 0))
#else  /* other compilers: no hints */
#define luai_unlikely(x)	(x)
#define luai_likely(x)		(x)
#endif
#endif

#if defined(LUA_CORE) || defined(LUA_LIB)
#define l_likely(x)	luai_likely(x)
#define l_unlikely(x)	luai_unlikely(x)
#endif


/* ===== sizes and limits ===== */

#define LUAI_MAXSTACK		1000000		/* slots in one thread's stack */
#define LUA_EXTRASPACE		(sizeof(void *))	/* host bytes before each thread */
#define LUA_IDSIZE		60		/* lua_Debug.short_src, with its zero */
#define LUAL_BUFFERSIZE		((int)(16 * sizeof(void*) * sizeof(lua_Number)))	/* luaL_Buffer's first block */
#define LUAI_MAXALIGN  lua_Number n; double u; void *s; lua_Integer i; long l	/* strictest alignment */

#endif
