/* dump.h: binary chunks (string.dump / lua_dump and their loading). */
#ifndef TY_DUMP_H
#define TY_DUMP_H

#include "zio.h"

/* Binary chunks: PUC Lua 5.4's header, then tycho's own body (dump.c).
** Undump checks the header ("bad binary format (...)", "truncated chunk")
** and reads either tycho's body or a PUC 5.4 one (pucload.c). */
int tyU_dump(lua_State *L, const Proto *f, lua_Writer w, void *data, int strip);
LClosure *tyU_undump(lua_State *L, ZIO *z, const char *name);  /* pushes the closure; raises on error */

#endif
