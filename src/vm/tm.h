/* tm.h: metamethod (tag method) events; the order is fixed (arith order matches LUA_OP*). */
#ifndef TY_TM_H
#define TY_TM_H

/* implementation: src/vm/tm.c.  Events up to TM_EQ are cached as "absent" in Table.flags. */
typedef enum {
  TM_INDEX, TM_NEWINDEX, TM_GC, TM_MODE, TM_LEN, TM_EQ,
  TM_ADD, TM_SUB, TM_MUL, TM_MOD, TM_POW, TM_DIV, TM_IDIV,
  TM_BAND, TM_BOR, TM_BXOR, TM_SHL, TM_SHR,
  TM_UNM, TM_BNOT, TM_LT, TM_LE, TM_CONCAT, TM_CALL, TM_CLOSE,
  TM_N
} TMS;

#define maskflags (~(~0u << (TM_EQ + 1)))
#define notm(tm) ttisnil(tm)

#ifndef TY_TM_ONLY_ENUM
struct Proto; struct Table; struct TValue; struct lua_State; struct TString; struct CallInfo; union Value;
/* fast metamethod lookup for events <= TM_EQ, using Table.flags as an absence cache */
#define gfasttm(g, et, e) ((et) == NULL ? NULL : \
  ((et)->flags & (1u << (e))) ? NULL : tyT_gettm(et, e, (g)->tmname[e]))
#define fasttm(l, et, e) gfasttm(G(l), et, e)
#define ttypename(x) tyT_typenames_[(x) + 1]
extern const char *const tyT_typenames_[];  /* "no value", "nil", "boolean", ... */

void tyT_init(struct lua_State *L);  /* creates and fixes the metamethod name strings */
const struct TValue *tyT_gettm(struct Table *events, TMS event, struct TString *ename);
const struct TValue *tyT_gettmbyobj(struct lua_State *L, const struct TValue *o, TMS event);
const char *tyT_objtypename(struct lua_State *L, const struct TValue *o);  /* honours __name */
void tyT_callTM(struct lua_State *L, const struct TValue *f, const struct TValue *p1,
                const struct TValue *p2, const struct TValue *p3);
void tyT_callTMres(struct lua_State *L, const struct TValue *f, const struct TValue *p1,
                   const struct TValue *p2, struct TValue *res);   /* res: stack slot */
/* arithmetic/bitwise/concat fallback: calls the metamethod or raises the proper error */
void tyT_trybinTM(struct lua_State *L, const struct TValue *p1, const struct TValue *p2,
                  struct TValue *res, TMS event);
void tyT_trybinassocTM(struct lua_State *L, const struct TValue *p1, const struct TValue *p2,
                       int flip, struct TValue *res, TMS event);
void tyT_trybiniTM(struct lua_State *L, const struct TValue *p1, lua_Integer i2,
                   int flip, struct TValue *res, TMS event);
int tyT_callorderTM(struct lua_State *L, const struct TValue *p1, const struct TValue *p2, TMS event);
int tyT_callorderiTM(struct lua_State *L, const struct TValue *p1, int v2, int flip, int isfloat, TMS event);
void tyT_adjustvarargs(struct lua_State *L, int nfixparams, struct CallInfo *ci, const struct Proto *p);
void tyT_getvarargs(struct lua_State *L, struct CallInfo *ci, struct TValue *where, int wanted);
#endif

#endif
