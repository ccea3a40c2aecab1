/* lex.c: the lexical analyzer: turns a character stream into Lua 5.4 tokens. */
#include <string.h>
#include "lex.h"
#include "code.h"
#include "parse.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../vm/debug.h"
#include "../vm/do.h"

#define next(ls) ((ls)->current = zgetc((ls)->z))
#define currIsNewline(ls) ((ls)->current == '\n' || (ls)->current == '\r')

/* ORDER RESERVED */
static const char *const tyX_tokens[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
  "true", "until", "while",
  "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
  "<number>", "<integer>", "<name>", "<string>"
};

_Static_assert(sizeof(tyX_tokens) / sizeof(tyX_tokens[0]) == TK_STRING - FIRST_RESERVED + 1,
               "tyX_tokens out of sync with enum RESERVED");

/* locale-independent ASCII classes (c may be EOZ) */
#define lisdigit(c)  ((unsigned)(c) - '0' < 10u)
#define lisxdigit(c) (lisdigit(c) || ((unsigned)(c) | 0x20) - 'a' < 6u)
#define lislalpha(c) (((unsigned)(c) | 0x20) - 'a' < 26u || (c) == '_')
#define lislalnum(c) (lislalpha(c) || lisdigit(c))
#define lisspace(c)  ((c) == ' ' || ((unsigned)(c) - '\t' < 5u))  /* \t \n \v \f \r */
#define lisprint(c)  ((unsigned)(c) - 32u < 95u)

#define MAXBUFF ((size_t)1 << 30)  /* "lexical element too long" past this */

static l_noret lexerror(LexState *ls, const char *msg, int token);

static void save(LexState *ls, int c) {
  Mbuffer *b = ls->buff;
  if (b->n + 1 > b->size) {
    size_t newsize;
    if (b->size >= MAXBUFF / 2)
      lexerror(ls, "lexical element too long", 0);
    newsize = b->size < 32 ? 32 : b->size * 2;
    b->buffer = (char *)tyM_saferealloc_(ls->L, b->buffer, b->size, newsize);
    b->size = newsize;
  }
  b->buffer[b->n++] = (char)c;
}

#define save_and_next(ls) (save(ls, (ls)->current), next(ls))

void tyX_init(lua_State *L) {
  int i;
  TString *e = tyS_newliteral(L, "_ENV");  /* always needed by the parser */
  tyC_fix(L, obj2gco(e));
  for (i = 0; i < NUM_RESERVED; i++) {
    TString *ts = tyS_new(L, tyX_tokens[i]);
    tyC_fix(L, obj2gco(ts));
    ts->extra = (lu_byte)(i + 1);
  }
}

const char *tyX_token2str(LexState *ls, int token) {
  if (token < FIRST_RESERVED) {
    if (lisprint(token))
      return tyO_pushfstring(ls->L, "'%c'", token);
    return tyO_pushfstring(ls->L, "'<\\%d>'", token);
  } else {
    const char *s = tyX_tokens[token - FIRST_RESERVED];
    if (token < TK_EOS)
      return tyO_pushfstring(ls->L, "'%s'", s);
    return s;
  }
}

static const char *txtToken(LexState *ls, int token) {
  switch (token) {
    case TK_NAME: case TK_STRING: case TK_FLT: case TK_INT:
      save(ls, '\0');
      return tyO_pushfstring(ls->L, "'%s'", ls->buff->buffer);
    default:
      return tyX_token2str(ls, token);
  }
}

static l_noret lexerror(LexState *ls, const char *msg, int token) {
  msg = tyG_addinfo(ls->L, msg, ls->source, ls->linenumber);
  if (token)
    tyO_pushfstring(ls->L, "%s near %s", msg, txtToken(ls, token));
  tyD_throw(ls->L, LUA_ERRSYNTAX);
}

l_noret tyX_syntaxerror(LexState *ls, const char *msg) {
  lexerror(ls, msg, ls->t.token);
}

/* Interns a string and anchors it in ls->h (kept until the end of the
** compilation); returns the anchored copy so equal long strings share one object. */
TString *tyX_newstring(LexState *ls, const char *str, size_t l) {
  lua_State *L = ls->L;
  TString *ts = tyS_newlstr(L, str, l);
  const TValue *o = tyH_getstr(ls->h, ts);
  if (!ttisnil(o))
    return tsvalue(gkey((Node *)((char *)o - offsetof(Node, i_val))));  /* the anchored key */
  else {
    TValue *top = L->top;
    TValue key, val;
    setsvalue(L, top, ts);  /* anchor while inserting */
    L->top++;
    setsvalue(L, &key, ts);
    setbtvalue(&val);
    tyH_finishset(L, ls->h, &key, o, &val);
    tyC_barrierback(L, obj2gco(ls->h), &key);
    L->top--;
    return ts;
  }
}

static void inclinenumber(LexState *ls) {
  int old = ls->current;
  next(ls);  /* skip '\n' or '\r' */
  if (currIsNewline(ls) && ls->current != old)
    next(ls);  /* skip '\n\r' or '\r\n' */
  if (++ls->linenumber >= INT_MAX)
    lexerror(ls, "chunk has too many lines", 0);
}

void tyX_setinput(lua_State *L, LexState *ls, ZIO *z, TString *source, int firstchar) {
  ls->t.token = 0;
  ls->L = L;
  ls->current = firstchar;
  ls->lookahead.token = TK_EOS;
  ls->z = z;
  ls->fs = NULL;
  ls->linenumber = 1;
  ls->lastline = 1;
  ls->source = source;
  ls->envn = tyS_newliteral(L, "_ENV");  /* fixed by tyX_init */
  ls->buff->n = 0;
}

static int check_next1(LexState *ls, int c) {
  if (ls->current == c) {
    next(ls);
    return 1;
  }
  return 0;
}

/* saves and skips current if it is one of the two chars in set */
static int check_next2(LexState *ls, const char *set) {
  if (ls->current == set[0] || ls->current == set[1]) {
    save_and_next(ls);
    return 1;
  }
  return 0;
}


static int read_numeral(LexState *ls, SemInfo *seminfo) {
  TValue obj;
  const char *expo = "Ee";
  int first = ls->current;
  save_and_next(ls);
  if (first == '0' && check_next2(ls, "xX"))
    expo = "Pp";
  for (;;) {
    if (check_next2(ls, expo))
      check_next2(ls, "-+");  /* optional exponent sign */
    else if (lisxdigit(ls->current) || ls->current == '.')
      save_and_next(ls);
    else
      break;
  }
  if (lislalpha(ls->current))  /* numeral touching a letter: force an error */
    save_and_next(ls);
  save(ls, '\0');
  if (tyO_str2num(ls->buff->buffer, &obj) == 0)
    lexerror(ls, "malformed number", TK_FLT);
  if (ttisinteger(&obj)) {
    seminfo->i = ivalue(&obj);
    return TK_INT;
  }
  seminfo->r = fltvalue(&obj);
  return TK_FLT;
}

/* Reads '[' '='* '[' or ']' '='* ']': returns level + 2 (level = number of
** '=') when well formed, 1 for a lone bracket, 0 for '[=...' without the second one. */
static size_t skip_sep(LexState *ls) {
  size_t count = 0;
  int s = ls->current;
  save_and_next(ls);
  while (ls->current == '=') {
    save_and_next(ls);
    count++;
  }
  return (ls->current == s) ? count + 2 : (count == 0) ? 1 : 0;
}

static void read_long_string(LexState *ls, SemInfo *seminfo, size_t sep) {
  int line = ls->linenumber;
  save_and_next(ls);  /* second '[' */
  if (currIsNewline(ls))
    inclinenumber(ls);  /* a first newline is skipped */
  for (;;) {
    switch (ls->current) {
      case EOZ: {
        const char *what = seminfo ? "string" : "comment";
        const char *msg = tyO_pushfstring(ls->L, "unfinished long %s (starting at line %d)", what, line);
        lexerror(ls, msg, TK_EOS);
        break;
      }
      case ']':
        if (skip_sep(ls) == sep) {
          save_and_next(ls);  /* second ']' */
          goto done;
        }
        break;
      case '\n': case '\r':
        save(ls, '\n');
        inclinenumber(ls);
        if (!seminfo) ls->buff->n = 0;  /* comments need no text */
        break;
      default:
        if (seminfo) save_and_next(ls);
        else next(ls);
    }
  }
done:
  if (seminfo)
    seminfo->ts = tyX_newstring(ls, ls->buff->buffer + sep, ls->buff->n - 2 * sep);
}

static void esccheck(LexState *ls, int c, const char *msg) {
  if (!c) {
    if (ls->current != EOZ)
      save_and_next(ls);  /* show the offending char */
    lexerror(ls, msg, TK_STRING);
  }
}

static int gethexa(LexState *ls) {
  save_and_next(ls);
  esccheck(ls, lisxdigit(ls->current), "hexadecimal digit expected");
  return tyO_hexavalue(ls->current);
}

static int readhexaesc(LexState *ls) {
  int r = gethexa(ls);
  r = (r << 4) + gethexa(ls);
  ls->buff->n -= 2;  /* drop 'x' and first digit from the buffer */
  return r;
}

static unsigned long readutf8esc(LexState *ls) {
  unsigned long r;
  int i = 4;  /* chars to remove: '\', 'u', '{', first digit */
  save_and_next(ls);  /* 'u' */
  esccheck(ls, ls->current == '{', "missing '{' in \\u{xxxx}");
  r = (unsigned long)gethexa(ls);
  while (save_and_next(ls), lisxdigit(ls->current)) {
    i++;
    esccheck(ls, r <= (0x7FFFFFFFu >> 4), "UTF-8 value too large");
    r = (r << 4) + (unsigned long)tyO_hexavalue(ls->current);
  }
  esccheck(ls, ls->current == '}', "missing '}' in \\u{xxxx}");
  next(ls);  /* skip '}' */
  ls->buff->n -= (size_t)i;
  return r;
}

static void utf8esc(LexState *ls) {
  char buff[UTF8BUFFSZ];
  int n = tyO_utf8esc(buff, readutf8esc(ls));
  for (; n > 0; n--)
    save(ls, buff[UTF8BUFFSZ - n]);
}

static int readdecesc(LexState *ls) {
  int i, r = 0;
  for (i = 0; i < 3 && lisdigit(ls->current); i++) {
    r = 10 * r + ls->current - '0';
    save_and_next(ls);
  }
  esccheck(ls, r <= UCHAR_MAX, "decimal escape too large");
  ls->buff->n -= (size_t)i;
  return r;
}

static void read_string(LexState *ls, int del, SemInfo *seminfo) {
  save_and_next(ls);  /* opening delimiter */
  while (ls->current != del) {
    switch (ls->current) {
      case EOZ:
        lexerror(ls, "unfinished string", TK_EOS);
        break;
      case '\n': case '\r':
        lexerror(ls, "unfinished string", TK_STRING);
        break;
      case '\\': {
        int c;
        save_and_next(ls);  /* keep '\' for error messages */
        switch (ls->current) {
          case 'a': c = '\a'; goto read_save;
          case 'b': c = '\b'; goto read_save;
          case 'f': c = '\f'; goto read_save;
          case 'n': c = '\n'; goto read_save;
          case 'r': c = '\r'; goto read_save;
          case 't': c = '\t'; goto read_save;
          case 'v': c = '\v'; goto read_save;
          case 'x': c = readhexaesc(ls); goto read_save;
          case 'u': utf8esc(ls); goto no_save;
          case '\n': case '\r':
            inclinenumber(ls);
            c = '\n';
            goto only_save;
          case '\\': case '\"': case '\'':
            c = ls->current;
            goto read_save;
          case EOZ: goto no_save;  /* reported at the loop's next turn */
          case 'z': {
            ls->buff->n--;  /* drop '\' */
            next(ls);
            while (lisspace(ls->current)) {
              if (currIsNewline(ls)) inclinenumber(ls);
              else next(ls);
            }
            goto no_save;
          }
          default:
            esccheck(ls, lisdigit(ls->current), "invalid escape sequence");
            c = readdecesc(ls);
            goto only_save;
        }
      read_save:
        next(ls);
        /* FALLTHROUGH */
      only_save:
        ls->buff->n--;  /* drop '\' */
        save(ls, c);
        /* FALLTHROUGH */
      no_save:
        break;
      }
      default:
        save_and_next(ls);
    }
  }
  save_and_next(ls);  /* closing delimiter */
  seminfo->ts = tyX_newstring(ls, ls->buff->buffer + 1, ls->buff->n - 2);
}

static int llex(LexState *ls, SemInfo *seminfo) {
  ls->buff->n = 0;
  for (;;) {
    switch (ls->current) {
      case '\n': case '\r':
        inclinenumber(ls);
        break;
      case ' ': case '\f': case '\t': case '\v':
        next(ls);
        break;
      case '-': {
        next(ls);
        if (ls->current != '-') return '-';
        next(ls);  /* a comment */
        if (ls->current == '[') {
          size_t sep = skip_sep(ls);
          ls->buff->n = 0;
          if (sep >= 2) {
            read_long_string(ls, NULL, sep);
            ls->buff->n = 0;
            break;
          }
        }
        while (!currIsNewline(ls) && ls->current != EOZ)
          next(ls);
        break;
      }
      case '[': {
        size_t sep = skip_sep(ls);
        if (sep >= 2) {
          read_long_string(ls, seminfo, sep);
          return TK_STRING;
        } else if (sep == 0)
          lexerror(ls, "invalid long string delimiter", TK_STRING);
        return '[';
      }
      case '=':
        next(ls);
        return check_next1(ls, '=') ? TK_EQ : '=';
      case '<':
        next(ls);
        if (check_next1(ls, '=')) return TK_LE;
        if (check_next1(ls, '<')) return TK_SHL;
        return '<';
      case '>':
        next(ls);
        if (check_next1(ls, '=')) return TK_GE;
        if (check_next1(ls, '>')) return TK_SHR;
        return '>';
      case '/':
        next(ls);
        return check_next1(ls, '/') ? TK_IDIV : '/';
      case '~':
        next(ls);
        return check_next1(ls, '=') ? TK_NE : '~';
      case ':':
        next(ls);
        return check_next1(ls, ':') ? TK_DBCOLON : ':';
      case '"': case '\'':
        read_string(ls, ls->current, seminfo);
        return TK_STRING;
      case '.':
        save_and_next(ls);
        if (check_next1(ls, '.')) {
          if (check_next1(ls, '.')) return TK_DOTS;
          return TK_CONCAT;
        }
        if (!lisdigit(ls->current)) return '.';
        return read_numeral(ls, seminfo);
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return read_numeral(ls, seminfo);
      case EOZ:
        return TK_EOS;
      default:
        if (lislalpha(ls->current)) {
          TString *ts;
          do {
            save_and_next(ls);
          } while (lislalnum(ls->current));
          ts = tyX_newstring(ls, ls->buff->buffer, ls->buff->n);
          seminfo->ts = ts;
          if (isreserved(ts))
            return ts->extra - 1 + FIRST_RESERVED;
          return TK_NAME;
        } else {
          int c = ls->current;
          next(ls);
          return c;
        }
    }
  }
}

void tyX_next(LexState *ls) {
  ls->lastline = ls->linenumber;
  if (ls->lookahead.token != TK_EOS) {
    ls->t = ls->lookahead;
    ls->lookahead.token = TK_EOS;
  } else
    ls->t.token = llex(ls, &ls->t.seminfo);
}

int tyX_lookahead(LexState *ls) {
  ls->lookahead.token = llex(ls, &ls->lookahead.seminfo);
  return ls->lookahead.token;
}
