/* listing.c: human-readable bytecode listings (luac -l style) for debugging the compiler and VM. */
#include <stdio.h>
#include "code.h"

static void printconst(const TValue *o, FILE *out) {
  switch (ttypetag(o)) {
    case TY_VNIL: fputs("nil", out); break;
    case TY_VFALSE: fputs("false", out); break;
    case TY_VTRUE: fputs("true", out); break;
    case TY_VNUMINT: fprintf(out, LUA_INTEGER_FMT, ivalue(o)); break;
    case TY_VNUMFLT: fprintf(out, "%.17gf", fltvalue(o)); break;
    case TY_VSHRSTR: case TY_VLNGSTR: {
      const char *s = svalue(o);
      size_t i, n = vslen(o);
      fputc('"', out);
      for (i = 0; i < n && i < 60; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c >= 32 && c < 127) fputc(c, out);
        else fprintf(out, "\\%d", c);
      }
      fputs(i < n ? "\"..." : "\"", out);
      break;
    }
    default: fputs("?", out);
  }
}

static void printk(const Proto *f, int k, FILE *out) {
  fputs("  ; ", out);
  if (k >= 0 && k < f->sizek) printconst(&f->k[k], out);
  else fputs("<bad k>", out);
}

static void printcode(const Proto *f, FILE *out) {
  int pc;
  for (pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    OpCode op = GET_OPCODE(i);
    int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i), k = GETARG_k(i);
    int line = (f->lineinfo && pc < f->sizelineinfo) ? f->lineinfo[pc] : -1;
    if ((int)op >= NUM_OPCODES) {
      fprintf(out, "\t%d\t[%d]\t<invalid %08x>\n", pc + 1, line, (unsigned)i);
      continue;
    }
    fprintf(out, "\t%d\t[%d]\t%-12s", pc + 1, line, tyP_opnames[op]);
    switch ((enum OpMode)tyP_opmodes[op]) {
      case iABC: fprintf(out, "%d %d %d%s", a, b, c, k ? "k" : ""); break;
      case iABx: fprintf(out, "%d %d", a, GETARG_Bx(i)); break;
      case iAsBx: fprintf(out, "%d %d", a, GETARG_sBx(i)); break;
      case iAx: fprintf(out, "%d", GETARG_Ax(i)); break;
      case isJ: fprintf(out, "%d\t; to %d", GETARG_sJ(i), pc + 2 + GETARG_sJ(i)); break;
    }
    switch (op) {
      case OP_LOADK: printk(f, GETARG_Bx(i), out); break;
      case OP_GETTABUP: case OP_GETFIELD: case OP_ADDK: case OP_SUBK: case OP_MULK:
      case OP_MODK: case OP_POWK: case OP_DIVK: case OP_IDIVK: case OP_BANDK:
      case OP_BORK: case OP_BXORK:
        printk(f, c, out); break;
      case OP_SETTABUP: case OP_SETFIELD:
        printk(f, b, out);
        if (k) printk(f, c, out);
        break;
      case OP_SETTABLE: case OP_SETI: case OP_SELF:
        if (k) printk(f, c, out);
        break;
      case OP_EQK: printk(f, b, out); break;
      case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
        fprintf(out, "  ; %d", sC2int(b)); break;
      case OP_ADDI: case OP_SHRI: case OP_SHLI:
        fprintf(out, "  ; %d", sC2int(c)); break;
      case OP_FORPREP: fprintf(out, "  ; exit to %d", pc + GETARG_Bx(i) + 3); break;
      case OP_TFORPREP: fprintf(out, "  ; to %d", pc + GETARG_Bx(i) + 2); break;
      case OP_FORLOOP: case OP_TFORLOOP: fprintf(out, "  ; to %d", pc + 2 - GETARG_Bx(i)); break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        if (b < f->sizeupvalues && f->upvalues[b].name)
          fprintf(out, "  ; %s", getstr(f->upvalues[b].name));
        break;
      default: break;
    }
    fputc('\n', out);
  }
}

void tyK_list(const Proto *f, FILE *out) {
  int i;
  fprintf(out, "\n%s <%s:%d,%d> (%d instructions)\n",
          f->linedefined == 0 ? "main" : "function",
          f->source ? getstr(f->source) : "=?", f->linedefined, f->lastlinedefined, f->sizecode);
  fprintf(out, "%d%s params, %d slots, %d upvalues, %d locals, %d constants, %d functions\n",
          f->numparams, f->is_vararg ? "+" : "", f->maxstacksize, f->sizeupvalues,
          f->sizelocvars, f->sizek, f->sizep);
  printcode(f, out);
  for (i = 0; i < f->sizek; i++) {
    fprintf(out, "\tk%d\t", i);
    printconst(&f->k[i], out);
    fputc('\n', out);
  }
  for (i = 0; i < f->sizelocvars; i++)
    fprintf(out, "\tlocal %d\t%s\t%d\t%d\n", i,
            f->locvars[i].varname ? getstr(f->locvars[i].varname) : "?",
            f->locvars[i].startpc + 1, f->locvars[i].endpc + 1);
  for (i = 0; i < f->sizeupvalues; i++)
    fprintf(out, "\tupvalue %d\t%s\t%d\t%d\t%d\n", i,
            f->upvalues[i].name ? getstr(f->upvalues[i].name) : "-",
            f->upvalues[i].instack, f->upvalues[i].idx, f->upvalues[i].kind);
  for (i = 0; i < f->sizep; i++)
    tyK_list(f->p[i], out);
}
