/* tab.h: tables with an array part (keys 1..asize) and a hash part (chained scatter with Brent's variation). */
#ifndef TY_TAB_H
#define TY_TAB_H

#include "obj.h"

/*
** Lookups return a pointer to the value slot, or to a shared absent-key
** object (tag TY_VABSTKEY) when the key is missing; never NULL.  Float keys
** with an integral value are normalized to integers (t[1.0] is t[1]).
** Setting: tyH_set/tyH_setint insert (NaN or nil key raises the Lua error
** "table index is NaN"/"table index is nil"); the caller does the GC barrier
** (tyC_barrierback on the table).
*/

extern const TValue tyH_absentkey;

const TValue *tyH_getint(Table *t, lua_Integer key);
const TValue *tyH_getshortstr(Table *t, TString *key);
const TValue *tyH_getstr(Table *t, TString *key);
const TValue *tyH_get(Table *t, const TValue *key);
/* fast path used by the VM: keys 1..alimit (tyH_getint does the rest of the array) */
#define tyH_fastgeti(t, k, res) \
  { Table *t_ = (t); lua_Unsigned u_ = l_castS2U(k) - 1u; \
    if (u_ < t_->alimit) res = &t_->array[u_]; else res = tyH_getint(t_, (k)); }

void tyH_setint(lua_State *L, Table *t, lua_Integer key, TValue *value);
void tyH_set(lua_State *L, Table *t, const TValue *key, TValue *value);
/* sets value at slot (as returned by a get) or inserts the key when slot is absent */
void tyH_finishset(lua_State *L, Table *t, const TValue *key, const TValue *slot, TValue *value);
TValue *tyH_newkey(lua_State *L, Table *t, const TValue *key);  /* key must be absent */

Table *tyH_new(lua_State *L);
void tyH_resize(lua_State *L, Table *t, unsigned int nasize, unsigned int nhsize);
void tyH_resizearray(lua_State *L, Table *t, unsigned int nasize);
void tyH_free(lua_State *L, Table *t);
/* next(): key at *key is replaced by the next key, value pushed at key+1; returns 0 at end.
** raises "invalid key to 'next'" for a key not in the table */
int tyH_next(lua_State *L, Table *t, StkId key);
lua_Unsigned tyH_getn(Table *t);   /* a border, as the # operator */
size_t tyH_size(Table *t);         /* memory used, for the collector */
#define allocsizenode(t) ((t)->node == tyH_dummynode() ? 0 : sizenode(t))
Node *tyH_dummynode(void);
/* image loader: re-inserts the hash part in place (same size) after keys hashed
** by address moved; scratch holds sizenode(t) nodes */
void tyH_rehashinplace(Table *t, Node *scratch);

#endif
