/* lex.h: the lexical analyzer (tyX_): tokens, the scanner state shared with the parser. */
#ifndef TY_LEX_H
#define TY_LEX_H

#include <limits.h>
#include "zio.h"

#define FIRST_RESERVED (UCHAR_MAX + 1)

/* single-char tokens are their own char code; the rest follow.
** ORDER RESERVED: keep tyX_tokens (lex.c) in this order. */
enum RESERVED {
  TK_AND = FIRST_RESERVED, TK_BREAK, TK_DO, TK_ELSE, TK_ELSEIF, TK_END,
  TK_FALSE, TK_FOR, TK_FUNCTION, TK_GOTO, TK_IF, TK_IN, TK_LOCAL, TK_NIL,
  TK_NOT, TK_OR, TK_REPEAT, TK_RETURN, TK_THEN, TK_TRUE, TK_UNTIL, TK_WHILE,
  /* other terminal symbols */
  TK_IDIV, TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE,
  TK_SHL, TK_SHR, TK_DBCOLON, TK_EOS,
  TK_FLT, TK_INT, TK_NAME, TK_STRING
};

#define NUM_RESERVED ((int)(TK_WHILE - FIRST_RESERVED + 1))

typedef union {
  lua_Number r;
  lua_Integer i;
  TString *ts;
} SemInfo;

typedef struct Token {
  int token;
  SemInfo seminfo;
} Token;

/* growable byte buffer (token text); freed by tyY_protectedparser */
typedef struct Mbuffer {
  char *buffer;
  size_t n;
  size_t size;
} Mbuffer;

struct FuncState;
struct Dyndata;

typedef struct LexState {
  int current;          /* current character */
  int linenumber;
  int lastline;         /* line of the last token consumed */
  Token t;              /* current token */
  Token lookahead;      /* TK_EOS when none */
  struct FuncState *fs; /* function being compiled */
  lua_State *L;
  ZIO *z;
  Mbuffer *buff;
  Table *h;             /* anchors strings and maps constants to indexes (lives on the stack) */
  struct Dyndata *dyd;  /* active variables, gotos and labels */
  TString *source;
  TString *envn;        /* "_ENV" */
  TString *brkn;        /* "break" (name of the implicit loop-exit label) */
} LexState;

void tyX_setinput(lua_State *L, LexState *ls, ZIO *z, TString *source, int firstchar);
TString *tyX_newstring(LexState *ls, const char *str, size_t l);
void tyX_next(LexState *ls);
int tyX_lookahead(LexState *ls);
l_noret tyX_syntaxerror(LexState *ls, const char *msg);
const char *tyX_token2str(LexState *ls, int token);

#endif
