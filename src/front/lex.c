/* lex.c: the scanner: turns the characters of a chunk into Lua 5.4 tokens for the parser. */
#include "lex.h"
#include "parse.h"
#include "../core/gc.h"
#include "../core/mem.h"
#include "../core/str.h"
#include "../core/tab.h"
#include "../vm/debug.h"
#include "../vm/do.h"

/*
** Design note.
**
** The scanner keeps one character of lookahead in ls->current (EOZ once the
** stream is exhausted); advance() replaces it by the next one.  Each call of
** scan() skips blanks and comments and produces one token.
**
** scan() starts by emptying ls->buff, which then collects the token's text
** in the form the error messages quote it ("... near '<text>'"):
**   name                 its characters
**   numeral              its characters, then a '\0' for tyO_str2num
**   short string         both quotes around the DECODED contents
**   long string          both brackets around the contents, line breaks
**                        turned into '\n'
** Only tokens of those four kinds show their text; any other token is shown
** by tyX_token2str.  While an escape sequence is read its raw characters go
** to the buffer as well (from a mark where its backslash sits), so that a
** malformed one is quoted as written, up to and including the character at
** fault.  A well-formed one is cut back to the mark and replaced by the byte
** or bytes it stands for.  Blanks and comments never touch the buffer.
**
** Character classes come from one table indexed by c + 1, so that EOZ (-1)
** is a valid index with no class.  Names are made of ASCII letters, digits
** and '_' only, whatever the C locale says.
*/

#define advance(ls) ((ls)->current = zgetc((ls)->z))

/* ---- character classes ---- */

enum {
  CH_DIGIT  = 1,   /* 0-9 */
  CH_XDIGIT = 2,   /* 0-9 a-f A-F */
  CH_IDENT  = 4,   /* may start a name: a-z A-Z _ */
  CH_SPACE  = 8,   /* ' ' \t \n \v \f \r */
  CH_PRINT  = 16   /* printable ASCII, ' ' to '~' */
};

#define CH_NUMERAL (CH_DIGIT | CH_XDIGIT | CH_PRINT)
#define CH_HEXLET  (CH_XDIGIT | CH_IDENT | CH_PRINT)
#define CH_LETTER  (CH_IDENT | CH_PRINT)

/* the ranges are disjoint: each character is listed once, with all its classes */
static const lu_byte char_class[UCHAR_MAX + 2] = {
  [1 + '\t' ... 1 + '\r'] = CH_SPACE,
  [1 + ' ']               = CH_SPACE | CH_PRINT,
  [1 + '!' ... 1 + '/']   = CH_PRINT,
  [1 + '0' ... 1 + '9']   = CH_NUMERAL,
  [1 + ':' ... 1 + '@']   = CH_PRINT,
  [1 + 'A' ... 1 + 'F']   = CH_HEXLET,
  [1 + 'G' ... 1 + 'Z']   = CH_LETTER,
  [1 + '[' ... 1 + '^']   = CH_PRINT,
  [1 + '_']               = CH_LETTER,
  [1 + '`']               = CH_PRINT,
  [1 + 'a' ... 1 + 'f']   = CH_HEXLET,
  [1 + 'g' ... 1 + 'z']   = CH_LETTER,
  [1 + '{' ... 1 + '~']   = CH_PRINT,
};

/* c is a character (0..UCHAR_MAX) or EOZ */
#define has_class(c, cls) (char_class[(c) + 1] & (cls))
#define is_linebreak(c)   ((c) == '\n' || (c) == '\r')

static int hex_value(int c) {
  return has_class(c, CH_DIGIT) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* ---- token names (order of enum RESERVED) ---- */

static const char *const tyX_tokens[] = {
  /* reserved words, numbered 1.. in TString.extra */
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
  "true", "until", "while",
  /* multi-character symbols */
  "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::",
  /* token classes: shown without quotes */
  "<eof>", "<number>", "<integer>", "<name>", "<string>"
};

_Static_assert(sizeof(tyX_tokens) / sizeof(tyX_tokens[0]) == TK_STRING - FIRST_RESERVED + 1,
               "tyX_tokens out of sync with enum RESERVED");

void tyX_init(lua_State *L) {
  int i;
  /* every compilation needs "_ENV"; fixed strings are never collected */
  tyC_fix(L, obj2gco(tyS_newliteral(L, "_ENV")));
  for (i = 0; i < NUM_RESERVED; i++) {
    TString *word = tyS_new(L, tyX_tokens[i]);
    tyC_fix(L, obj2gco(word));
    word->extra = (lu_byte)(i + 1);  /* 0 would mean "not reserved" */
  }
}

/* ---- errors ---- */

static l_noret lex_error(LexState *ls, const char *msg, int near);
static inline void put(LexState *ls, int c);

const char *tyX_token2str(LexState *ls, int token) {
  lua_State *L = ls->L;
  if (token >= FIRST_RESERVED) {
    const char *name = tyX_tokens[token - FIRST_RESERVED];
    return token < TK_EOS ? tyO_pushfstring(L, "'%s'", name) : name;
  }
  /* a single-character token is its own code */
  if (has_class(token, CH_PRINT))
    return tyO_pushfstring(L, "'%c'", token);
  return tyO_pushfstring(L, "'<\\%d>'", token);
}

/* How a "near" clause shows `tok`: with the text in the buffer for the
** token kinds that have one, by name for the others. */
static const char *near_text(LexState *ls, int tok) {
  if (tok != TK_NAME && tok != TK_STRING && tok != TK_FLT && tok != TK_INT)
    return tyX_token2str(ls, tok);
  put(ls, '\0');
  return tyO_pushfstring(ls->L, "'%s'", ls->buff->buffer);
}

/* Raises the syntax error "chunk:line: msg", plus " near ..." when `near`
** names a token (0: no such clause). */
static l_noret lex_error(LexState *ls, const char *msg, int near) {
  lua_State *L = ls->L;
  const char *located = tyG_addinfo(L, msg, ls->source, ls->linenumber);
  if (near != 0)
    tyO_pushfstring(L, "%s near %s", located, near_text(ls, near));
  tyD_throw(L, LUA_ERRSYNTAX);
}

l_noret tyX_syntaxerror(LexState *ls, const char *msg) {
  lex_error(ls, msg, ls->t.token);
}

/* ---- the token text buffer ---- */

#define TEXT_LIMIT ((size_t)1 << 30)  /* "lexical element too long" past half of it */

/* Doubles the buffer (starting from 32 bytes). */
static void grow_text(LexState *ls) {
  Mbuffer *b = ls->buff;
  size_t bigger;
  if (b->size >= TEXT_LIMIT / 2)
    lex_error(ls, "lexical element too long", 0);
  bigger = b->size < 32 ? 32 : 2 * b->size;
  b->buffer = (char *)tyM_saferealloc_(ls->L, b->buffer, b->size, bigger);
  b->size = bigger;
}

static inline void put(LexState *ls, int c) {
  Mbuffer *b = ls->buff;
  if (l_unlikely(b->n >= b->size))
    grow_text(ls);
  b->buffer[b->n++] = (char)c;
}

/* current goes to the text, and the scanner moves on */
static inline void take(LexState *ls) {
  put(ls, ls->current);
  advance(ls);
}

/* `bracket` followed by `level` '=' signs, as a long bracket is written */
static void put_bracket(LexState *ls, int bracket, size_t level) {
  put(ls, bracket);
  while (level-- > 0)
    put(ls, '=');
}

/* ---- strings shared with the parser ---- */

/* Each string the compilation uses is a key of ls->h, so it stays alive until
** the end and equal long strings share one object (equal constants are found
** by identity).  The value is true until code.c stores a constant index there;
** the canonical copy is always the key of the node holding the value. */
TString *tyX_newstring(LexState *ls, const char *str, size_t l) {
  lua_State *L = ls->L;
  TString *s = tyS_newlstr(L, str, l);
  const TValue *slot = tyH_getstr(ls->h, s);
  TValue key, present;
  if (!ttisnil(slot)) {
    Node *holder = (Node *)((char *)slot - offsetof(Node, i_val));
    return tsvalue(gkey(holder));
  }
  setsvalue(L, L->top, s);  /* on the stack while the table may grow */
  L->top++;
  setsvalue(L, &key, s);
  setbtvalue(&present);
  tyH_finishset(L, ls->h, &key, slot, &present);
  tyC_barrierback(L, obj2gco(ls->h), &key);
  L->top--;
  return s;
}

/* ---- input position ---- */

void tyX_setinput(lua_State *L, LexState *ls, ZIO *z, TString *source, int firstchar) {
  /* where characters come from; the caller has already read the first one */
  ls->z = z;
  ls->current = firstchar;
  ls->L = L;
  ls->source = source;
  ls->linenumber = ls->lastline = 1;
  /* no current token yet, and nothing looked ahead */
  ls->t.token = 0;
  ls->lookahead.token = TK_EOS;
  ls->fs = NULL;
  ls->buff->n = 0;
  ls->envn = tyS_newliteral(L, "_ENV");  /* fixed by tyX_init: needs no anchor */
}

/* Consumes one line break (current is '\n' or '\r'): "\n", "\r", "\r\n" and
** "\n\r" each count as one line. */
static void newline(LexState *ls) {
  int first = ls->current;
  advance(ls);
  if (ls->current + first == '\n' + '\r')  /* the other half of a pair */
    advance(ls);
  ls->linenumber++;
  if (ls->linenumber >= INT_MAX)
    lex_error(ls, "chunk has too many lines", 0);
}

/* ---- numerals ---- */

/* Numerals are read greedily, like the reference lexer does: digits, hex
** digits and dots, an exponent mark (e/E, or p/P after a 0x prefix) with an
** optional sign, and finally one letter or '_' if the numeral runs into
** one, so that "3x" is rejected as a whole.  tyO_str2num then decides
** whether the text is a valid integer or float numeral. */
static int scan_number(LexState *ls, SemInfo *si) {
  int exp_lower = 'e', exp_upper = 'E';
  TValue v;
  if (ls->current == '0') {
    take(ls);
    if (ls->current == 'x' || ls->current == 'X') {
      take(ls);
      exp_lower = 'p';
      exp_upper = 'P';
    }
  }
  for (;;) {
    int c = ls->current;
    if (c == exp_lower || c == exp_upper) {
      take(ls);
      if (ls->current == '+' || ls->current == '-')
        take(ls);
    }
    else if (has_class(c, CH_XDIGIT) || c == '.')
      take(ls);
    else
      break;
  }
  if (has_class(ls->current, CH_IDENT))
    take(ls);
  put(ls, '\0');
  if (tyO_str2num(ls->buff->buffer, &v) == 0)
    lex_error(ls, "malformed number", TK_FLT);
  if (ttisinteger(&v)) {
    si->i = ivalue(&v);
    return TK_INT;
  }
  si->r = fltvalue(&v);
  return TK_FLT;
}

/* ---- names ---- */

static int scan_name(LexState *ls, SemInfo *si) {
  TString *s;
  do
    take(ls);
  while (has_class(ls->current, CH_IDENT | CH_DIGIT));
  s = tyX_newstring(ls, ls->buff->buffer, ls->buff->n);
  si->ts = s;
  return isreserved(s) ? FIRST_RESERVED - 1 + s->extra : TK_NAME;
}

/* ---- long brackets: [==[ ... ]==] ---- */

/* Consumes a '[' or ']' and the '=' signs after it; returns their count.
** current is left on the character after them. */
static size_t bracket_level(LexState *ls) {
  size_t level = 0;
  advance(ls);
  while (ls->current == '=') {
    advance(ls);
    level++;
  }
  return level;
}

/* Reads a long string (si != NULL) or long comment after its opening
** bracket of `level`.  A line break right after the opening bracket is not
** part of the contents.  Comments keep no text. */
static void read_long(LexState *ls, SemInfo *si, size_t level) {
  int start = ls->linenumber;  /* for the "unfinished" message */
  int keep = si != NULL;
  if (keep) {
    put_bracket(ls, '[', level);
    put(ls, '[');
  }
  if (is_linebreak(ls->current))
    newline(ls);
  for (;;) {
    switch (ls->current) {
      case ']': {
        size_t found = bracket_level(ls);
        if (keep)
          put_bracket(ls, ']', found);
        if (found == level && ls->current == ']') {
          advance(ls);
          if (keep) {
            Mbuffer *b = ls->buff;
            size_t edge = level + 2;  /* length of each bracket */
            put(ls, ']');
            si->ts = tyX_newstring(ls, b->buffer + edge, b->n - 2 * edge);
          }
          return;
        }
        break;  /* not the closing bracket: current is examined again */
      }
      case '\n': case '\r':
        if (keep)
          put(ls, '\n');
        newline(ls);
        break;
      case EOZ: {
        const char *msg = tyO_pushfstring(ls->L, "unfinished long %s (starting at line %d)",
                                          keep ? "string" : "comment", start);
        lex_error(ls, msg, TK_EOS);
      }
      default:
        if (keep)
          take(ls);
        else
          advance(ls);
    }
  }
}

/* After "--": a long comment if a long bracket opens right here, otherwise
** everything up to the end of the line. */
static void skip_comment(LexState *ls) {
  if (ls->current == '[') {
    size_t level = bracket_level(ls);
    if (ls->current == '[') {
      advance(ls);
      read_long(ls, NULL, level);
      return;
    }
  }
  while (!is_linebreak(ls->current) && ls->current != EOZ)
    advance(ls);
}

/* ---- escape sequences in short strings (manual §3.1) ---- */

/* Reports a malformed escape.  The quoted text ends with the character at
** fault, which is consumed like any other. */
static l_noret bad_escape(LexState *ls, const char *msg) {
  if (ls->current != EOZ)
    take(ls);
  lex_error(ls, msg, TK_STRING);
}

/* \xXX: exactly two hex digits; current is the 'x' */
static int hex_escape(LexState *ls) {
  int value = 0, digits;
  for (digits = 0; digits < 2; digits++) {
    take(ls);  /* the 'x', then the first digit */
    if (!has_class(ls->current, CH_XDIGIT))
      bad_escape(ls, "hexadecimal digit expected");
    value = 16 * value + hex_value(ls->current);
  }
  advance(ls);  /* the second digit */
  return value;
}

/* \ddd: one to three decimal digits, at most 255; current is the first */
static int decimal_escape(LexState *ls) {
  int value = 0, digits = 0;
  do {
    value = 10 * value + (ls->current - '0');
    take(ls);
  } while (++digits < 3 && has_class(ls->current, CH_DIGIT));
  if (value > UCHAR_MAX)
    bad_escape(ls, "decimal escape too large");
  return value;
}

/* \u{XXX}: a code point below 2^31 in hex, stored as (extended) UTF-8 from
** `mark` on; current is the 'u' */
static void utf8_escape(LexState *ls, size_t mark) {
  char bytes[UTF8BUFFSZ];
  unsigned long cp = 0;
  int len;
  take(ls);  /* 'u' */
  if (ls->current != '{')
    bad_escape(ls, "missing '{'");
  take(ls);  /* '{' */
  if (!has_class(ls->current, CH_XDIGIT))
    bad_escape(ls, "hexadecimal digit expected");
  do {
    if (cp > (0x7FFFFFFFul >> 4))  /* one more digit would reach 2^31 */
      bad_escape(ls, "UTF-8 value too large");
    cp = 16 * cp + (unsigned long)hex_value(ls->current);
    take(ls);
  } while (has_class(ls->current, CH_XDIGIT));
  if (ls->current != '}')
    bad_escape(ls, "missing '}'");
  advance(ls);  /* '}' */
  ls->buff->n = mark;
  len = tyO_utf8esc(bytes, cp);  /* written at the end of bytes */
  while (len > 0)
    put(ls, bytes[UTF8BUFFSZ - len--]);
}

/* the byte a one-character escape stands for, or -1 if c names none */
static int single_escape(int c) {
  switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '\\': case '"': case '\'': return c;
    default: return -1;
  }
}

/* One escape sequence; current is its backslash. */
static void read_escape(LexState *ls) {
  size_t mark = ls->buff->n;  /* where the backslash is kept meanwhile */
  int c, byte;
  take(ls);
  c = ls->current;
  byte = single_escape(c);
  if (byte >= 0)
    advance(ls);
  else if (is_linebreak(c)) {  /* backslash-newline: a newline */
    newline(ls);
    byte = '\n';
  }
  else if (c == 'x')
    byte = hex_escape(ls);
  else if (has_class(c, CH_DIGIT))
    byte = decimal_escape(ls);
  else if (c == 'u') {
    utf8_escape(ls, mark);
    return;
  }
  else if (c == 'z') {  /* skip the blanks that follow, line breaks included */
    ls->buff->n = mark;
    advance(ls);
    while (has_class(ls->current, CH_SPACE)) {
      if (is_linebreak(ls->current))
        newline(ls);
      else
        advance(ls);
    }
    return;
  }
  else if (c == EOZ)
    return;  /* the string loop reports "unfinished string" */
  else
    bad_escape(ls, "invalid escape sequence");
  ls->buff->n = mark;
  put(ls, byte);
}

/* A string in quotes; current is the opening quote. */
static int scan_short_string(LexState *ls, SemInfo *si) {
  int quote = ls->current;
  Mbuffer *b = ls->buff;
  take(ls);
  while (ls->current != quote) {
    switch (ls->current) {
      case EOZ:
        lex_error(ls, "unfinished string", TK_EOS);
      case '\n': case '\r':
        lex_error(ls, "unfinished string", TK_STRING);
      case '\\':
        read_escape(ls);
        break;
      default:
        take(ls);
    }
  }
  take(ls);
  si->ts = tyX_newstring(ls, b->buffer + 1, b->n - 2);
  return TK_STRING;
}

/* ---- the token loop ---- */

/* the symbol `one`, or `two` if the next character is `second` */
static int one_or_two(LexState *ls, int second, int two, int one) {
  advance(ls);
  if (ls->current != second)
    return one;
  advance(ls);
  return two;
}

static int scan(LexState *ls, SemInfo *si) {
  ls->buff->n = 0;
  for (;;) {
    int c = ls->current;
    switch (c) {
      case '\n': case '\r':
        newline(ls);
        continue;
      case ' ': case '\t': case '\v': case '\f':
        advance(ls);
        continue;
      case '-':
        advance(ls);
        if (ls->current != '-')
          return '-';
        advance(ls);
        skip_comment(ls);
        continue;
      case '[': {
        size_t level = bracket_level(ls);
        if (ls->current == '[') {
          advance(ls);
          read_long(ls, si, level);
          return TK_STRING;
        }
        put_bracket(ls, '[', level);  /* the text read so far */
        if (level > 0)
          lex_error(ls, "invalid long string delimiter", TK_STRING);
        return '[';
      }
      case '=': return one_or_two(ls, '=', TK_EQ, '=');
      case '/': return one_or_two(ls, '/', TK_IDIV, '/');
      case '~': return one_or_two(ls, '=', TK_NE, '~');
      case ':': return one_or_two(ls, ':', TK_DBCOLON, ':');
      case '<':
        advance(ls);
        if (ls->current == '=') { advance(ls); return TK_LE; }
        if (ls->current == '<') { advance(ls); return TK_SHL; }
        return '<';
      case '>':
        advance(ls);
        if (ls->current == '=') { advance(ls); return TK_GE; }
        if (ls->current == '>') { advance(ls); return TK_SHR; }
        return '>';
      case '"': case '\'':
        return scan_short_string(ls, si);
      case '.':  /* '.', '..', '...' or a numeral such as .5 */
        take(ls);
        if (ls->current == '.') {
          advance(ls);
          if (ls->current != '.')
            return TK_CONCAT;
          advance(ls);
          return TK_DOTS;
        }
        return has_class(ls->current, CH_DIGIT) ? scan_number(ls, si) : '.';
      case EOZ:
        return TK_EOS;
      default: {
        int cls = char_class[c + 1];
        if (cls & CH_IDENT)
          return scan_name(ls, si);
        if (cls & CH_DIGIT)
          return scan_number(ls, si);
        advance(ls);  /* any other character is a token by itself */
        return c;
      }
    }
  }
}

void tyX_next(LexState *ls) {
  ls->lastline = ls->linenumber;
  if (ls->lookahead.token == TK_EOS) {  /* nothing looked ahead: scan */
    ls->t.token = scan(ls, &ls->t.seminfo);
    return;
  }
  ls->t = ls->lookahead;
  ls->lookahead.token = TK_EOS;
}

int tyX_lookahead(LexState *ls) {
  ls->lookahead.token = scan(ls, &ls->lookahead.seminfo);
  return ls->lookahead.token;
}
