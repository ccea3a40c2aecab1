/* tycho.h: tycho's extensions to the Lua 5.4 C API. */
#ifndef TYCHO_H
#define TYCHO_H

#include "lua.h"

#define TYCHO_VERSION "tycho 0.1"

/* Caps the bytes the state may hold (0 = no cap); allocations past it fail
** with the ordinary "not enough memory" error.  Implemented in core/state.c. */
LUA_API void tycho_setmemlimit(lua_State *L, size_t limit);
LUA_API size_t tycho_getmemlimit(lua_State *L);

/* System images (src/image, docs/image-format.md).
** tycho_newstate_image: a state whose heap starts as the image at `path` (a
** shared library linked from an object written by tycho_writeobject).  The
** standard libraries are in it already: do not call luaL_openlibs; call
** tycho_initimage (protected) once `arg` is set.  On failure returns NULL with
** the reason in err ("checksum mismatch", "wrong build id ...", ...). */
LUA_API lua_State *tycho_newstate_imagef(lua_Alloc f, void *ud, const char *path,
                                         char *err, size_t errlen);
LUALIB_API lua_State *tycho_newstate_image(const char *path, char *err, size_t errlen);
/* rebuilds what cannot live in a file (random seed, package paths) and runs
** the tycho.atinit hooks in order; a lua_CFunction (call it with lua_pcall) */
LUALIB_API int tycho_initimage(lua_State *L);
/* writes the whole session of L as an ELF relocatable object; 0 on success */
LUA_API int tycho_writeobject(lua_State *L, const char *path, int incremental,
                              int pinpaths, char *err, size_t errlen);
/* declares the full userdata at idx image-safe: its memory holds no pointers
** (only plain bytes), so an image may copy it as is.  The image writer refuses
** any other userdata (except io file handles), naming it and where it was
** found.  No effect on other values.  Implemented in image/imgcommon.c. */
LUA_API void tycho_setimagesafe(lua_State *L, int idx);
/* validate-only: reads the image file and runs every check -J makes before
** patching (ELF layout, magic, version, build id, size, checksum, areas,
** relocations), without dlopen and without creating a state.  0 if it would
** load; otherwise -1 with the reason in err.  Implemented in image/imgcheck.c. */
LUA_API int tycho_checkimage(const char *path, char *err, size_t errlen);
/* has package `name` of the loaded image a changed source file?  0: no, or
** not an image package; 1: stale, first time asked in this process; 2: stale,
** asked before.  *path gets its source path.  One stat per package and process;
** the file is hashed only when its mtime changed but not its size.
** Implemented in image/imgstale.c (require calls it on a package.loaded hit). */
LUA_API int tycho_imagestale(lua_State *L, const char *name, const char **path);
/* prints the tab-separated info dump of an image file (docs/image-format.md) */
LUA_API int tycho_imageinfo(const char *path, char *err, size_t errlen);
/* the directory holding libtycho for this install (for link commands) */
LUALIB_API const char *tycho_libdir(char *buf, size_t len);

/* the `tycho` library (src/lib/tycholib.c): tycho.memlimit([n]), tycho.version */
LUA_API int luaopen_tycho(lua_State *L);

/* the native tier's policy, as --compile=yes|no|all|min; -1 for another word */
LUA_API int tycho_setcompile(const char *policy);

#endif
