/* parse.c: recursive-descent parser for Lua 5.4: scopes, variables, statements, and the protected entry point. */
#include <string.h>
#include "code.h"
#include "parse.h"
#include "dump.h"
#include "../core/func.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../vm/do.h"

#define MAXUPVAL 255

/* a block: scope of locals and labels */
typedef struct BlockCnt {
  struct BlockCnt *previous;
  int firstlabel;   /* first label of this block (in dyd->label) */
  int firstgoto;    /* first pending goto of this block (in dyd->gt) */
  lu_byte nactvar;  /* active locals outside the block */
  lu_byte upval;    /* some local of the block is an upvalue (or tbc) */
  lu_byte isloop;
  lu_byte insidetbc;
} BlockCnt;

static void statement(LexState *ls);
static void expr(LexState *ls, expdesc *v);

/* ---- errors and token checks ---- */

static l_noret error_expected(LexState *ls, int token) {
  tyX_syntaxerror(ls, tyO_pushfstring(ls->L, "%s expected", tyX_token2str(ls, token)));
}

static l_noret errorlimit(FuncState *fs, int limit, const char *what) {
  lua_State *L = fs->ls->L;
  int line = fs->f->linedefined;
  const char *where = (line == 0) ? "main function" : tyO_pushfstring(L, "function at line %d", line);
  const char *msg = tyO_pushfstring(L, "too many %s (limit is %d) in %s", what, limit, where);
  tyX_syntaxerror(fs->ls, msg);
}

static void checklimit(FuncState *fs, int v, int l, const char *what) {
  if (v > l)
    errorlimit(fs, l, what);
}

static int testnext(LexState *ls, int c) {
  if (ls->t.token == c) {
    tyX_next(ls);
    return 1;
  }
  return 0;
}

static void check(LexState *ls, int c) {
  if (ls->t.token != c)
    error_expected(ls, c);
}

static void checknext(LexState *ls, int c) {
  check(ls, c);
  tyX_next(ls);
}

#define check_condition(ls, c, msg) { if (!(c)) tyX_syntaxerror(ls, msg); }

/* 'what' closing 'who' opened at line 'where' */
static void check_match(LexState *ls, int what, int who, int where) {
  if (l_unlikely(!testnext(ls, what))) {
    if (where == ls->linenumber)
      error_expected(ls, what);
    else
      tyX_syntaxerror(ls, tyO_pushfstring(ls->L, "%s expected (to close %s at line %d)",
                      tyX_token2str(ls, what), tyX_token2str(ls, who), where));
  }
}

static TString *str_checkname(LexState *ls) {
  TString *ts;
  check(ls, TK_NAME);
  ts = ls->t.seminfo.ts;
  tyX_next(ls);
  return ts;
}

static void init_exp(expdesc *e, expkind k, int i) {
  e->f = e->t = NO_JUMP;
  e->k = k;
  e->u.info = i;
}

static void codestring(expdesc *e, TString *s) {
  e->f = e->t = NO_JUMP;
  e->k = VKSTR;
  e->u.strval = s;
}

static void codename(LexState *ls, expdesc *e) {
  codestring(e, str_checkname(ls));
}

static void enterlevel(LexState *ls) {
  lua_State *L = ls->L;
  if (l_unlikely(getCcalls(L) >= TY_MAXCCALLS))
    tyX_syntaxerror(ls, "chunk has too many syntax levels");
  L->nCcalls++;
}

#define leavelevel(ls) ((ls)->L->nCcalls--)

/* ---- variables ---- */

static int registerlocalvar(LexState *ls, FuncState *fs, TString *varname) {
  Proto *f = fs->f;
  int oldsize = f->sizelocvars;
  tyM_growvector(ls->L, f->locvars, fs->ndebugvars, f->sizelocvars, LocVar, SHRT_MAX, "local variables");
  while (oldsize < f->sizelocvars)
    f->locvars[oldsize++].varname = NULL;
  f->locvars[fs->ndebugvars].varname = varname;
  f->locvars[fs->ndebugvars].startpc = fs->pc;
  f->locvars[fs->ndebugvars].endpc = 0;
  tyC_objbarrier(ls->L, f, varname);
  return fs->ndebugvars++;
}

/* creates a (not yet active) local; returns its index in the function */
static int new_localvar(LexState *ls, TString *name) {
  FuncState *fs = ls->fs;
  Dyndata *dyd = ls->dyd;
  Vardesc *var;
  checklimit(fs, dyd->actvar.n + 1 - fs->firstlocal, MAXVARS, "local variables");
  tyM_growvector(ls->L, dyd->actvar.arr, dyd->actvar.n + 1, dyd->actvar.size, Vardesc, USHRT_MAX, "local variables");
  var = &dyd->actvar.arr[dyd->actvar.n++];
  var->kind = VDKREG;
  var->name = name;
  var->ridx = 0;
  var->pidx = -1;
  setnilvalue(&var->k);
  return dyd->actvar.n - 1 - fs->firstlocal;
}

#define new_localvarliteral(ls, v) \
  new_localvar(ls, tyX_newstring(ls, "" v, (sizeof(v) / sizeof(char)) - 1))

static Vardesc *getlocalvardesc(FuncState *fs, int vidx) {
  return &fs->ls->dyd->actvar.arr[fs->firstlocal + vidx];
}

/* register level (number of registers) used by the first nvar locals */
static int reglevel(FuncState *fs, int nvar) {
  while (nvar-- > 0) {
    Vardesc *vd = getlocalvardesc(fs, nvar);
    if (vd->kind != RDKCTC)  /* constants take no register */
      return vd->ridx + 1;
  }
  return 0;
}

int tyY_nvarstack(FuncState *fs) {
  return reglevel(fs, fs->nactvar);
}

static LocVar *localdebuginfo(FuncState *fs, int vidx) {
  Vardesc *vd = getlocalvardesc(fs, vidx);
  if (vd->kind == RDKCTC)
    return NULL;
  return &fs->f->locvars[vd->pidx];
}

static void init_var(FuncState *fs, expdesc *e, int vidx) {
  e->f = e->t = NO_JUMP;
  e->k = VLOCAL;
  e->u.var.vidx = (unsigned short)vidx;
  e->u.var.ridx = getlocalvardesc(fs, vidx)->ridx;
}

static void check_readonly(LexState *ls, expdesc *e) {
  FuncState *fs = ls->fs;
  TString *varname = NULL;
  switch (e->k) {
    case VCONST:
      varname = ls->dyd->actvar.arr[e->u.info].name;
      break;
    case VLOCAL: {
      Vardesc *vd = getlocalvardesc(fs, e->u.var.vidx);
      if (vd->kind != VDKREG)
        varname = vd->name;
      break;
    }
    case VUPVAL: {
      Upvaldesc *up = &fs->f->upvalues[e->u.info];
      if (up->kind != VDKREG)
        varname = up->name;
      break;
    }
    default:
      return;
  }
  if (varname)
    tyK_semerror(ls, tyO_pushfstring(ls->L, "attempt to assign to const variable '%s'", getstr(varname)));
}

/* activates the last nvars declared locals */
static void adjustlocalvars(LexState *ls, int nvars) {
  FuncState *fs = ls->fs;
  int rl = tyY_nvarstack(fs);
  int i;
  for (i = 0; i < nvars; i++) {
    int vidx = fs->nactvar++;
    Vardesc *var = getlocalvardesc(fs, vidx);
    var->ridx = (lu_byte)rl++;
    var->pidx = (short)registerlocalvar(ls, fs, var->name);
  }
}

static void removevars(FuncState *fs, int tolevel) {
  fs->ls->dyd->actvar.n -= (fs->nactvar - tolevel);
  while (fs->nactvar > tolevel) {
    LocVar *var = localdebuginfo(fs, --fs->nactvar);
    if (var)
      var->endpc = fs->pc;
  }
}

static int searchupvalue(FuncState *fs, TString *name) {
  int i;
  Upvaldesc *up = fs->f->upvalues;
  for (i = 0; i < fs->nups; i++)
    if (up[i].name == name)
      return i;
  return -1;
}

static Upvaldesc *allocupvalue(FuncState *fs) {
  Proto *f = fs->f;
  int oldsize = f->sizeupvalues;
  checklimit(fs, fs->nups + 1, MAXUPVAL, "upvalues");
  tyM_growvector(fs->ls->L, f->upvalues, fs->nups, f->sizeupvalues, Upvaldesc, MAXUPVAL, "upvalues");
  while (oldsize < f->sizeupvalues)
    f->upvalues[oldsize++].name = NULL;
  return &f->upvalues[fs->nups++];
}

static int newupvalue(FuncState *fs, TString *name, expdesc *v) {
  Upvaldesc *up = allocupvalue(fs);
  FuncState *prev = fs->prev;
  if (v->k == VLOCAL) {
    up->instack = 1;
    up->idx = v->u.var.ridx;
    up->kind = getlocalvardesc(prev, v->u.var.vidx)->kind;
  } else {
    up->instack = 0;
    up->idx = (lu_byte)v->u.info;
    up->kind = prev->f->upvalues[v->u.info].kind;
  }
  up->name = name;
  tyC_objbarrier(fs->ls->L, fs->f, name);
  return fs->nups - 1;
}

/* looks for an active local named n; returns its expression kind or -1 */
static int searchvar(FuncState *fs, TString *n, expdesc *var) {
  int i;
  for (i = fs->nactvar - 1; i >= 0; i--) {
    Vardesc *vd = getlocalvardesc(fs, i);
    if (n == vd->name) {
      if (vd->kind == RDKCTC)
        init_exp(var, VCONST, fs->firstlocal + i);
      else
        init_var(fs, var, i);
      return (int)var->k;
    }
  }
  return -1;
}

/* marks the block where the local at 'level' was declared as having an upvalue */
static void markupval(FuncState *fs, int level) {
  BlockCnt *bl = fs->bl;
  while (bl->nactvar > level)
    bl = bl->previous;
  bl->upval = 1;
  fs->needclose = 1;
}

static void marktobeclosed(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  bl->upval = 1;
  bl->insidetbc = 1;
  fs->needclose = 1;
}

static void singlevaraux(FuncState *fs, TString *n, expdesc *var, int base) {
  if (fs == NULL)
    init_exp(var, VVOID, 0);  /* global */
  else {
    int v = searchvar(fs, n, var);
    if (v >= 0) {
      if (v == VLOCAL && !base)
        markupval(fs, var->u.var.vidx);  /* used as an upvalue */
    } else {
      int idx = searchupvalue(fs, n);
      if (idx < 0) {
        singlevaraux(fs->prev, n, var, 0);
        if (var->k == VLOCAL || var->k == VUPVAL)
          idx = newupvalue(fs, n, var);
        else
          return;  /* global or compile-time constant */
      }
      init_exp(var, VUPVAL, idx);
    }
  }
}

static void singlevar(LexState *ls, expdesc *var) {
  TString *varname = str_checkname(ls);
  FuncState *fs = ls->fs;
  singlevaraux(fs, varname, var, 1);
  if (var->k == VVOID) {  /* global: _ENV[varname] */
    expdesc key;
    singlevaraux(fs, ls->envn, var, 1);
    tyK_exp2anyregup(fs, var);
    codestring(&key, varname);
    tyK_indexed(fs, var, &key);
  }
}

/* adjusts nexps values (last one e) to nvars */
static void adjust_assign(LexState *ls, int nvars, int nexps, expdesc *e) {
  FuncState *fs = ls->fs;
  int needed = nvars - nexps;
  if (hasmultret(e->k)) {
    int extra = needed + 1;
    if (extra < 0)
      extra = 0;
    tyK_setreturns(fs, e, extra);
  } else {
    if (e->k != VVOID)
      tyK_exp2nextreg(fs, e);
    if (needed > 0)
      tyK_nil(fs, fs->freereg, needed);
  }
  if (needed > 0)
    tyK_reserveregs(fs, needed);
  else
    fs->freereg = (lu_byte)(fs->freereg + needed);  /* drop extra values */
}

/* ---- gotos and labels ---- */

static l_noret jumpscopeerror(LexState *ls, Labeldesc *gt) {
  const char *varname = getstr(getlocalvardesc(ls->fs, gt->nactvar)->name);
  const char *msg = tyO_pushfstring(ls->L, "<goto %s> at line %d jumps into the scope of local '%s'",
                                    getstr(gt->name), gt->line, varname);
  tyK_semerror(ls, msg);
}

/* resolves pending goto g to label; removes it from the list */
static void solvegoto(LexState *ls, int g, Labeldesc *label) {
  int i;
  Labellist *gl = &ls->dyd->gt;
  Labeldesc *gt = &gl->arr[g];
  if (l_unlikely(gt->nactvar < label->nactvar))
    jumpscopeerror(ls, gt);
  tyK_patchlist(ls->fs, gt->pc, label->pc);
  for (i = g; i < gl->n - 1; i++)
    gl->arr[i] = gl->arr[i + 1];
  gl->n--;
}

/* visible label named name in the current function */
static Labeldesc *findlabel(LexState *ls, TString *name) {
  int i;
  Dyndata *dyd = ls->dyd;
  for (i = ls->fs->firstlabel; i < dyd->label.n; i++) {
    Labeldesc *lb = &dyd->label.arr[i];
    if (lb->name == name)
      return lb;
  }
  return NULL;
}

static int newlabelentry(LexState *ls, Labellist *l, TString *name, int line, int pc) {
  int n = l->n;
  tyM_growvector(ls->L, l->arr, n, l->size, Labeldesc, SHRT_MAX, "labels/gotos");
  l->arr[n].name = name;
  l->arr[n].line = line;
  l->arr[n].nactvar = ls->fs->nactvar;
  l->arr[n].close = 0;
  l->arr[n].pc = pc;
  l->n = n + 1;
  return n;
}

static int newgotoentry(LexState *ls, TString *name, int line, int pc) {
  return newlabelentry(ls, &ls->dyd->gt, name, line, pc);
}

/* solves the pending gotos of the current block to label lb; tells whether some needs a close */
static int solvegotos(LexState *ls, Labeldesc *lb) {
  Labellist *gl = &ls->dyd->gt;
  int i = ls->fs->bl->firstgoto;
  int needsclose = 0;
  while (i < gl->n) {
    if (gl->arr[i].name == lb->name) {
      needsclose |= gl->arr[i].close;
      solvegoto(ls, i, lb);
    } else
      i++;
  }
  return needsclose;
}

/* creates a label here; last: the label ends its block (locals are out of scope) */
static int createlabel(LexState *ls, TString *name, int line, int last) {
  FuncState *fs = ls->fs;
  Labellist *ll = &ls->dyd->label;
  int l = newlabelentry(ls, ll, name, line, tyK_getlabel(fs));
  if (last)
    ll->arr[l].nactvar = fs->bl->nactvar;
  if (solvegotos(ls, &ll->arr[l])) {
    tyK_codeABC(fs, OP_CLOSE, tyY_nvarstack(fs), 0, 0);
    return 1;
  }
  return 0;
}

/* pending gotos of a closing block move to the enclosing one */
static void movegotosout(FuncState *fs, BlockCnt *bl) {
  int i;
  Labellist *gl = &fs->ls->dyd->gt;
  for (i = bl->firstgoto; i < gl->n; i++) {
    Labeldesc *gt = &gl->arr[i];
    if (reglevel(fs, gt->nactvar) > reglevel(fs, bl->nactvar))
      gt->close |= bl->upval;  /* leaves the scope of a variable that may need closing */
    gt->nactvar = bl->nactvar;
  }
}

static l_noret undefgoto(LexState *ls, Labeldesc *gt) {
  const char *msg;
  if (gt->name == ls->brkn)
    msg = tyO_pushfstring(ls->L, "break outside a loop at line %d", gt->line);
  else
    msg = tyO_pushfstring(ls->L, "no visible label '%s' for <goto> at line %d", getstr(gt->name), gt->line);
  tyK_semerror(ls, msg);
}

/* ---- blocks and functions ---- */

static void enterblock(FuncState *fs, BlockCnt *bl, lu_byte isloop) {
  bl->isloop = isloop;
  bl->nactvar = fs->nactvar;
  bl->firstlabel = fs->ls->dyd->label.n;
  bl->firstgoto = fs->ls->dyd->gt.n;
  bl->upval = 0;
  bl->insidetbc = (fs->bl != NULL && fs->bl->insidetbc);
  bl->previous = fs->bl;
  fs->bl = bl;
}

static void leaveblock(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  LexState *ls = fs->ls;
  int hasclose = 0;
  int stklevel = reglevel(fs, bl->nactvar);
  removevars(fs, bl->nactvar);
  if (bl->isloop)  /* the implicit 'break' label */
    hasclose = createlabel(ls, ls->brkn, 0, 0);
  if (!hasclose && bl->previous && bl->upval)
    tyK_codeABC(fs, OP_CLOSE, stklevel, 0, 0);
  fs->freereg = (lu_byte)stklevel;
  ls->dyd->label.n = bl->firstlabel;
  fs->bl = bl->previous;
  if (bl->previous)
    movegotosout(fs, bl);
  else if (bl->firstgoto < ls->dyd->gt.n)
    undefgoto(ls, &ls->dyd->gt.arr[bl->firstgoto]);
}

static Proto *addprototype(LexState *ls) {
  lua_State *L = ls->L;
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  Proto *clp;
  if (fs->np >= f->sizep) {
    int oldsize = f->sizep;
    tyM_growvector(L, f->p, fs->np, f->sizep, Proto *, MAXARG_Bx, "functions");
    while (oldsize < f->sizep)
      f->p[oldsize++] = NULL;
  }
  f->p[fs->np++] = clp = tyF_newproto(L);
  tyC_objbarrier(L, f, clp);
  return clp;
}

/* R[freereg] := closure of the last nested prototype (in the enclosing function) */
static void codeclosure(LexState *ls, expdesc *v) {
  FuncState *fs = ls->fs->prev;
  init_exp(v, VRELOC, tyK_codeABx(fs, OP_CLOSURE, 0, (unsigned int)(fs->np - 1)));
  tyK_exp2nextreg(fs, v);
}

static void open_func(LexState *ls, FuncState *fs, BlockCnt *bl) {
  Proto *f = fs->f;
  fs->prev = ls->fs;
  fs->ls = ls;
  ls->fs = fs;
  fs->pc = 0;
  fs->lasttarget = 0;
  fs->freereg = 0;
  fs->nk = 0;
  fs->np = 0;
  fs->nups = 0;
  fs->ndebugvars = 0;
  fs->nactvar = 0;
  fs->needclose = 0;
  fs->firstlocal = ls->dyd->actvar.n;
  fs->firstlabel = ls->dyd->label.n;
  fs->bl = NULL;
  f->source = ls->source;
  tyC_objbarrier(ls->L, f, f->source);
  f->maxstacksize = 2;  /* registers 0/1 are always valid */
  enterblock(fs, bl, 0);
}

static void close_func(LexState *ls) {
  lua_State *L = ls->L;
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  tyK_ret(fs, tyY_nvarstack(fs), 0);  /* final return */
  leaveblock(fs);
  tyK_finish(fs);
  tyM_shrinkvector(L, f->code, f->sizecode, fs->pc, Instruction);
  tyM_shrinkvector(L, f->lineinfo, f->sizelineinfo, fs->pc, int);
  tyM_shrinkvector(L, f->k, f->sizek, fs->nk, TValue);
  tyM_shrinkvector(L, f->p, f->sizep, fs->np, Proto *);
  tyM_shrinkvector(L, f->locvars, f->sizelocvars, fs->ndebugvars, LocVar);
  tyM_shrinkvector(L, f->upvalues, f->sizeupvalues, fs->nups, Upvaldesc);
  ls->fs = fs->prev;
  tyC_checkGC(L);
}

/* ---- grammar: statements ---- */

static int block_follow(LexState *ls, int withuntil) {
  switch (ls->t.token) {
    case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_EOS:
      return 1;
    case TK_UNTIL:
      return withuntil;
    default:
      return 0;
  }
}

static void statlist(LexState *ls) {
  while (!block_follow(ls, 1)) {
    if (ls->t.token == TK_RETURN) {
      statement(ls);
      return;  /* 'return' must be last */
    }
    statement(ls);
  }
}

static void fieldsel(LexState *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  expdesc key;
  tyK_exp2anyregup(fs, v);
  tyX_next(ls);  /* skip '.' or ':' */
  codename(ls, &key);
  tyK_indexed(fs, v, &key);
}

static void yindex(LexState *ls, expdesc *v) {
  tyX_next(ls);  /* skip '[' */
  expr(ls, v);
  tyK_exp2val(ls->fs, v);
  checknext(ls, ']');
}

/* ---- table constructors ---- */

typedef struct ConsControl {
  expdesc v;      /* last list item read */
  expdesc *t;     /* the table */
  int nh;         /* record fields */
  int na;         /* list items already stored */
  int tostore;    /* list items pending */
} ConsControl;

static void recfield(LexState *ls, ConsControl *cc) {
  FuncState *fs = ls->fs;
  int reg = ls->fs->freereg;
  expdesc tab, key, val;
  if (ls->t.token == TK_NAME) {
    checklimit(fs, cc->nh, INT_MAX, "items in a constructor");
    codename(ls, &key);
  } else
    yindex(ls, &key);
  cc->nh++;
  checknext(ls, '=');
  tab = *cc->t;
  tyK_indexed(fs, &tab, &key);
  expr(ls, &val);
  tyK_storevar(fs, &tab, &val);
  fs->freereg = (lu_byte)reg;
}

static void closelistfield(FuncState *fs, ConsControl *cc) {
  if (cc->v.k == VVOID)
    return;
  tyK_exp2nextreg(fs, &cc->v);
  cc->v.k = VVOID;
  if (cc->tostore == LFIELDS_PER_FLUSH) {
    tyK_setlist(fs, cc->t->u.info, cc->na, cc->tostore);
    cc->na += cc->tostore;
    cc->tostore = 0;
  }
}

static void lastlistfield(FuncState *fs, ConsControl *cc) {
  if (cc->tostore == 0)
    return;
  if (hasmultret(cc->v.k)) {
    tyK_setmultret(fs, &cc->v);
    tyK_setlist(fs, cc->t->u.info, cc->na, LUA_MULTRET);
    cc->na--;  /* do not count the open item in the size hint */
  } else {
    if (cc->v.k != VVOID)
      tyK_exp2nextreg(fs, &cc->v);
    tyK_setlist(fs, cc->t->u.info, cc->na, cc->tostore);
  }
  cc->na += cc->tostore;
}

static void listfield(LexState *ls, ConsControl *cc) {
  expr(ls, &cc->v);
  cc->tostore++;
}

static void field(LexState *ls, ConsControl *cc) {
  switch (ls->t.token) {
    case TK_NAME:
      if (tyX_lookahead(ls) != '=')
        listfield(ls, cc);
      else
        recfield(ls, cc);
      break;
    case '[':
      recfield(ls, cc);
      break;
    default:
      listfield(ls, cc);
      break;
  }
}

static void constructor(LexState *ls, expdesc *t) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  int pc = tyK_codeABC(fs, OP_NEWTABLE, 0, 0, 0);
  ConsControl cc;
  tyK_code(fs, 0);  /* room for the EXTRAARG */
  cc.na = cc.nh = cc.tostore = 0;
  cc.t = t;
  init_exp(t, VNONRELOC, fs->freereg);
  tyK_reserveregs(fs, 1);
  init_exp(&cc.v, VVOID, 0);
  checknext(ls, '{');
  do {
    if (ls->t.token == '}')
      break;
    closelistfield(fs, &cc);
    field(ls, &cc);
  } while (testnext(ls, ',') || testnext(ls, ';'));
  check_match(ls, '}', '{', line);
  lastlistfield(fs, &cc);
  tyK_settablesize(fs, pc, t->u.info, cc.na, cc.nh);
}

/* ---- functions ---- */

static void setvararg(FuncState *fs, int nparams) {
  fs->f->is_vararg = 1;
  tyK_codeABC(fs, OP_VARARGPREP, nparams, 0, 0);
}

static void parlist(LexState *ls) {
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  int nparams = 0;
  int isvararg = 0;
  if (ls->t.token != ')') {
    do {
      switch (ls->t.token) {
        case TK_NAME:
          new_localvar(ls, str_checkname(ls));
          nparams++;
          break;
        case TK_DOTS:
          tyX_next(ls);
          isvararg = 1;
          break;
        default:
          tyX_syntaxerror(ls, "<name> expected");
      }
    } while (!isvararg && testnext(ls, ','));
  }
  adjustlocalvars(ls, nparams);
  f->numparams = fs->nactvar;
  if (isvararg)
    setvararg(fs, f->numparams);
  tyK_reserveregs(fs, fs->nactvar);
}

static void body(LexState *ls, expdesc *e, int ismethod, int line) {
  FuncState new_fs;
  BlockCnt bl;
  new_fs.f = addprototype(ls);
  new_fs.f->linedefined = line;
  open_func(ls, &new_fs, &bl);
  checknext(ls, '(');
  if (ismethod) {
    new_localvarliteral(ls, "self");
    adjustlocalvars(ls, 1);
  }
  parlist(ls);
  checknext(ls, ')');
  statlist(ls);
  new_fs.f->lastlinedefined = ls->linenumber;
  check_match(ls, TK_END, TK_FUNCTION, line);
  codeclosure(ls, e);
  close_func(ls);
}

static int explist(LexState *ls, expdesc *v) {
  int n = 1;
  expr(ls, v);
  while (testnext(ls, ',')) {
    tyK_exp2nextreg(ls->fs, v);
    expr(ls, v);
    n++;
  }
  return n;
}

static void funcargs(LexState *ls, expdesc *f, int line) {
  FuncState *fs = ls->fs;
  expdesc args;
  int base, nparams;
  switch (ls->t.token) {
    case '(':
      tyX_next(ls);
      if (ls->t.token == ')')
        args.k = VVOID;
      else {
        explist(ls, &args);
        if (hasmultret(args.k))
          tyK_setmultret(fs, &args);
      }
      check_match(ls, ')', '(', line);
      break;
    case '{':
      constructor(ls, &args);
      break;
    case TK_STRING:
      codestring(&args, ls->t.seminfo.ts);
      tyX_next(ls);
      break;
    default:
      tyX_syntaxerror(ls, "function arguments expected");
  }
  base = f->u.info;
  if (hasmultret(args.k))
    nparams = LUA_MULTRET;
  else {
    if (args.k != VVOID)
      tyK_exp2nextreg(fs, &args);
    nparams = fs->freereg - (base + 1);
  }
  init_exp(f, VCALL, tyK_codeABC(fs, OP_CALL, base, nparams + 1, 2));
  tyK_fixline(fs, line);
  fs->freereg = (lu_byte)(base + 1);  /* the call leaves one result (default) */
}

/* ---- expressions ---- */

static void primaryexp(LexState *ls, expdesc *v) {
  switch (ls->t.token) {
    case '(': {
      int line = ls->linenumber;
      tyX_next(ls);
      expr(ls, v);
      check_match(ls, ')', '(', line);
      tyK_dischargevars(ls->fs, v);
      return;
    }
    case TK_NAME:
      singlevar(ls, v);
      return;
    default:
      tyX_syntaxerror(ls, "unexpected symbol");
  }
}

static void suffixedexp(LexState *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  primaryexp(ls, v);
  for (;;) {
    switch (ls->t.token) {
      case '.':
        fieldsel(ls, v);
        break;
      case '[': {
        expdesc key;
        tyK_exp2anyregup(fs, v);
        yindex(ls, &key);
        tyK_indexed(fs, v, &key);
        break;
      }
      case ':': {
        expdesc key;
        tyX_next(ls);
        codename(ls, &key);
        tyK_self(fs, v, &key);
        funcargs(ls, v, line);
        break;
      }
      case '(': case TK_STRING: case '{':
        tyK_exp2nextreg(fs, v);
        funcargs(ls, v, line);
        break;
      default:
        return;
    }
  }
}

static void simpleexp(LexState *ls, expdesc *v) {
  switch (ls->t.token) {
    case TK_FLT:
      init_exp(v, VKFLT, 0);
      v->u.nval = ls->t.seminfo.r;
      break;
    case TK_INT:
      init_exp(v, VKINT, 0);
      v->u.ival = ls->t.seminfo.i;
      break;
    case TK_STRING:
      codestring(v, ls->t.seminfo.ts);
      break;
    case TK_NIL:
      init_exp(v, VNIL, 0);
      break;
    case TK_TRUE:
      init_exp(v, VTRUE, 0);
      break;
    case TK_FALSE:
      init_exp(v, VFALSE, 0);
      break;
    case TK_DOTS: {
      FuncState *fs = ls->fs;
      check_condition(ls, fs->f->is_vararg, "cannot use '...' outside a vararg function");
      init_exp(v, VVARARG, tyK_codeABC(fs, OP_VARARG, 0, 0, 1));
      break;
    }
    case '{':
      constructor(ls, v);
      return;
    case TK_FUNCTION:
      tyX_next(ls);
      body(ls, v, 0, ls->linenumber);
      return;
    default:
      suffixedexp(ls, v);
      return;
  }
  tyX_next(ls);
}

static UnOpr getunopr(int op) {
  switch (op) {
    case TK_NOT: return OPR_NOT;
    case '-': return OPR_MINUS;
    case '~': return OPR_BNOT;
    case '#': return OPR_LEN;
    default: return OPR_NOUNOPR;
  }
}

static BinOpr getbinopr(int op) {
  switch (op) {
    case '+': return OPR_ADD;
    case '-': return OPR_SUB;
    case '*': return OPR_MUL;
    case '%': return OPR_MOD;
    case '^': return OPR_POW;
    case '/': return OPR_DIV;
    case TK_IDIV: return OPR_IDIV;
    case '&': return OPR_BAND;
    case '|': return OPR_BOR;
    case '~': return OPR_BXOR;
    case TK_SHL: return OPR_SHL;
    case TK_SHR: return OPR_SHR;
    case TK_CONCAT: return OPR_CONCAT;
    case TK_NE: return OPR_NE;
    case TK_EQ: return OPR_EQ;
    case '<': return OPR_LT;
    case TK_LE: return OPR_LE;
    case '>': return OPR_GT;
    case TK_GE: return OPR_GE;
    case TK_AND: return OPR_AND;
    case TK_OR: return OPR_OR;
    default: return OPR_NOBINOPR;
  }
}

/* left/right priorities of each binary operator (ORDER OPR) */
static const struct { lu_byte left, right; } priority[] = {
  {10, 10}, {10, 10},          /* + - */
  {11, 11}, {11, 11},          /* * % */
  {14, 13},                    /* ^ (right associative) */
  {11, 11}, {11, 11},          /* / // */
  {6, 6}, {4, 4}, {5, 5},      /* & | ~ */
  {7, 7}, {7, 7},              /* << >> */
  {9, 8},                      /* .. (right associative) */
  {3, 3}, {3, 3}, {3, 3},      /* == < <= */
  {3, 3}, {3, 3}, {3, 3},      /* ~= > >= */
  {2, 2}, {1, 1}               /* and or */
};

#define UNARY_PRIORITY 12

/* subexpr -> (simpleexp | unop subexpr) { binop subexpr }, binops above limit */
static BinOpr subexpr(LexState *ls, expdesc *v, int limit) {
  BinOpr op;
  UnOpr uop;
  enterlevel(ls);
  uop = getunopr(ls->t.token);
  if (uop != OPR_NOUNOPR) {
    int line = ls->linenumber;
    tyX_next(ls);
    subexpr(ls, v, UNARY_PRIORITY);
    tyK_prefix(ls->fs, uop, v, line);
  } else
    simpleexp(ls, v);
  op = getbinopr(ls->t.token);
  while (op != OPR_NOBINOPR && priority[op].left > limit) {
    expdesc v2;
    BinOpr nextop;
    int line = ls->linenumber;
    tyX_next(ls);
    tyK_infix(ls->fs, op, v);
    nextop = subexpr(ls, &v2, priority[op].right);
    tyK_posfix(ls->fs, op, v, &v2, line);
    op = nextop;
  }
  leavelevel(ls);
  return op;
}

static void expr(LexState *ls, expdesc *v) {
  subexpr(ls, v, 0);
}

/* ---- statements ---- */

static void block(LexState *ls) {
  FuncState *fs = ls->fs;
  BlockCnt bl;
  enterblock(fs, &bl, 0);
  statlist(ls);
  leaveblock(fs);
}

/* assignment targets, chained on the C stack */
struct LHS_assign {
  struct LHS_assign *prev;
  expdesc v;
};

/* In a multiple assignment, a table or index register of an earlier target
** that is assigned by a later target is copied to a safe register first. */
static void check_conflict(LexState *ls, struct LHS_assign *lh, expdesc *v) {
  FuncState *fs = ls->fs;
  int extra = fs->freereg;
  int conflict = 0;
  for (; lh; lh = lh->prev) {
    if (vkisindexed(lh->v.k)) {
      if (lh->v.k == VINDEXUP) {
        if (v->k == VUPVAL && lh->v.u.ind.t == v->u.info) {
          conflict = 1;
          lh->v.k = VINDEXSTR;
          lh->v.u.ind.t = (lu_byte)extra;
        }
      } else {
        if (v->k == VLOCAL && lh->v.u.ind.t == v->u.var.ridx) {
          conflict = 1;
          lh->v.u.ind.t = (lu_byte)extra;
        }
        if (lh->v.k == VINDEXED && v->k == VLOCAL && lh->v.u.ind.idx == v->u.var.ridx) {
          conflict = 1;
          lh->v.u.ind.idx = (short)extra;
        }
      }
    }
  }
  if (conflict) {
    if (v->k == VLOCAL)
      tyK_codeABC(fs, OP_MOVE, extra, v->u.var.ridx, 0);
    else
      tyK_codeABC(fs, OP_GETUPVAL, extra, v->u.info, 0);
    tyK_reserveregs(fs, 1);
  }
}

static void restassign(LexState *ls, struct LHS_assign *lh, int nvars) {
  expdesc e;
  check_condition(ls, vkisvar(lh->v.k), "syntax error");
  check_readonly(ls, &lh->v);
  if (testnext(ls, ',')) {
    struct LHS_assign nv;
    nv.prev = lh;
    suffixedexp(ls, &nv.v);
    if (!vkisindexed(nv.v.k))
      check_conflict(ls, lh, &nv.v);
    enterlevel(ls);
    restassign(ls, &nv, nvars + 1);
    leavelevel(ls);
  } else {
    int nexps;
    checknext(ls, '=');
    nexps = explist(ls, &e);
    if (nexps != nvars)
      adjust_assign(ls, nvars, nexps, &e);
    else {
      tyK_setoneret(ls->fs, &e);
      tyK_storevar(ls->fs, &lh->v, &e);
      return;
    }
  }
  init_exp(&e, VNONRELOC, ls->fs->freereg - 1);  /* values are on the stack, last first */
  tyK_storevar(ls->fs, &lh->v, &e);
}

static int cond(LexState *ls) {
  expdesc v;
  expr(ls, &v);
  if (v.k == VNIL)
    v.k = VFALSE;  /* 'falses' are all equal here */
  tyK_goiftrue(ls->fs, &v);
  return v.f;
}

static void gotostat(LexState *ls) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  TString *name = str_checkname(ls);
  Labeldesc *lb = findlabel(ls, name);
  if (lb == NULL)  /* forward jump: resolved later */
    newgotoentry(ls, name, line, tyK_jump(fs));
  else {  /* backward jump: close upvalues of locals declared after the label */
    int lblevel = reglevel(fs, lb->nactvar);
    if (tyY_nvarstack(fs) > lblevel)
      tyK_codeABC(fs, OP_CLOSE, lblevel, 0, 0);
    tyK_patchlist(fs, tyK_jump(fs), lb->pc);
  }
}

static void breakstat(LexState *ls) {
  int line = ls->linenumber;
  tyX_next(ls);
  newgotoentry(ls, ls->brkn, line, tyK_jump(ls->fs));
}

static void checkrepeated(LexState *ls, TString *name) {
  Labeldesc *lb = findlabel(ls, name);
  if (l_unlikely(lb != NULL))
    tyK_semerror(ls, tyO_pushfstring(ls->L, "label '%s' already defined on line %d",
                                     getstr(name), lb->line));
}

static void labelstat(LexState *ls, TString *name, int line) {
  checknext(ls, TK_DBCOLON);
  while (ls->t.token == ';' || ls->t.token == TK_DBCOLON)
    statement(ls);  /* skip other no-op statements */
  checkrepeated(ls, name);
  createlabel(ls, name, line, block_follow(ls, 0));
}

static void whilestat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  int whileinit, condexit;
  BlockCnt bl;
  tyX_next(ls);
  whileinit = tyK_getlabel(fs);
  condexit = cond(ls);
  enterblock(fs, &bl, 1);
  checknext(ls, TK_DO);
  block(ls);
  tyK_patchlist(fs, tyK_jump(fs), whileinit);
  check_match(ls, TK_END, TK_WHILE, line);
  leaveblock(fs);
  tyK_patchtohere(fs, condexit);
}

static void repeatstat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  int condexit;
  int repeat_init = tyK_getlabel(fs);
  BlockCnt bl1, bl2;
  enterblock(fs, &bl1, 1);  /* loop block */
  enterblock(fs, &bl2, 0);  /* scope block: 'until' sees the body's locals */
  tyX_next(ls);
  statlist(ls);
  check_match(ls, TK_UNTIL, TK_REPEAT, line);
  condexit = cond(ls);
  leaveblock(fs);
  if (bl2.upval) {  /* repeating must close the body's upvalues too */
    int exit = tyK_jump(fs);
    tyK_patchtohere(fs, condexit);
    tyK_codeABC(fs, OP_CLOSE, reglevel(fs, bl2.nactvar), 0, 0);
    condexit = tyK_jump(fs);
    tyK_patchtohere(fs, exit);
  }
  tyK_patchlist(fs, condexit, repeat_init);
  leaveblock(fs);
}

static void exp1(LexState *ls) {
  expdesc e;
  expr(ls, &e);
  tyK_exp2nextreg(ls->fs, &e);
}

/* sets the Bx of the for-jump at pc to reach dest (back: a backward jump) */
static void fixforjump(FuncState *fs, int pc, int dest, int back) {
  Instruction *jmp = &fs->f->code[pc];
  int offset = dest - (pc + 1);
  if (back)
    offset = -offset;
  if (l_unlikely(offset > MAXARG_Bx))
    tyX_syntaxerror(fs->ls, "control structure too long");
  SETARG_Bx(*jmp, (unsigned int)offset);
}

static void forbody(LexState *ls, int base, int line, int nvars, int isgen) {
  static const OpCode forprep[2] = {OP_FORPREP, OP_TFORPREP};
  static const OpCode forloop[2] = {OP_FORLOOP, OP_TFORLOOP};
  BlockCnt bl;
  FuncState *fs = ls->fs;
  int prep, endfor;
  checknext(ls, TK_DO);
  prep = tyK_codeABx(fs, forprep[isgen], base, 0);
  enterblock(fs, &bl, 0);  /* scope of the declared variables */
  adjustlocalvars(ls, nvars);
  tyK_reserveregs(fs, nvars);
  block(ls);
  leaveblock(fs);
  fixforjump(fs, prep, tyK_getlabel(fs), 0);
  if (isgen) {
    tyK_codeABC(fs, OP_TFORCALL, base, 0, nvars);
    tyK_fixline(fs, line);
  }
  endfor = tyK_codeABx(fs, forloop[isgen], base, 0);
  fixforjump(fs, endfor, prep + 1, 1);
  tyK_fixline(fs, line);
}

static void fornum(LexState *ls, TString *varname, int line) {
  FuncState *fs = ls->fs;
  int base = fs->freereg;
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvar(ls, varname);
  checknext(ls, '=');
  exp1(ls);  /* initial value */
  checknext(ls, ',');
  exp1(ls);  /* limit */
  if (testnext(ls, ','))
    exp1(ls);  /* optional step */
  else {
    tyK_int(fs, fs->freereg, 1);
    tyK_reserveregs(fs, 1);
  }
  adjustlocalvars(ls, 3);
  forbody(ls, base, line, 1, 0);
}

static void forlist(LexState *ls, TString *indexname) {
  FuncState *fs = ls->fs;
  expdesc e;
  int nvars = 5;  /* iterator, state, control, closing, first variable */
  int line;
  int base = fs->freereg;
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvar(ls, indexname);
  while (testnext(ls, ',')) {
    new_localvar(ls, str_checkname(ls));
    nvars++;
  }
  checknext(ls, TK_IN);
  line = ls->linenumber;
  adjust_assign(ls, 4, explist(ls, &e), &e);
  adjustlocalvars(ls, 4);
  marktobeclosed(fs);  /* the closing value */
  tyK_checkstack(fs, 3);  /* room to call the iterator */
  forbody(ls, base, line, nvars - 4, 1);
}

static void forstat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  TString *varname;
  BlockCnt bl;
  enterblock(fs, &bl, 1);
  tyX_next(ls);
  varname = str_checkname(ls);
  switch (ls->t.token) {
    case '=':
      fornum(ls, varname, line);
      break;
    case ',': case TK_IN:
      forlist(ls, varname);
      break;
    default:
      tyX_syntaxerror(ls, "'=' or 'in' expected");
  }
  check_match(ls, TK_END, TK_FOR, line);
  leaveblock(fs);
}

static void test_then_block(LexState *ls, int *escapelist) {
  BlockCnt bl;
  FuncState *fs = ls->fs;
  expdesc v;
  int jf;
  tyX_next(ls);  /* skip 'if' or 'elseif' */
  expr(ls, &v);
  checknext(ls, TK_THEN);
  if (ls->t.token == TK_BREAK) {  /* 'if cond then break': jump out directly */
    int line = ls->linenumber;
    tyK_goiffalse(fs, &v);
    tyX_next(ls);
    enterblock(fs, &bl, 0);
    newgotoentry(ls, ls->brkn, line, v.t);
    while (testnext(ls, ';')) {}
    if (block_follow(ls, 0)) {
      leaveblock(fs);
      return;
    }
    jf = tyK_jump(fs);
  } else {
    tyK_goiftrue(fs, &v);
    enterblock(fs, &bl, 0);
    jf = v.f;
  }
  statlist(ls);
  leaveblock(fs);
  if (ls->t.token == TK_ELSE || ls->t.token == TK_ELSEIF)
    tyK_concat(fs, escapelist, tyK_jump(fs));
  tyK_patchtohere(fs, jf);
}

static void ifstat(LexState *ls, int line) {
  int escapelist = NO_JUMP;
  test_then_block(ls, &escapelist);
  while (ls->t.token == TK_ELSEIF)
    test_then_block(ls, &escapelist);
  if (testnext(ls, TK_ELSE))
    block(ls);
  check_match(ls, TK_END, TK_IF, line);
  tyK_patchtohere(ls->fs, escapelist);
}

static void localfunc(LexState *ls) {
  expdesc b;
  FuncState *fs = ls->fs;
  int fvar = fs->nactvar;
  new_localvar(ls, str_checkname(ls));
  adjustlocalvars(ls, 1);  /* visible inside its own body (recursion) */
  body(ls, &b, 0, ls->linenumber);
  localdebuginfo(fs, fvar)->startpc = fs->pc;
}

static int getlocalattribute(LexState *ls) {
  if (testnext(ls, '<')) {
    const char *attr = getstr(str_checkname(ls));
    checknext(ls, '>');
    if (strcmp(attr, "const") == 0)
      return RDKCONST;
    else if (strcmp(attr, "close") == 0)
      return RDKTOCLOSE;
    else
      tyK_semerror(ls, tyO_pushfstring(ls->L, "unknown attribute '%s'", attr));
  }
  return VDKREG;
}

static void checktoclose(FuncState *fs, int level) {
  if (level != -1) {
    marktobeclosed(fs);
    tyK_codeABC(fs, OP_TBC, reglevel(fs, level), 0, 0);
  }
}

static void localstat(LexState *ls) {
  FuncState *fs = ls->fs;
  int toclose = -1;
  Vardesc *var;
  int vidx, kind;
  int nvars = 0;
  int nexps;
  expdesc e;
  do {
    vidx = new_localvar(ls, str_checkname(ls));
    kind = getlocalattribute(ls);
    getlocalvardesc(fs, vidx)->kind = (lu_byte)kind;
    if (kind == RDKTOCLOSE) {
      if (toclose != -1)
        tyK_semerror(ls, "multiple to-be-closed variables in local list");
      toclose = fs->nactvar + nvars;
    }
    nvars++;
  } while (testnext(ls, ','));
  if (testnext(ls, '='))
    nexps = explist(ls, &e);
  else {
    e.k = VVOID;
    nexps = 0;
  }
  var = getlocalvardesc(fs, vidx);  /* last variable (array may have moved) */
  if (nvars == nexps && var->kind == RDKCONST && tyK_exp2const(fs, &e, &var->k)) {
    var->kind = RDKCTC;  /* compile-time constant: no register */
    adjustlocalvars(ls, nvars - 1);
    fs->nactvar++;
  } else {
    adjust_assign(ls, nvars, nexps, &e);
    adjustlocalvars(ls, nvars);
  }
  checktoclose(fs, toclose);
}

static int funcname(LexState *ls, expdesc *v) {
  int ismethod = 0;
  singlevar(ls, v);
  while (ls->t.token == '.')
    fieldsel(ls, v);
  if (ls->t.token == ':') {
    ismethod = 1;
    fieldsel(ls, v);
  }
  return ismethod;
}

static void funcstat(LexState *ls, int line) {
  int ismethod;
  expdesc v, b;
  tyX_next(ls);
  ismethod = funcname(ls, &v);
  body(ls, &b, ismethod, line);
  check_readonly(ls, &v);
  tyK_storevar(ls->fs, &v, &b);
  tyK_fixline(ls->fs, line);
}

static void exprstat(LexState *ls) {
  FuncState *fs = ls->fs;
  struct LHS_assign v;
  suffixedexp(ls, &v.v);
  if (ls->t.token == '=' || ls->t.token == ',') {
    v.prev = NULL;
    restassign(ls, &v, 1);
  } else {
    Instruction *inst;
    check_condition(ls, v.v.k == VCALL, "syntax error");
    inst = &getinstruction(fs, &v.v);
    SETARG_C(*inst, 1);  /* a call statement uses no results */
  }
}

static void retstat(LexState *ls) {
  FuncState *fs = ls->fs;
  expdesc e;
  int nret;
  int first = tyY_nvarstack(fs);
  if (block_follow(ls, 1) || ls->t.token == ';')
    nret = 0;
  else {
    nret = explist(ls, &e);
    if (hasmultret(e.k)) {
      tyK_setmultret(fs, &e);
      if (e.k == VCALL && nret == 1 && !fs->bl->insidetbc)
        SET_OPCODE(getinstruction(fs, &e), OP_TAILCALL);
      nret = LUA_MULTRET;
    } else if (nret == 1)
      first = tyK_exp2anyreg(fs, &e);
    else
      tyK_exp2nextreg(fs, &e);  /* values must be consecutive */
  }
  tyK_ret(fs, first, nret);
  testnext(ls, ';');
}

static void statement(LexState *ls) {
  int line = ls->linenumber;
  enterlevel(ls);
  switch (ls->t.token) {
    case ';':
      tyX_next(ls);
      break;
    case TK_IF:
      ifstat(ls, line);
      break;
    case TK_WHILE:
      whilestat(ls, line);
      break;
    case TK_DO:
      tyX_next(ls);
      block(ls);
      check_match(ls, TK_END, TK_DO, line);
      break;
    case TK_FOR:
      forstat(ls, line);
      break;
    case TK_REPEAT:
      repeatstat(ls, line);
      break;
    case TK_FUNCTION:
      funcstat(ls, line);
      break;
    case TK_LOCAL:
      tyX_next(ls);
      if (testnext(ls, TK_FUNCTION))
        localfunc(ls);
      else
        localstat(ls);
      break;
    case TK_DBCOLON:
      tyX_next(ls);
      labelstat(ls, str_checkname(ls), line);
      break;
    case TK_RETURN:
      tyX_next(ls);
      retstat(ls);
      break;
    case TK_BREAK:
      breakstat(ls);
      break;
    case TK_GOTO:
      tyX_next(ls);
      gotostat(ls);
      break;
    default:
      exprstat(ls);
      break;
  }
  ls->fs->freereg = (lu_byte)tyY_nvarstack(ls->fs);  /* free temporaries */
  leavelevel(ls);
}

/* ---- main function and entry points ---- */

static void mainfunc(LexState *ls, FuncState *fs) {
  BlockCnt bl;
  Upvaldesc *env;
  open_func(ls, fs, &bl);
  setvararg(fs, 0);  /* the main chunk is always vararg */
  env = allocupvalue(fs);
  env->instack = 1;
  env->idx = 0;
  env->kind = VDKREG;
  env->name = ls->envn;
  tyC_objbarrier(ls->L, fs->f, env->name);
  tyX_next(ls);
  statlist(ls);
  check(ls, TK_EOS);
  close_func(ls);
}

static LClosure *parser(lua_State *L, ZIO *z, Mbuffer *buff, Dyndata *dyd, const char *name, int firstchar) {
  LexState lexstate;
  FuncState funcstate;
  LClosure *cl = tyF_newLclosure(L, 1);
  setclLvalue(L, L->top, cl);  /* anchor the closure */
  tyD_inctop(L);
  lexstate.h = tyH_new(L);
  sethvalue(L, L->top, lexstate.h);  /* anchor the scanner table */
  tyD_inctop(L);
  funcstate.f = cl->p = tyF_newproto(L);
  tyC_objbarrier(L, cl, cl->p);
  funcstate.f->source = tyS_newlstr(L, name, strlen(name));
  tyC_objbarrier(L, funcstate.f, funcstate.f->source);
  lexstate.buff = buff;
  lexstate.dyd = dyd;
  dyd->actvar.n = dyd->gt.n = dyd->label.n = 0;
  tyX_setinput(L, &lexstate, z, funcstate.f->source, firstchar);
  lexstate.brkn = tyX_newstring(&lexstate, "break", 5);
  mainfunc(&lexstate, &funcstate);
  L->top--;  /* scanner table */
  return cl;
}

typedef struct SParser {
  ZIO *z;
  Mbuffer buff;
  Dyndata dyd;
  const char *mode;
  const char *name;
} SParser;

static void checkmode(lua_State *L, const char *mode, const char *x) {
  if (mode && strchr(mode, x[0]) == NULL) {
    tyO_pushfstring(L, "attempt to load a %s chunk (mode is '%s')", x, mode);
    tyD_throw(L, LUA_ERRSYNTAX);
  }
}

static void f_parser(lua_State *L, void *ud) {
  LClosure *cl;
  SParser *p = (SParser *)ud;
  int c = zgetc(p->z);
  if (c == LUA_SIGNATURE[0]) {
    checkmode(L, p->mode, "binary");
    p->z->n++;  /* unread the signature's first byte */
    p->z->p--;
    cl = tyU_undump(L, p->z, p->name);
  } else {
    checkmode(L, p->mode, "text");
    cl = parser(L, p->z, &p->buff, &p->dyd, p->name, c);
  }
  tyF_initupvals(L, cl);
}

int tyY_protectedparser(lua_State *L, ZIO *z, const char *name, const char *mode) {
  SParser p;
  int status;
  unsigned int oldnCcalls = L->nCcalls;
  L->nny++;  /* cannot yield during parsing */
  p.z = z;
  p.name = name;
  p.mode = mode;
  p.dyd.actvar.arr = NULL; p.dyd.actvar.n = p.dyd.actvar.size = 0;
  p.dyd.gt.arr = NULL; p.dyd.gt.n = p.dyd.gt.size = 0;
  p.dyd.label.arr = NULL; p.dyd.label.n = p.dyd.label.size = 0;
  p.buff.buffer = NULL; p.buff.n = p.buff.size = 0;
  status = tyD_pcall(L, f_parser, &p, savestack(L, L->top), L->errfunc);
  tyM_freemem(L, p.buff.buffer, p.buff.size);
  tyM_freearray(L, p.dyd.actvar.arr, (size_t)p.dyd.actvar.size);
  tyM_freearray(L, p.dyd.gt.arr, (size_t)p.dyd.gt.size);
  tyM_freearray(L, p.dyd.label.arr, (size_t)p.dyd.label.size);
  L->nCcalls = oldnCcalls;
  L->nny--;
  return status;
}
