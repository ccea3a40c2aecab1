/* luaconf.h: build configuration of tycho's Lua 5.4 C API (ABI-compatible with PUC Lua 5.4.6 on Debian). */
#ifndef luaconf_h
#define luaconf_h

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

/* ---- system ---- */
#define LUA_USE_LINUX
#define LUA_USE_POSIX
#define LUA_USE_DLOPEN

/* C89 mode is not supported; LUAI_IS32INT: int has at least 32 bits */
#define LUAI_IS32INT	((UINT_MAX >> 30) >= 3)

/* ---- numeric types: the 5.4 default (long long / double) ---- */
#define LUA_INT_INT		1
#define LUA_INT_LONG		2
#define LUA_INT_LONGLONG	3
#define LUA_FLOAT_FLOAT		1
#define LUA_FLOAT_DOUBLE	2
#define LUA_FLOAT_LONGDOUBLE	3

#define LUA_INT_TYPE	LUA_INT_LONGLONG
#define LUA_FLOAT_TYPE	LUA_FLOAT_DOUBLE

/* ---- paths (same as Debian's lua5.4) ---- */
#define LUA_PATH_SEP		";"
#define LUA_PATH_MARK		"?"
#define LUA_EXEC_DIR		"!"

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

#if !defined(LUA_DIRSEP)
#define LUA_DIRSEP	"/"
#endif

/* ---- linkage marks ---- */
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

#define LUALIB_API	LUA_API
#define LUAMOD_API	LUA_API

/* internal (non-exported) functions and data */
#if defined(__GNUC__) && ((__GNUC__*100 + __GNUC_MINOR__) >= 302) && defined(__ELF__)
#define LUAI_FUNC	__attribute__((visibility("hidden"))) extern
#else
#define LUAI_FUNC	extern
#endif
#define LUAI_DDEC(dec)	LUAI_FUNC dec
#define LUAI_DDEF	/* empty */

/* ---- compatibility (enabled by defining LUA_COMPAT_5_3, as Debian's build does) ---- */
#if defined(LUA_COMPAT_5_3)
#define LUA_COMPAT_MATHLIB
#define LUA_COMPAT_APIINTCASTS
#define LUA_COMPAT_LT_LE
#define lua_strlen(L,i)		lua_rawlen(L, (i))
#define lua_objlen(L,i)		lua_rawlen(L, (i))
#define lua_equal(L,idx1,idx2)		lua_compare(L,(idx1),(idx2),LUA_OPEQ)
#define lua_lessthan(L,idx1,idx2)	lua_compare(L,(idx1),(idx2),LUA_OPLT)
#endif

/* ---- floating point ---- */
#define l_floatatt(n)		(DBL_##n)
#define LUAI_UACNUMBER	double
#define LUA_NUMBER	double
#define LUA_NUMBER_FRMLEN	""
#define LUA_NUMBER_FMT		"%.14g"
#define l_mathop(op)		op
#define lua_str2number(s,p)	strtod((s), (p))

#define l_floor(x)		(l_mathop(floor)(x))
#define lua_number2str(s,sz,n)  \
	l_sprintf((s), sz, LUA_NUMBER_FMT, (LUAI_UACNUMBER)(n))

/* converts float n to integer *p when it is in range; evaluates to the success flag */
#define lua_numbertointeger(n,p) \
	((n) >= (LUA_NUMBER)(LUA_MININTEGER) && \
	 (n) < -(LUA_NUMBER)(LUA_MININTEGER) && \
	 (*(p) = (LUA_INTEGER)(n), 1))

/* ---- integers ---- */
#define LUA_INTEGER		long long
#define LUA_INTEGER_FRMLEN	"ll"
#define LUA_MAXINTEGER		LLONG_MAX
#define LUA_MININTEGER		LLONG_MIN
#define LUA_MAXUNSIGNED		ULLONG_MAX
#define LUAI_UACINT		LUA_INTEGER
#define LUA_INTEGER_FMT		"%" LUA_INTEGER_FRMLEN "d"
#define LUA_UNSIGNED		unsigned LUAI_UACINT

#define lua_integer2str(s,sz,n)  \
	l_sprintf((s), sz, LUA_INTEGER_FMT, (LUAI_UACINT)(n))

/* ---- C library dependencies ---- */
#define l_sprintf(s,sz,f,i)	snprintf(s,sz,f,i)
#define lua_strx2number(s,p)	lua_str2number(s,p)
#define lua_pointer2str(buff,sz,p)	l_sprintf(buff,sz,"%p",p)
#define lua_number2strx(L,b,sz,f,n)  \
	((void)L, l_sprintf(b,sz,f,(LUAI_UACNUMBER)(n)))

#if !defined(lua_getlocaledecpoint)
#define lua_getlocaledecpoint()		(localeconv()->decimal_point[0])
#endif

#if !defined(luai_likely)
#if defined(__GNUC__)
#define luai_likely(x)		(__builtin_expect(((x) != 0), 1))
#define luai_unlikely(x)	(__builtin_expect(((x) != 0), 0))
#else
#define luai_likely(x)		(x)
#define luai_unlikely(x)	(x)
#endif
#endif

#if defined(LUA_CORE) || defined(LUA_LIB)
#define l_likely(x)	luai_likely(x)
#define l_unlikely(x)	luai_unlikely(x)
#endif

/* ---- language variations ---- */
#define LUA_KCONTEXT	intptr_t

/* ---- limits and sizes ---- */
#define LUAI_MAXSTACK		1000000
#define LUA_EXTRASPACE		(sizeof(void *))
#define LUA_IDSIZE		60
#define LUAL_BUFFERSIZE		((int)(16 * sizeof(void*) * sizeof(lua_Number)))
#define LUAI_MAXALIGN  lua_Number n; double u; void *s; lua_Integer i; long l

#endif
