/* dump.h: binary chunks (string.dump / lua_dump and their loading). */
#ifndef TY_DUMP_H
#define TY_DUMP_H

#include "zio.h"

/* tycho's own binary format: "\x1bLua" signature, then version/format bytes
** and type sizes checked at load ("bad binary format", "truncated chunk"). */
int tyU_dump(lua_State *L, const Proto *f, lua_Writer w, void *data, int strip);
LClosure *tyU_undump(lua_State *L, ZIO *z, const char *name);  /* pushes the closure; raises on error */

#endif
