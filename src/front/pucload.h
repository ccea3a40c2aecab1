/* pucload.h: loading PUC Lua 5.4 binary chunks, and the loader primitives dump.c shares with pucload.c. */
#ifndef TY_PUCLOAD_H
#define TY_PUCLOAD_H

#include "zio.h"

/*
** Both formats start with PUC 5.4's header (checked once, in dump.c).  What
** follows tells them apart (dump.c, "Design note"): tycho writes a small PUC
** function (the "stub") and then its own body, introduced by the byte
** TYC_MARK; a PUC chunk has its main function there.  The dispatch reads
** ahead to decide and hands what it read back to the loader (ahead/nahead).
** Chunks of earlier tycho builds had TYC_MARK straight after the upvalue
** count, where a PUC chunk has the first byte of the main function's
** source-size varint, which PUC's writer never starts with a zero group (a
** varint of 0 is the single byte 0x80); they still load.
*/
#define TYC_MARK 0x00

typedef struct LoadState {
  lua_State *L;
  ZIO *Z;
  const char *name;      /* chunk name for messages */
  const lu_byte *ahead;  /* bytes the format dispatch read ahead, returned first */
  size_t nahead;
} LoadState;

/* primitives (dump.c); every failure raises "<name>: bad binary format (<why>)" */
l_noret tyU_error(LoadState *S, const char *why);
void tyU_loadblock(LoadState *S, void *b, size_t size);
lu_byte tyU_loadbyte(LoadState *S);
size_t tyU_loadsize(LoadState *S, size_t limit);  /* varint, at most limit */
int tyU_loadcount(LoadState *S, int limit);       /* varint int, "corrupted chunk" above limit */
TString *tyU_loadstring(LoadState *S);            /* NULL for none */
void tyU_loadfunchead(LoadState *S, Proto *f, TString *psource);  /* fields common to both formats */
void tyU_loadconstants(LoadState *S, Proto *f, const lu_byte *tags, int puc);
void tyU_loadupvalues(LoadState *S, Proto *f);
void *tyU_grow(LoadState *S, void *v, int *size, int need, size_t esize);  /* zero-fills new slots */
void *tyU_shrink(LoadState *S, void *v, int *size, int n, size_t esize);
/* validates a loaded function whose nested functions are already loaded; NULL or the problem */
const char *tyU_checkproto(lua_State *L, const Proto *f);

/* loads the main function of a PUC 5.4 chunk into cl->p (cl anchored, header and
** upvalue count already read; the body starts with the bytes in S->ahead) */
void tyU_pucload(LoadState *S, LClosure *cl);

#endif
