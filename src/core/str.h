/* str.h: string creation and interning (short strings are unique; long strings are hashed lazily). */
#ifndef TY_STR_H
#define TY_STR_H

#include "gc.h"

#define tyS_newliteral(L, s) (tyS_newlstr(L, "" s, (sizeof(s) / sizeof(char)) - 1))
/* a reserved word has extra > 0 (index into the lexer's token list + 1) */
#define isreserved(s) ((s)->tt == TY_VSHRSTR && (s)->extra > 0)
#define tyS_eqshrstr(a, b) ((a) == (b))

unsigned int tyS_hash(const char *str, size_t l, unsigned int seed);
unsigned int tyS_hashlongstr(TString *ts);   /* computes and caches */
int tyS_eqlngstr(TString *a, TString *b);
void tyS_resize(lua_State *L, int newsize);  /* string table */
void tyS_clearcache(global_State *g);
void tyS_init(lua_State *L);                  /* string table, memerrmsg, API cache */
void tyS_remove(lua_State *L, TString *ts);   /* called by the collector when freeing a short string */
TString *tyS_newlstr(lua_State *L, const char *str, size_t l);  /* any length */
TString *tyS_new(lua_State *L, const char *str);                /* cached (API) */
TString *tyS_createlngstrobj(lua_State *L, size_t l);           /* uninitialized contents */
Udata *tyS_newudata(lua_State *L, size_t s, int nuvalue);
int tyS_cmp(const TString *a, const TString *b);  /* strcoll-based, 8-bit clean (embedded \0) */

#endif
