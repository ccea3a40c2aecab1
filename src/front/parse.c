/* parse.c: the Lua 5.4 compiler front: one recursive-descent pass from tokens to Protos, emitting through tyK_. */
/*
** Design
** ------
** There is no syntax tree.  Each rule reads its tokens and calls the tyK_
** emitter as soon as it knows enough; a partly compiled expression lives only
** in an expdesc.  The bytecode must stay what tycho has always produced, so
** the order in which a rule consumes tokens and calls tyK_ is part of its
** contract: an instruction's line is that of the last token consumed before
** it (LexState.lastline), and register and constant numbering follow the
** order of the calls.
**
**  1. Tokens and errors: accept/expect helpers, limit errors, and the depth
**     guard (every statement, every operand and every extra assignment target
**     costs one level of L->nCcalls; too many is the runtime error "C stack
**     overflow", without position, as PUC Lua raises it).
**  2. Scopes and names: a Scope per block; locals live on the shared
**     dyd->actvar stack from declaration to the end of their block.  Each
**     FuncState and Scope caches the number of registers its locals hold
**     (varregs), so finding a register level never walks the variable list.
**     A name resolves to a local, an upvalue (created in every function
**     between the use and the declaration), a compile-time constant (copied,
**     never captured) or a global (_ENV.name).
**  3. Labels and jumps: a backward goto is resolved at once.  A forward goto
**     or a break becomes a pending jump in dyd->gt.  A label lands the
**     pending jumps of its block that carry its name; a block that closes
**     hands its remaining pending jumps to the enclosing block, lowering
**     their scope to the block's entry and noting whether they left locals
**     that need closing (then the landing point starts with OP_CLOSE).  The
**     exit of a loop is where its pending breaks land.  Jumps still pending
**     when a function's outermost block closes are errors.
**  4. Expressions: operands by a switch, binary operators by one
**     precedence-climbing loop over a table indexed by token.
**  5. Statements: keywords dispatch through a table of handlers.  A multiple
**     assignment keeps its targets on the dyd->lhs stack, not in C frames.
*/
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

#define MAXUPVAL 255  /* upvalues per function: Upvaldesc.idx and OP_GETUPVAL's B are bytes */

/* A block: the unit of scope for locals and labels. */
typedef struct Scope {
  struct Scope *outer;  /* enclosing block of the same function (NULL: the function's own) */
  int firstlabel;       /* its labels start here in dyd->label */
  int firstjump;        /* pending jumps made in it or handed to it start here in dyd->gt */
  lu_byte nactvar;      /* locals in scope when it opened */
  lu_byte varregs;      /* registers they hold */
  lu_byte captured;     /* a local of it is an upvalue or to-be-closed: leaving it closes */
  lu_byte isloop;       /* its end is where the breaks inside it land */
  lu_byte intbc;        /* in the scope of a to-be-closed variable: no tail calls */
} Scope;

static void expression(LexState *ls, expdesc *e);
static void statement(LexState *ls);
static void statements(LexState *ls);

/* ======================================================================
** 1. Tokens and errors
** ====================================================================== */

/* "<token> expected" near the current token */
static l_noret expected(LexState *ls, int tok) {
  const char *what = tyX_token2str(ls, tok);
  tyX_syntaxerror(ls, tyO_pushfstring(ls->L, "%s expected", what));
}

/* Consumes the current token if it is tok; tells whether it did. */
static int accept(LexState *ls, int tok) {
  if (ls->t.token != tok)
    return 0;
  tyX_next(ls);
  return 1;
}

/* The current token must be tok (it stays current). */
static void require(LexState *ls, int tok) {
  if (ls->t.token != tok)
    expected(ls, tok);
}

static void expect(LexState *ls, int tok) {
  require(ls, tok);
  tyX_next(ls);
}

/* Consumes 'closer', which ends what 'opener' began at line 'line'; when they
** are on different lines the error names the opener. */
static void expect_closing(LexState *ls, int closer, int opener, int line) {
  const char *c, *o;
  if (l_likely(accept(ls, closer)))
    return;
  if (line == ls->linenumber)
    expected(ls, closer);
  c = tyX_token2str(ls, closer);
  o = tyX_token2str(ls, opener);
  tyX_syntaxerror(ls, tyO_pushfstring(ls->L, "%s expected (to close %s at line %d)", c, o, line));
}

static TString *name_token(LexState *ls) {
  TString *s;
  require(ls, TK_NAME);
  s = ls->t.seminfo.ts;
  tyX_next(ls);
  return s;
}

/* "too many <what> (limit is <max>) in <function>" */
static l_noret limit_error(FuncState *fs, const char *what, int max) {
  lua_State *L = fs->ls->L;
  int at = fs->f->linedefined;
  const char *where = (at == 0) ? "main function" : tyO_pushfstring(L, "function at line %d", at);
  tyX_syntaxerror(fs->ls, tyO_pushfstring(L, "too many %s (limit is %d) in %s", what, max, where));
}

/* One more level of syntactic nesting (paired with ascend). */
static void descend(LexState *ls) {
  tyE_incCstack(ls->L);  /* "C stack overflow", a runtime error as in PUC Lua */
}

#define ascend(ls) ((ls)->L->nCcalls--)

static void set_exp(expdesc *e, expkind k, int info) {
  e->k = k;
  e->u.info = info;
  e->t = e->f = NO_JUMP;
}

static void set_str(expdesc *e, TString *s) {
  e->k = VKSTR;
  e->u.strval = s;
  e->t = e->f = NO_JUMP;
}

/* Does tok end a statement list?  'until' ends only a repeat body. */
static int block_ends(int tok, int until_too) {
  if (tok == TK_UNTIL)
    return until_too;
  return tok == TK_END || tok == TK_ELSE || tok == TK_ELSEIF || tok == TK_EOS;
}

/* ======================================================================
** 2. Scopes and names
** ====================================================================== */

/* local vidx of fs (vidx counts from the function's first local) */
static Vardesc *var_at(FuncState *fs, int vidx) {
  return fs->ls->dyd->actvar.arr + fs->firstlocal + vidx;
}

int tyY_nvarstack(FuncState *fs) {
  return fs->varregs;
}

/* Declares a local that is not in scope yet; returns its vidx. */
static int declare_local(LexState *ls, TString *name) {
  FuncState *fs = ls->fs;
  Dyndata *dyd = ls->dyd;
  Vardesc *vd;
  if (dyd->actvar.n + 1 - fs->firstlocal > MAXVARS)
    limit_error(fs, "local variables", MAXVARS);
  tyM_growvector(ls->L, dyd->actvar.arr, dyd->actvar.n + 1, dyd->actvar.size, Vardesc, USHRT_MAX, "local variables");
  vd = dyd->actvar.arr + dyd->actvar.n;
  vd->name = name;
  vd->kind = VDKREG;
  vd->ridx = 0;
  vd->pidx = -1;
  setnilvalue(&vd->k);
  return dyd->actvar.n++ - fs->firstlocal;
}

#define declare_literal(ls, lit) declare_local(ls, tyX_newstring(ls, "" lit, sizeof(lit) - 1))

/* A Proto.locvars entry for a local coming into scope at the current pc. */
static short add_debug_local(LexState *ls, FuncState *fs, TString *name) {
  Proto *f = fs->f;
  int old = f->sizelocvars;
  LocVar *lv;
  tyM_growvector(ls->L, f->locvars, fs->ndebugvars, f->sizelocvars, LocVar, SHRT_MAX, "local variables");
  for (; old < f->sizelocvars; old++)
    f->locvars[old].varname = NULL;  /* the collector reads the whole array */
  lv = &f->locvars[fs->ndebugvars];
  lv->varname = name;
  lv->startpc = fs->pc;
  lv->endpc = 0;
  tyC_objbarrier(ls->L, f, name);
  return fs->ndebugvars++;
}

/* Brings the last n declared locals into scope, each in the next register. */
static void activate_locals(LexState *ls, int n) {
  FuncState *fs = ls->fs;
  for (; n > 0; n--) {
    Vardesc *vd = var_at(fs, fs->nactvar);
    fs->nactvar++;
    vd->ridx = fs->varregs++;
    vd->pidx = add_debug_local(ls, fs, vd->name);
  }
}

/* Ends the scope of the locals declared since sc opened. */
static void drop_locals(FuncState *fs, Scope *sc) {
  fs->ls->dyd->actvar.n -= fs->nactvar - sc->nactvar;
  while (fs->nactvar > sc->nactvar) {
    Vardesc *vd = var_at(fs, --fs->nactvar);  /* entries stay readable until reused */
    if (vd->kind != RDKCTC)
      fs->f->locvars[vd->pidx].endpc = fs->pc;
  }
  fs->varregs = sc->varregs;
}

static void open_scope(FuncState *fs, Scope *sc, int isloop) {
  Dyndata *dyd = fs->ls->dyd;
  sc->outer = fs->scope;
  sc->firstlabel = dyd->label.n;
  sc->firstjump = dyd->gt.n;
  sc->nactvar = fs->nactvar;
  sc->varregs = fs->varregs;
  sc->captured = 0;
  sc->isloop = (lu_byte)isloop;
  sc->intbc = (fs->scope != NULL) ? fs->scope->intbc : 0;
  fs->scope = sc;
}

/* The block declaring local vidx must close it on exit: a closure captured it. */
static void mark_captured(FuncState *fs, int vidx) {
  Scope *sc = fs->scope;
  while (sc->nactvar > vidx)
    sc = sc->outer;
  sc->captured = 1;
  fs->needclose = 1;
}

/* The current block gets a to-be-closed variable. */
static void mark_tbc(FuncState *fs) {
  Scope *sc = fs->scope;
  sc->captured = sc->intbc = 1;
  fs->needclose = 1;
}

/* Appends an upvalue to fs; returns its index. */
static int add_upvalue(FuncState *fs, TString *name, int instack, int idx, int kind) {
  Proto *f = fs->f;
  int old = f->sizeupvalues;
  Upvaldesc *up;
  if (fs->nups + 1 > MAXUPVAL)
    limit_error(fs, "upvalues", MAXUPVAL);
  tyM_growvector(fs->ls->L, f->upvalues, fs->nups, f->sizeupvalues, Upvaldesc, MAXUPVAL, "upvalues");
  for (; old < f->sizeupvalues; old++)
    f->upvalues[old].name = NULL;
  up = &f->upvalues[fs->nups];
  up->instack = (lu_byte)instack;
  up->idx = (lu_byte)idx;
  up->kind = (lu_byte)kind;
  up->name = name;
  tyC_objbarrier(fs->ls->L, f, name);
  return fs->nups++;
}

/*
** What 'name' denotes in fs: VLOCAL, VUPVAL, VCONST (a compile-time
** constant, wherever declared: its value is used, nothing is captured) or
** VVOID (not declared: a global).  A local of an enclosing function becomes
** an upvalue of each function between its declaration and fs.
*/
static void resolve(FuncState *fs, TString *name, expdesc *var) {
  FuncState *outer = fs->prev;
  int i;
  for (i = fs->nactvar - 1; i >= 0; i--) {
    Vardesc *vd = var_at(fs, i);
    if (vd->name == name) {
      if (vd->kind == RDKCTC)
        set_exp(var, VCONST, fs->firstlocal + i);
      else {
        set_exp(var, VLOCAL, 0);
        var->u.var.ridx = vd->ridx;
        var->u.var.vidx = (unsigned short)i;
      }
      return;
    }
  }
  for (i = 0; i < fs->nups; i++) {
    if (fs->f->upvalues[i].name == name) {
      set_exp(var, VUPVAL, i);
      return;
    }
  }
  if (outer == NULL) {
    set_exp(var, VVOID, 0);
    return;
  }
  resolve(outer, name, var);
  if (var->k == VLOCAL) {
    int vidx = var->u.var.vidx;
    mark_captured(outer, vidx);
    i = add_upvalue(fs, name, 1, var->u.var.ridx, var_at(outer, vidx)->kind);
  } else if (var->k == VUPVAL)
    i = add_upvalue(fs, name, 0, var->u.info, outer->f->upvalues[var->u.info].kind);
  else
    return;  /* global or constant: nothing to capture */
  set_exp(var, VUPVAL, i);
}

/* A name used as a variable: a declared one, or _ENV.name. */
static void variable(LexState *ls, expdesc *var) {
  FuncState *fs = ls->fs;
  TString *name = name_token(ls);
  expdesc key;
  resolve(fs, name, var);
  if (var->k != VVOID)
    return;
  resolve(fs, ls->envn, var);
  tyK_exp2anyregup(fs, var);
  set_str(&key, name);
  tyK_indexed(fs, var, &key);
}

/* <const> and <close> variables (and constants) refuse assignment. */
static void check_writable(LexState *ls, expdesc *e) {
  FuncState *fs = ls->fs;
  TString *name = NULL;
  if (e->k == VCONST)
    name = ls->dyd->actvar.arr[e->u.info].name;
  else if (e->k == VLOCAL) {
    Vardesc *vd = var_at(fs, e->u.var.vidx);
    if (vd->kind != VDKREG)
      name = vd->name;
  } else if (e->k == VUPVAL) {
    Upvaldesc *up = &fs->f->upvalues[e->u.info];
    if (up->kind != VDKREG)
      name = up->name;
  }
  if (name != NULL)
    tyK_semerror(ls, tyO_pushfstring(ls->L, "attempt to assign to const variable '%s'", getstr(name)));
}

/* Makes nexps values, the last still in e, fill exactly nvars registers. */
static void adjust_values(LexState *ls, int nvars, int nexps, expdesc *e) {
  FuncState *fs = ls->fs;
  int missing = nvars - nexps;
  if (hasmultret(e->k))
    tyK_setreturns(fs, e, (missing >= 0) ? missing + 1 : 0);
  else {
    if (e->k != VVOID)
      tyK_exp2nextreg(fs, e);
    if (missing > 0)
      tyK_nil(fs, fs->freereg, missing);
  }
  if (missing > 0)
    tyK_reserveregs(fs, missing);
  else
    fs->freereg = (lu_byte)(fs->freereg + missing);  /* extra values are dropped */
}

/* ======================================================================
** 3. Labels and jumps
** ====================================================================== */

static Labeldesc *new_entry(LexState *ls, Labellist *list, TString *name, int line, int pc) {
  FuncState *fs = ls->fs;
  Labeldesc *d;
  tyM_growvector(ls->L, list->arr, list->n, list->size, Labeldesc, SHRT_MAX, "labels/gotos");
  d = &list->arr[list->n++];
  d->name = name;
  d->pc = pc;
  d->line = line;
  d->nactvar = fs->nactvar;
  d->varregs = fs->varregs;
  d->close = 0;
  return d;
}

/* A forward goto or a break, waiting for its label; 'jumps' is its jump list. */
static void add_pending(LexState *ls, TString *name, int line, int jumps) {
  new_entry(ls, &ls->dyd->gt, name, line, jumps);
}

/* The label called name in an open block of the current function, or NULL. */
static Labeldesc *visible_label(LexState *ls, TString *name) {
  Labellist *ll = &ls->dyd->label;
  int i;
  for (i = ls->fs->firstlabel; i < ll->n; i++)
    if (ll->arr[i].name == name)
      return &ll->arr[i];
  return NULL;
}

static l_noret scope_entry_error(LexState *ls, Labeldesc *j) {
  const char *local = getstr(var_at(ls->fs, j->nactvar)->name);
  tyK_semerror(ls, tyO_pushfstring(ls->L, "<goto %s> at line %d jumps into the scope of local '%s'",
                                   getstr(j->name), j->line, local));
}

/*
** Lands the pending jumps of the current block named 'name' at 'target',
** where nactvar locals are in scope; the others stay pending, in order.
** Returns whether one of them left a block with locals to close.
*/
static int land_pending(LexState *ls, TString *name, int target, int nactvar) {
  FuncState *fs = ls->fs;
  Labellist *gl = &ls->dyd->gt;
  int keep = fs->scope->firstjump;
  int needclose = 0;
  int i;
  for (i = keep; i < gl->n; i++) {
    Labeldesc *j = &gl->arr[i];
    if (j->name != name) {
      if (keep != i)
        gl->arr[keep] = *j;
      keep++;
      continue;
    }
    if (l_unlikely(j->nactvar < nactvar))
      scope_entry_error(ls, j);
    needclose |= j->close;
    tyK_patchlist(fs, j->pc, target);
  }
  gl->n = keep;
  return needclose;
}

/* The pending jumps of sc, which is closing, now belong to the enclosing block. */
static void lift_pending(FuncState *fs, Scope *sc) {
  Labellist *gl = &fs->ls->dyd->gt;
  int i;
  for (i = sc->firstjump; i < gl->n; i++) {
    Labeldesc *j = &gl->arr[i];
    if (j->varregs > sc->varregs)  /* it leaves registers of sc's locals */
      j->close |= sc->captured;
    j->nactvar = sc->nactvar;
    j->varregs = sc->varregs;
  }
}

static l_noret unresolved_jump(LexState *ls, Labeldesc *j) {
  const char *msg;
  if (j->name == ls->brkn)
    msg = tyO_pushfstring(ls->L, "break outside loop at line %d", j->line);
  else
    msg = tyO_pushfstring(ls->L, "no visible label '%s' for <goto> at line %d", getstr(j->name), j->line);
  tyK_semerror(ls, msg);
}

/* Closes the innermost block of fs: its locals die, its breaks land (loops),
** its captured locals are closed, its pending jumps move out. */
static void close_scope(FuncState *fs) {
  LexState *ls = fs->ls;
  Scope *sc = fs->scope;
  int closed = 0;
  drop_locals(fs, sc);
  if (sc->isloop && land_pending(ls, ls->brkn, tyK_getlabel(fs), fs->nactvar)) {
    tyK_codeABC(fs, OP_CLOSE, fs->varregs, 0, 0);
    closed = 1;
  }
  if (!closed && sc->captured && sc->outer != NULL)
    tyK_codeABC(fs, OP_CLOSE, sc->varregs, 0, 0);
  fs->freereg = sc->varregs;
  ls->dyd->label.n = sc->firstlabel;
  fs->scope = sc->outer;
  if (sc->outer != NULL)
    lift_pending(fs, sc);
  else if (sc->firstjump < ls->dyd->gt.n)
    unresolved_jump(ls, &ls->dyd->gt.arr[sc->firstjump]);
}

/* label: '::' NAME '::' (the NAME and the first '::' already read) */
static void label_statement(LexState *ls, TString *name, int line) {
  FuncState *fs = ls->fs;
  Labeldesc *lb;
  expect(ls, TK_DBCOLON);
  while (ls->t.token == ';' || ls->t.token == TK_DBCOLON)
    statement(ls);  /* no-op statements may follow before deciding if it ends the block */
  lb = visible_label(ls, name);
  if (l_unlikely(lb != NULL))
    tyK_semerror(ls, tyO_pushfstring(ls->L, "label '%s' already defined on line %d", getstr(name), lb->line));
  {
    int atend = block_ends(ls->t.token, 0);
    lb = new_entry(ls, &ls->dyd->label, name, line, tyK_getlabel(fs));
    if (atend) {  /* nothing follows in the block: its locals are already out of scope */
      lb->nactvar = fs->scope->nactvar;
      lb->varregs = fs->scope->varregs;
    }
  }
  if (land_pending(ls, name, lb->pc, lb->nactvar))
    tyK_codeABC(fs, OP_CLOSE, fs->varregs, 0, 0);
}

/* goto NAME ('goto' already read) */
static void goto_statement(LexState *ls) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  TString *name = name_token(ls);
  Labeldesc *lb = visible_label(ls, name);
  if (lb == NULL)
    add_pending(ls, name, line, tyK_jump(fs));
  else {  /* backward: close what was declared after the label */
    int level = lb->varregs;
    if (fs->varregs > level)
      tyK_codeABC(fs, OP_CLOSE, level, 0, 0);
    tyK_patchlist(fs, tyK_jump(fs), lb->pc);
  }
}

/* ======================================================================
** Functions
** ====================================================================== */

/* A fresh prototype nested in the current function. */
static Proto *new_child(LexState *ls) {
  lua_State *L = ls->L;
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  Proto *child;
  if (fs->np >= f->sizep) {
    int old = f->sizep;
    tyM_growvector(L, f->p, fs->np, f->sizep, Proto *, MAXARG_Bx, "functions");
    for (; old < f->sizep; old++)
      f->p[old] = NULL;
  }
  child = tyF_newproto(L);
  f->p[fs->np++] = child;
  tyC_objbarrier(L, f, child);
  return child;
}

/* Starts compiling fs->f (already allocated) inside the current function. */
static void open_function(LexState *ls, FuncState *fs, Scope *sc) {
  Proto *f = fs->f;
  *fs = (FuncState){
    .f = f, .prev = ls->fs, .ls = ls,
    .firstlocal = ls->dyd->actvar.n, .firstlabel = ls->dyd->label.n,
  };  /* counters, pc, registers and flags start at zero */
  ls->fs = fs;
  f->source = ls->source;
  tyC_objbarrier(ls->L, f, f->source);
  f->maxstacksize = 2;  /* registers 0 and 1 are always valid */
  open_scope(fs, sc, 0);
}

/* Trims the prototype's arrays to their used length. */
static void trim_proto(lua_State *L, FuncState *fs) {
  Proto *f = fs->f;
  tyM_shrinkvector(L, f->upvalues, f->sizeupvalues, fs->nups, Upvaldesc);
  tyM_shrinkvector(L, f->locvars, f->sizelocvars, fs->ndebugvars, LocVar);
  tyM_shrinkvector(L, f->p, f->sizep, fs->np, Proto *);
  tyM_shrinkvector(L, f->k, f->sizek, fs->nk, TValue);
  tyM_shrinkvector(L, f->lineinfo, f->sizelineinfo, fs->pc, int);
  tyM_shrinkvector(L, f->code, f->sizecode, fs->pc, Instruction);
}

static void close_function(LexState *ls) {
  FuncState *fs = ls->fs;
  tyK_ret(fs, fs->varregs, 0);  /* falling off the end returns nothing */
  close_scope(fs);
  tyK_finish(fs);
  trim_proto(ls->L, fs);
  ls->fs = fs->prev;
  tyC_checkGC(ls->L);
}

static void make_vararg(FuncState *fs, int nparams) {
  fs->f->is_vararg = 1;
  tyK_codeABC(fs, OP_VARARGPREP, nparams, 0, 0);
}

/* parlist: [ NAME {',' NAME} [',' '...'] | '...' ] */
static void parameters(LexState *ls) {
  FuncState *fs = ls->fs;
  int n = 0;
  int vararg = 0;
  if (ls->t.token != ')') {
    do {
      if (ls->t.token == TK_NAME) {
        declare_local(ls, name_token(ls));
        n++;
      } else if (ls->t.token == TK_DOTS) {
        tyX_next(ls);
        vararg = 1;
      } else
        tyX_syntaxerror(ls, "<name> or '...' expected");
    } while (!vararg && accept(ls, ','));
  }
  activate_locals(ls, n);
  fs->f->numparams = fs->nactvar;  /* 'self' included */
  if (vararg)
    make_vararg(fs, fs->nactvar);
  tyK_reserveregs(fs, fs->nactvar);
}

/* funcbody: '(' parlist ')' block 'end'; the closure goes to the next register
** of the enclosing function.  line: where 'function' is. */
static void function_body(LexState *ls, expdesc *e, int ismethod, int line) {
  FuncState fs;
  FuncState *outer;
  Scope sc;
  fs.f = new_child(ls);
  fs.f->linedefined = line;
  open_function(ls, &fs, &sc);
  expect(ls, '(');
  if (ismethod) {
    declare_literal(ls, "self");
    activate_locals(ls, 1);
  }
  parameters(ls);
  expect(ls, ')');
  statements(ls);
  fs.f->lastlinedefined = ls->linenumber;
  expect_closing(ls, TK_END, TK_FUNCTION, line);
  outer = fs.prev;
  set_exp(e, VRELOC, tyK_codeABx(outer, OP_CLOSURE, 0, (unsigned int)(outer->np - 1)));
  tyK_exp2nextreg(outer, e);
  close_function(ls);
}

/* ======================================================================
** 4. Expressions
** ====================================================================== */

/* explist: exp {',' exp}; all but the last go to consecutive registers */
static int expression_list(LexState *ls, expdesc *e) {
  int n = 1;
  expression(ls, e);
  while (accept(ls, ',')) {
    tyK_exp2nextreg(ls->fs, e);
    expression(ls, e);
    n++;
  }
  return n;
}

/* '.' NAME or ':' NAME applied to v */
static void field_selector(LexState *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  expdesc key;
  tyK_exp2anyregup(fs, v);
  tyX_next(ls);
  set_str(&key, name_token(ls));
  tyK_indexed(fs, v, &key);
}

/* '[' exp ']' */
static void bracket_key(LexState *ls, expdesc *key) {
  tyX_next(ls);
  expression(ls, key);
  tyK_exp2val(ls->fs, key);
  expect(ls, ']');
}

/* A table constructor in progress.  List items are stored in batches of
** LFIELDS_PER_FLUSH; the latest item waits in 'item' until the next field
** (or the end) shows whether it may yield several values. */
typedef struct Ctor {
  expdesc *table;  /* VNONRELOC */
  expdesc item;    /* latest list item (VVOID: none waiting) */
  int nrec;        /* record fields */
  int nstored;     /* list items already stored */
  int npending;    /* list items in registers or in 'item' */
} Ctor;

static void ctor_store(FuncState *fs, Ctor *c, int n) {
  tyK_setlist(fs, c->table->u.info, c->nstored, n);
}

/* Moves the waiting item to its register; a full batch is stored. */
static void ctor_settle(FuncState *fs, Ctor *c) {
  if (c->item.k == VVOID)
    return;
  tyK_exp2nextreg(fs, &c->item);
  c->item.k = VVOID;
  if (c->npending < LFIELDS_PER_FLUSH)
    return;
  ctor_store(fs, c, c->npending);
  c->nstored += c->npending;
  c->npending = 0;
}

/* Stores the last batch; a final call or '...' contributes all its values. */
static void ctor_finish(FuncState *fs, Ctor *c) {
  if (c->npending == 0)
    return;
  if (hasmultret(c->item.k)) {
    tyK_setmultret(fs, &c->item);
    ctor_store(fs, c, LUA_MULTRET);
    c->nstored += c->npending - 1;  /* the open item is not in the size hint */
    return;
  }
  if (c->item.k != VVOID)
    tyK_exp2nextreg(fs, &c->item);
  ctor_store(fs, c, c->npending);
  c->nstored += c->npending;
}

/* NAME '=' exp  |  '[' exp ']' '=' exp */
static void record_field(LexState *ls, Ctor *c) {
  FuncState *fs = ls->fs;
  int top = fs->freereg;
  expdesc slot, key, val;
  if (ls->t.token == TK_NAME)
    set_str(&key, name_token(ls));
  else
    bracket_key(ls, &key);
  c->nrec++;
  expect(ls, '=');
  slot = *c->table;
  tyK_indexed(fs, &slot, &key);
  expression(ls, &val);
  tyK_storevar(fs, &slot, &val);
  fs->freereg = (lu_byte)top;
}

/* tableconstructor: '{' [field {sep field} [sep]] '}' */
static void constructor(LexState *ls, expdesc *t) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  int pc = tyK_codeABC(fs, OP_NEWTABLE, 0, 0, 0);
  Ctor c;
  tyK_code(fs, 0);  /* the EXTRAARG, filled by tyK_settablesize */
  set_exp(t, VNONRELOC, fs->freereg);
  tyK_reserveregs(fs, 1);
  c.table = t;
  c.nrec = c.nstored = c.npending = 0;
  set_exp(&c.item, VVOID, 0);
  expect(ls, '{');
  while (ls->t.token != '}') {
    ctor_settle(fs, &c);
    if (ls->t.token == '[' || (ls->t.token == TK_NAME && tyX_lookahead(ls) == '='))
      record_field(ls, &c);
    else {
      expression(ls, &c.item);
      c.npending++;
    }
    if (!accept(ls, ',') && !accept(ls, ';'))
      break;
  }
  expect_closing(ls, '}', '{', line);
  ctor_finish(fs, &c);
  tyK_settablesize(fs, pc, t->u.info, c.nstored, c.nrec);
}

/* args: '(' [explist] ')' | tableconstructor | STRING, calling the function in
** register f->u.info; line: where the called expression began. */
static void call_args(LexState *ls, expdesc *f, int line) {
  FuncState *fs = ls->fs;
  expdesc args;
  int base, nargs;
  if (ls->t.token == '(') {
    tyX_next(ls);
    if (ls->t.token == ')')
      args.k = VVOID;
    else {
      expression_list(ls, &args);
      if (hasmultret(args.k))
        tyK_setmultret(fs, &args);
    }
    expect_closing(ls, ')', '(', line);
  } else if (ls->t.token == '{')
    constructor(ls, &args);
  else if (ls->t.token == TK_STRING) {
    set_str(&args, ls->t.seminfo.ts);
    tyX_next(ls);
  } else
    tyX_syntaxerror(ls, "function arguments expected");
  base = f->u.info;
  if (hasmultret(args.k))
    nargs = LUA_MULTRET;
  else {
    if (args.k != VVOID)
      tyK_exp2nextreg(fs, &args);
    nargs = fs->freereg - (base + 1);
  }
  set_exp(f, VCALL, tyK_codeABC(fs, OP_CALL, base, nargs + 1, 2));
  tyK_fixline(fs, line);
  fs->freereg = (lu_byte)(base + 1);  /* one result unless adjusted later */
}

/* primaryexp: NAME | '(' exp ')' */
static void primary(LexState *ls, expdesc *v) {
  if (ls->t.token == TK_NAME)
    variable(ls, v);
  else if (ls->t.token == '(') {
    int line = ls->linenumber;
    tyX_next(ls);
    expression(ls, v);
    expect_closing(ls, ')', '(', line);
    tyK_dischargevars(ls->fs, v);  /* a parenthesized expression is a value, not a variable */
  } else
    tyX_syntaxerror(ls, "unexpected symbol");
}

/* suffixedexp: primaryexp { '.' NAME | '[' exp ']' | ':' NAME args | args } */
static void suffixed(LexState *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  primary(ls, v);
  for (;;) {
    expdesc key;
    switch (ls->t.token) {
      case '.':
        field_selector(ls, v);
        break;
      case '[':
        tyK_exp2anyregup(fs, v);
        bracket_key(ls, &key);
        tyK_indexed(fs, v, &key);
        break;
      case ':':
        tyX_next(ls);
        set_str(&key, name_token(ls));
        tyK_self(fs, v, &key);
        call_args(ls, v, line);
        break;
      case '(': case '{': case TK_STRING:
        tyK_exp2nextreg(fs, v);
        call_args(ls, v, line);
        break;
      default:
        return;
    }
  }
}

/* simpleexp: literals, '...', constructor, function, suffixedexp */
static void operand(LexState *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  switch (ls->t.token) {
    case TK_INT:
      set_exp(v, VKINT, 0);
      v->u.ival = ls->t.seminfo.i;
      break;
    case TK_FLT:
      set_exp(v, VKFLT, 0);
      v->u.nval = ls->t.seminfo.r;
      break;
    case TK_STRING:
      set_str(v, ls->t.seminfo.ts);
      break;
    case TK_NIL: set_exp(v, VNIL, 0); break;
    case TK_TRUE: set_exp(v, VTRUE, 0); break;
    case TK_FALSE: set_exp(v, VFALSE, 0); break;
    case TK_DOTS:
      if (!fs->f->is_vararg)
        tyX_syntaxerror(ls, "cannot use '...' outside a vararg function");
      set_exp(v, VVARARG, tyK_codeABC(fs, OP_VARARG, 0, 0, 1));
      break;
    case '{':
      constructor(ls, v);
      return;
    case TK_FUNCTION:
      tyX_next(ls);
      function_body(ls, v, 0, ls->linenumber);
      return;
    default:
      suffixed(ls, v);
      return;
  }
  tyX_next(ls);  /* the literal's token */
}

/* Binary operators by token.  'power' is how tightly the operator binds to
** its left (0: not a binary operator); the right operand is parsed with
** operators binding tighter than power - rassoc, so '..' and '^' group to
** the right and the rest to the left. */
typedef struct BinInfo {
  lu_byte op;  /* BinOpr */
  lu_byte power;
  lu_byte rassoc;
} BinInfo;

static const BinInfo bintab[TK_STRING + 1] = {
  [TK_OR] = {OPR_OR, 1, 0},
  [TK_AND] = {OPR_AND, 2, 0},
  ['<'] = {OPR_LT, 3, 0}, ['>'] = {OPR_GT, 3, 0},
  [TK_LE] = {OPR_LE, 3, 0}, [TK_GE] = {OPR_GE, 3, 0},
  [TK_NE] = {OPR_NE, 3, 0}, [TK_EQ] = {OPR_EQ, 3, 0},
  ['|'] = {OPR_BOR, 4, 0},
  ['~'] = {OPR_BXOR, 5, 0},
  ['&'] = {OPR_BAND, 6, 0},
  [TK_SHL] = {OPR_SHL, 7, 0}, [TK_SHR] = {OPR_SHR, 7, 0},
  [TK_CONCAT] = {OPR_CONCAT, 9, 1},
  ['+'] = {OPR_ADD, 10, 0}, ['-'] = {OPR_SUB, 10, 0},
  ['*'] = {OPR_MUL, 11, 0}, ['/'] = {OPR_DIV, 11, 0},
  [TK_IDIV] = {OPR_IDIV, 11, 0}, ['%'] = {OPR_MOD, 11, 0},
  ['^'] = {OPR_POW, 14, 1},
};

#define UNARY_POWER 12  /* unary operators bind tighter than all binary ones but '^' */

static UnOpr unary_op(int tok) {
  switch (tok) {
    case '-': return OPR_MINUS;
    case TK_NOT: return OPR_NOT;
    case '#': return OPR_LEN;
    case '~': return OPR_BNOT;
    default: return OPR_NOUNOPR;
  }
}

/* Parses an operand with its unary operators, then every binary operator
** that binds tighter than 'limit', each with its right side. */
static void subexpr(LexState *ls, expdesc *v, int limit) {
  UnOpr uop = unary_op(ls->t.token);
  descend(ls);
  if (uop == OPR_NOUNOPR)
    operand(ls, v);
  else {
    int line = ls->linenumber;
    tyX_next(ls);
    subexpr(ls, v, UNARY_POWER);
    tyK_prefix(ls->fs, uop, v, line);
  }
  for (;;) {
    const BinInfo *b = &bintab[ls->t.token];
    expdesc rhs;
    int line;
    if (b->power <= limit)
      break;
    line = ls->linenumber;
    tyX_next(ls);
    tyK_infix(ls->fs, (BinOpr)b->op, v);
    subexpr(ls, &rhs, b->power - b->rassoc);
    tyK_posfix(ls->fs, (BinOpr)b->op, v, &rhs, line);
  }
  ascend(ls);
}

static void expression(LexState *ls, expdesc *e) {
  subexpr(ls, e, 0);
}

/* ======================================================================
** 5. Statements
** ====================================================================== */

/* block: a statement list in a scope of its own */
static void block(LexState *ls) {
  Scope sc;
  open_scope(ls->fs, &sc, 0);
  statements(ls);
  close_scope(ls->fs);
}

/* A loop condition: returns the jumps taken when it is false. */
static int condition(LexState *ls) {
  expdesc c;
  expression(ls, &c);
  if (c.k == VNIL)
    c.k = VFALSE;  /* same jumps either way */
  tyK_goiftrue(ls->fs, &c);
  return c.f;
}

/* [IF | ELSEIF] cond THEN block; *exits collects the jumps to after 'end' */
static void cond_then_block(LexState *ls, int *exits) {
  FuncState *fs = ls->fs;
  Scope sc;
  expdesc c;
  int skip;  /* jumps over this branch */
  tyX_next(ls);
  expression(ls, &c);
  expect(ls, TK_THEN);
  if (ls->t.token != TK_BREAK) {
    tyK_goiftrue(fs, &c);
    open_scope(fs, &sc, 0);
    skip = c.f;
  } else {  /* 'if c then break': the true jumps of c are the break */
    int line = ls->linenumber;
    tyK_goiffalse(fs, &c);
    tyX_next(ls);
    open_scope(fs, &sc, 0);
    add_pending(ls, ls->brkn, line, c.t);
    while (accept(ls, ';')) {}
    if (block_ends(ls->t.token, 0)) {  /* nothing else in the branch */
      close_scope(fs);
      return;
    }
    skip = tyK_jump(fs);
  }
  statements(ls);
  close_scope(fs);
  if (ls->t.token == TK_ELSE || ls->t.token == TK_ELSEIF)
    tyK_concat(fs, exits, tyK_jump(fs));
  tyK_patchtohere(fs, skip);
}

static void if_stat(LexState *ls, int line) {
  int exits = NO_JUMP;
  do
    cond_then_block(ls, &exits);
  while (ls->t.token == TK_ELSEIF);
  if (accept(ls, TK_ELSE))
    block(ls);
  expect_closing(ls, TK_END, TK_IF, line);
  tyK_patchtohere(ls->fs, exits);
}

static void while_stat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  Scope loop;
  int top, exit;
  tyX_next(ls);
  top = tyK_getlabel(fs);
  exit = condition(ls);
  open_scope(fs, &loop, 1);
  expect(ls, TK_DO);
  block(ls);
  tyK_patchlist(fs, tyK_jump(fs), top);
  expect_closing(ls, TK_END, TK_WHILE, line);
  close_scope(fs);
  tyK_patchtohere(fs, exit);
}

/* repeat block until cond: the condition sees the body's locals */
static void repeat_stat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  int top = tyK_getlabel(fs);
  int again;  /* jumps back to the top */
  Scope loop, body;
  open_scope(fs, &loop, 1);
  open_scope(fs, &body, 0);
  tyX_next(ls);
  statements(ls);
  expect_closing(ls, TK_UNTIL, TK_REPEAT, line);
  again = condition(ls);
  close_scope(fs);
  if (body.captured) {  /* going round again must close the body's locals too */
    int out = tyK_jump(fs);
    tyK_patchtohere(fs, again);
    tyK_codeABC(fs, OP_CLOSE, body.varregs, 0, 0);
    again = tyK_jump(fs);
    tyK_patchtohere(fs, out);
  }
  tyK_patchlist(fs, again, top);
  close_scope(fs);
}

/* Points the Bx of the for-prep/for-loop at pc to dest (back: a backward jump). */
static void set_for_jump(FuncState *fs, int pc, int dest, int back) {
  int offset = back ? (pc + 1) - dest : dest - (pc + 1);
  if (l_unlikely(offset > MAXARG_Bx))
    tyX_syntaxerror(fs->ls, "control structure too long");
  SETARG_Bx(fs->f->code[pc], (unsigned int)offset);
}

/* DO block END of both for loops: the control values are at base; nvars
** declared variables follow them in a scope of their own. */
static void for_body(LexState *ls, int base, int line, int nvars, int generic) {
  FuncState *fs = ls->fs;
  Scope vars;
  int prep, loop;
  expect(ls, TK_DO);
  prep = tyK_codeABx(fs, generic ? OP_TFORPREP : OP_FORPREP, base, 0);
  open_scope(fs, &vars, 0);
  activate_locals(ls, nvars);
  tyK_reserveregs(fs, nvars);
  block(ls);
  close_scope(fs);
  set_for_jump(fs, prep, tyK_getlabel(fs), 0);
  if (generic) {
    tyK_codeABC(fs, OP_TFORCALL, base, 0, nvars);
    tyK_fixline(fs, line);
  }
  loop = tyK_codeABx(fs, generic ? OP_TFORLOOP : OP_FORLOOP, base, 0);
  set_for_jump(fs, loop, prep + 1, 1);
  tyK_fixline(fs, line);
}

/* One expression into the next register. */
static void next_reg_value(LexState *ls) {
  expdesc e;
  expression(ls, &e);
  tyK_exp2nextreg(ls->fs, &e);
}

/* NAME '=' exp ',' exp [',' exp] forbody */
static void numeric_for(LexState *ls, TString *name, int line) {
  FuncState *fs = ls->fs;
  int base = fs->freereg;
  int i;
  for (i = 0; i < 3; i++)  /* start/limit/step become the loop's hidden state */
    declare_literal(ls, "(for state)");
  declare_local(ls, name);
  expect(ls, '=');
  next_reg_value(ls);
  expect(ls, ',');
  next_reg_value(ls);
  if (accept(ls, ','))
    next_reg_value(ls);
  else {  /* step 1 */
    tyK_int(fs, fs->freereg, 1);
    tyK_reserveregs(fs, 1);
  }
  activate_locals(ls, 3);
  for_body(ls, base, line, 1, 0);
}

/* NAME {',' NAME} IN explist forbody */
static void generic_for(LexState *ls, TString *first) {
  FuncState *fs = ls->fs;
  int base = fs->freereg;
  int nvars = 1;
  int i, line;
  expdesc e;
  for (i = 0; i < 4; i++)  /* iterator, state, control, closing value */
    declare_literal(ls, "(for state)");
  declare_local(ls, first);
  while (accept(ls, ',')) {
    declare_local(ls, name_token(ls));
    nvars++;
  }
  expect(ls, TK_IN);
  line = ls->linenumber;
  i = expression_list(ls, &e);
  adjust_values(ls, 4, i, &e);
  activate_locals(ls, 4);
  mark_tbc(fs);  /* the closing value */
  tyK_checkstack(fs, 3);  /* calling the iterator needs three more registers */
  for_body(ls, base, line, nvars, 1);
}

static void for_stat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  Scope loop;  /* holds the hidden state; the loop's breaks land at its end */
  TString *first;
  open_scope(fs, &loop, 1);
  tyX_next(ls);
  first = name_token(ls);
  if (ls->t.token == '=')
    numeric_for(ls, first, line);
  else if (ls->t.token == ',' || ls->t.token == TK_IN)
    generic_for(ls, first);
  else
    tyX_syntaxerror(ls, "'=' or 'in' expected");
  expect_closing(ls, TK_END, TK_FOR, line);
  close_scope(fs);
}

static void do_stat(LexState *ls, int line) {
  tyX_next(ls);
  block(ls);
  expect_closing(ls, TK_END, TK_DO, line);
}

/* function funcname body, funcname: NAME {'.' NAME} [':' NAME] */
static void function_stat(LexState *ls, int line) {
  expdesc target, closure;
  int ismethod = 0;
  tyX_next(ls);
  variable(ls, &target);
  while (ls->t.token == '.')
    field_selector(ls, &target);
  if (ls->t.token == ':') {
    ismethod = 1;
    field_selector(ls, &target);
  }
  function_body(ls, &closure, ismethod, line);
  check_writable(ls, &target);
  tyK_storevar(ls->fs, &target, &closure);
  tyK_fixline(ls->fs, line);
}

/* local function NAME body: the name is in scope in the body (recursion) */
static void local_function(LexState *ls) {
  FuncState *fs = ls->fs;
  expdesc closure;
  int vidx = declare_local(ls, name_token(ls));
  activate_locals(ls, 1);
  function_body(ls, &closure, 0, ls->linenumber);
  fs->f->locvars[var_at(fs, vidx)->pidx].startpc = fs->pc;  /* debug scope: once the closure exists */
}

/* attrib: ['<' NAME '>'] */
static int attribute(LexState *ls) {
  const char *a;
  if (!accept(ls, '<'))
    return VDKREG;
  a = getstr(name_token(ls));
  expect(ls, '>');
  if (strcmp(a, "const") == 0)
    return RDKCONST;
  if (strcmp(a, "close") == 0)
    return RDKTOCLOSE;
  tyK_semerror(ls, tyO_pushfstring(ls->L, "unknown attribute '%s'", a));
}

/* local NAME attrib {',' NAME attrib} ['=' explist] */
static void local_stat(LexState *ls) {
  FuncState *fs = ls->fs;
  int nvars = 0;
  int tbc = -1;  /* vidx of the <close> variable */
  int last, nexps;
  Vardesc *vd;
  expdesc e;
  do {
    int kind;
    last = declare_local(ls, name_token(ls));
    kind = attribute(ls);
    var_at(fs, last)->kind = (lu_byte)kind;
    if (kind == RDKTOCLOSE) {
      if (tbc != -1)
        tyK_semerror(ls, "multiple to-be-closed variables in local list");
      tbc = last;
    }
    nvars++;
  } while (accept(ls, ','));
  if (accept(ls, '='))
    nexps = expression_list(ls, &e);
  else {
    e.k = VVOID;
    nexps = 0;
  }
  vd = var_at(fs, last);
  if (nvars == nexps && vd->kind == RDKCONST && tyK_exp2const(fs, &e, &vd->k)) {
    vd->kind = RDKCTC;  /* a compile-time constant takes no register */
    activate_locals(ls, nvars - 1);
    fs->nactvar++;
  } else {
    adjust_values(ls, nvars, nexps, &e);
    activate_locals(ls, nvars);
  }
  if (tbc != -1) {
    mark_tbc(fs);
    tyK_codeABC(fs, OP_TBC, var_at(fs, tbc)->ridx, 0, 0);
  }
}

static void local_stat_or_function(LexState *ls, int line) {
  tyX_next(ls);
  if (accept(ls, TK_FUNCTION))
    local_function(ls);
  else
    local_stat(ls);
}

/* return [explist] [';'] */
static void return_stat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  int first, n;
  expdesc e;
  tyX_next(ls);
  first = fs->varregs;
  if (block_ends(ls->t.token, 1) || ls->t.token == ';')
    n = 0;
  else {
    n = expression_list(ls, &e);
    if (hasmultret(e.k)) {
      tyK_setmultret(fs, &e);
      if (e.k == VCALL && n == 1 && !fs->scope->intbc)
        SET_OPCODE(getinstruction(fs, &e), OP_TAILCALL);
      n = LUA_MULTRET;
    } else if (n == 1)
      first = tyK_exp2anyreg(fs, &e);
    else
      tyK_exp2nextreg(fs, &e);  /* all values in consecutive registers from 'first' */
  }
  tyK_ret(fs, first, n);
  accept(ls, ';');
}

static void break_stat(LexState *ls, int line) {
  tyX_next(ls);
  add_pending(ls, ls->brkn, line, tyK_jump(ls->fs));
}

static void goto_stat(LexState *ls, int line) {
  tyX_next(ls);
  goto_statement(ls);
}

/* Pushes a copy of an assignment target on dyd->lhs. */
static void push_target(LexState *ls, const expdesc *t) {
  Dyndata *dyd = ls->dyd;
  tyM_growvector(ls->L, dyd->lhs.arr, dyd->lhs.n, dyd->lhs.size, expdesc, INT_MAX, "assignment targets");
  dyd->lhs.arr[dyd->lhs.n++] = *t;
}

/* Before a later target v (a local or an upvalue) is known to be assigned,
** the n earlier targets t[] that index with it as table or key are pointed
** at a copy of it, taken now, so the stores see the value before assignment. */
static void protect_targets(FuncState *fs, expdesc *t, int n, const expdesc *v) {
  int copy = fs->freereg;
  int used = 0;
  int i;
  for (i = 0; i < n; i++) {
    expdesc *d = &t[i];
    if (d->k == VINDEXUP) {
      if (v->k == VUPVAL && d->u.ind.t == v->u.info) {
        d->k = VINDEXSTR;  /* the table is now a register */
        d->u.ind.t = (lu_byte)copy;
        used = 1;
      }
    } else if (vkisindexed(d->k) && v->k == VLOCAL) {
      if (d->u.ind.t == v->u.var.ridx) {
        d->u.ind.t = (lu_byte)copy;
        used = 1;
      }
      if (d->k == VINDEXED && d->u.ind.idx == v->u.var.ridx) {
        d->u.ind.idx = (short)copy;
        used = 1;
      }
    }
  }
  if (!used)
    return;
  if (v->k == VLOCAL)
    tyK_codeABC(fs, OP_MOVE, copy, v->u.var.ridx, 0);
  else
    tyK_codeABC(fs, OP_GETUPVAL, copy, v->u.info, 0);
  tyK_reserveregs(fs, 1);
}

/*
** target {',' target} '=' explist, the first target already parsed.  The
** targets are parsed left to right onto dyd->lhs (entries addressed by index:
** nested functions in them push too and may move the array); the values then
** go to registers and are stored from the last target back to the first.
*/
static void assignment(LexState *ls, const expdesc *first) {
  FuncState *fs = ls->fs;
  Dyndata *dyd = ls->dyd;
  int base = dyd->lhs.n;
  int n = 1;
  int nexps;
  expdesc e;
  push_target(ls, first);
  for (;;) {
    expdesc *t = &dyd->lhs.arr[base + n - 1];
    if (!vkisvar(t->k))
      tyX_syntaxerror(ls, "syntax error");
    check_writable(ls, t);
    if (!accept(ls, ','))
      break;
    suffixed(ls, &e);
    if (!vkisindexed(e.k))
      protect_targets(fs, &dyd->lhs.arr[base], n, &e);
    push_target(ls, &e);
    descend(ls);  /* each further target is one more syntax level */
    n++;
  }
  expect(ls, '=');
  nexps = expression_list(ls, &e);
  ls->L->nCcalls -= n - 1;
  if (nexps == n) {  /* the last value is stored straight from e */
    tyK_setoneret(fs, &e);
    tyK_storevar(fs, &dyd->lhs.arr[base + n - 1], &e);
    n--;
  } else
    adjust_values(ls, n, nexps, &e);
  while (n > 0) {  /* the others take the value on top of the stack */
    expdesc top;
    set_exp(&top, VNONRELOC, fs->freereg - 1);
    tyK_storevar(fs, &dyd->lhs.arr[base + --n], &top);
  }
  dyd->lhs.n = base;
}

/* exprstat: a function call or an assignment */
static void expr_statement(LexState *ls) {
  FuncState *fs = ls->fs;
  expdesc e;
  suffixed(ls, &e);
  if (ls->t.token == '=' || ls->t.token == ',')
    assignment(ls, &e);
  else {
    if (e.k != VCALL)
      tyX_syntaxerror(ls, "syntax error");
    SETARG_C(getinstruction(fs, &e), 1);  /* a call statement keeps no results */
  }
}

typedef void (*KeywordStat)(LexState *ls, int line);

/* statements that start with a reserved word (indexed by token - FIRST_RESERVED) */
static const KeywordStat keyword_stat[NUM_RESERVED] = {
  [TK_IF - FIRST_RESERVED] = if_stat,
  [TK_WHILE - FIRST_RESERVED] = while_stat,
  [TK_DO - FIRST_RESERVED] = do_stat,
  [TK_FOR - FIRST_RESERVED] = for_stat,
  [TK_REPEAT - FIRST_RESERVED] = repeat_stat,
  [TK_FUNCTION - FIRST_RESERVED] = function_stat,
  [TK_LOCAL - FIRST_RESERVED] = local_stat_or_function,
  [TK_RETURN - FIRST_RESERVED] = return_stat,
  [TK_BREAK - FIRST_RESERVED] = break_stat,
  [TK_GOTO - FIRST_RESERVED] = goto_stat,
};

static void statement(LexState *ls) {
  int line = ls->linenumber;
  int tok = ls->t.token;
  KeywordStat handler = NULL;
  descend(ls);
  if (tok >= FIRST_RESERVED && tok < FIRST_RESERVED + NUM_RESERVED)
    handler = keyword_stat[tok - FIRST_RESERVED];
  if (handler != NULL)
    handler(ls, line);
  else if (tok == ';')
    tyX_next(ls);
  else if (tok == TK_DBCOLON) {
    tyX_next(ls);
    label_statement(ls, name_token(ls), line);
  } else
    expr_statement(ls);
  ls->fs->freereg = ls->fs->varregs;  /* temporaries do not outlive a statement */
  ascend(ls);
}

/* statlist: statements up to the end of the block; 'return' must be last */
static void statements(LexState *ls) {
  while (!block_ends(ls->t.token, 1)) {
    int isreturn = (ls->t.token == TK_RETURN);
    statement(ls);
    if (isreturn)
      break;
  }
}

/* ======================================================================
** Entry points
** ====================================================================== */

/* The main function: vararg, with _ENV as its only upvalue. */
static void main_function(LexState *ls, FuncState *fs) {
  Scope sc;
  open_function(ls, fs, &sc);
  make_vararg(fs, 0);
  add_upvalue(fs, ls->envn, 1, 0, VDKREG);
  tyX_next(ls);  /* the first token */
  statements(ls);
  require(ls, TK_EOS);
  close_function(ls);
}

/* Pushes o (a collectable the compiler is building) so the collector keeps it. */
#define anchor(L, setter, o) { setter(L, L->top, o); tyD_inctop(L); }

/* Compiles a text chunk; leaves the main closure on the stack. */
static LClosure *compile(lua_State *L, ZIO *z, Mbuffer *buff, Dyndata *dyd, const char *name, int firstchar) {
  LexState ls;
  FuncState fs;
  TString *source;
  LClosure *cl = tyF_newLclosure(L, 1);
  anchor(L, setclLvalue, cl);
  ls.h = tyH_new(L);  /* the lexer's string/constant table */
  anchor(L, sethvalue, ls.h);
  cl->p = fs.f = tyF_newproto(L);
  tyC_objbarrier(L, cl, cl->p);
  source = tyS_newlstr(L, name, strlen(name));
  fs.f->source = source;
  tyC_objbarrier(L, fs.f, source);
  ls.buff = buff;
  ls.dyd = dyd;
  dyd->actvar.n = dyd->gt.n = dyd->label.n = dyd->lhs.n = 0;
  tyX_setinput(L, &ls, z, source, firstchar);
  ls.brkn = tyX_newstring(&ls, "break", 5);
  main_function(&ls, &fs);
  L->top--;  /* the table; the closure stays */
  return cl;
}

/* what tyY_protectedparser hands to its protected call */
typedef struct LoadJob {
  ZIO *z;
  const char *name;
  const char *mode;
  Mbuffer buff;
  Dyndata dyd;
} LoadJob;

static void refuse_unless(lua_State *L, const char *mode, const char *kind) {
  if (mode != NULL && strchr(mode, kind[0]) == NULL) {
    tyO_pushfstring(L, "attempt to load a %s chunk (mode is '%s')", kind, mode);
    tyD_throw(L, LUA_ERRSYNTAX);
  }
}

static void load_job(lua_State *L, void *ud) {
  LoadJob *job = (LoadJob *)ud;
  LClosure *cl;
  int c = zgetc(job->z);
  if (c == LUA_SIGNATURE[0]) {
    refuse_unless(L, job->mode, "binary");
    job->z->p--;  /* undump reads the signature from its first byte */
    job->z->n++;
    cl = tyU_undump(L, job->z, job->name);
  } else {
    refuse_unless(L, job->mode, "text");
    cl = compile(L, job->z, &job->buff, &job->dyd, job->name, c);
  }
  tyF_initupvals(L, cl);
}

int tyY_protectedparser(lua_State *L, ZIO *z, const char *name, const char *mode) {
  LoadJob job;
  unsigned int ccalls = L->nCcalls;  /* a syntax error leaves levels unbalanced */
  int status;
  memset(&job, 0, sizeof job);
  job.z = z;
  job.name = name;
  job.mode = mode;
  L->nny++;  /* compiling cannot yield */
  status = tyD_pcall(L, load_job, &job, savestack(L, L->top), L->errfunc);
  tyM_freemem(L, job.buff.buffer, job.buff.size);
  tyM_freearray(L, job.dyd.actvar.arr, (size_t)job.dyd.actvar.size);
  tyM_freearray(L, job.dyd.gt.arr, (size_t)job.dyd.gt.size);
  tyM_freearray(L, job.dyd.label.arr, (size_t)job.dyd.label.size);
  tyM_freearray(L, job.dyd.lhs.arr, (size_t)job.dyd.lhs.size);
  L->nCcalls = ccalls;
  L->nny--;
  return status;
}
