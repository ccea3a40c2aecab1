/* own_front_dump.c: lua_dump's writer protocol (pieces, the first failing status stops the
** output and is returned) and round trips of dumped chunks through small reader pieces.
** Builds against Debian's liblua5.4 too (cc -I/usr/include/lua5.4 own_front_dump.c -llua5.4). */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static int failures = 0;
#define CHECK(c) do { if (!(c)) { \
  fprintf(stderr, "own_front_dump.c:%d: check failed: %s\n", __LINE__, #c); failures++; } } while (0)

typedef struct Sink {
  char data[1 << 16];
  size_t len;
  int calls;       /* writer calls so far */
  int fail_at;     /* call number that returns an error (0: never) */
  int after_fail;  /* calls made after the failing one */
} Sink;

static int sink_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  Sink *s = (Sink *)ud;
  (void)L;
  if (s->fail_at != 0 && s->calls >= s->fail_at) s->after_fail++;
  s->calls++;
  if (s->calls == s->fail_at) return 7;
  if (sz == 0 || s->len + sz > sizeof(s->data)) return 99;  /* empty pieces are not expected */
  memcpy(s->data + s->len, p, sz);
  s->len += sz;
  return 0;
}

typedef struct Source { const char *p; size_t left, piece; } Source;

static const char *piece_reader(lua_State *L, void *ud, size_t *sz) {
  Source *s = (Source *)ud;
  size_t n = s->left < s->piece ? s->left : s->piece;
  (void)L;
  *sz = n;
  s->p += n;
  s->left -= n;
  return n ? s->p - n : NULL;
}

static const char *program =
  "local t = {}\n"
  "for i = 1, 300 do t[i] = ('item %d '):rep(i % 7) .. i end\n"
  "local function f(a, ...) return a, select('#', ...), 2^53, -0.5, 'long string constant: ' .. ('x'):rep(100) end\n"
  "local a, n, big, neg, long = f(1, nil, nil)\n"
  "return table.concat({ #t, t[299], a, n, big, neg, long }, '|')\n";

int main(void) {
  lua_State *L = luaL_newstate();
  static Sink whole, part;
  char expected[1024];
  size_t piece;
  int k, strip;
  luaL_openlibs(L);
  for (strip = 0; strip <= 1; strip++) {
    lua_settop(L, 0);
    CHECK(luaL_loadstring(L, program) == LUA_OK);
    lua_pushvalue(L, 1);
    CHECK(lua_pcall(L, 0, 1, 0) == LUA_OK);
    snprintf(expected, sizeof(expected), "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    memset(&whole, 0, sizeof(whole));
    CHECK(lua_dump(L, sink_writer, &whole, strip) == 0);
    CHECK(whole.len > 0 && memcmp(whole.data, LUA_SIGNATURE, 4) == 0);
    /* a failing writer: its status comes back and nothing more is written */
    for (k = 1; k <= whole.calls; k++) {
      memset(&part, 0, sizeof(part));
      part.fail_at = k;
      CHECK(lua_dump(L, sink_writer, &part, strip) == 7);
      CHECK(part.after_fail == 0);
    }
    /* the chunk loads back from pieces of any size and runs the same */
    for (piece = 1; piece <= 97; piece += 8) {
      Source src;
      src.p = whole.data;
      src.left = whole.len;
      src.piece = piece;
      lua_settop(L, 0);
      CHECK(lua_load(L, piece_reader, &src, "=dumped", "b") == LUA_OK);
      CHECK(lua_pcall(L, 0, LUA_MULTRET, 0) == LUA_OK);
      CHECK(lua_gettop(L) == 1 && strcmp(lua_tostring(L, 1), expected) == 0);
    }
    /* every proper prefix is refused cleanly */
    for (k = 1; k < (int)whole.len; k += 1 + k / 8) {
      lua_settop(L, 0);
      CHECK(luaL_loadbufferx(L, whole.data, (size_t)k, "=cut", "b") == LUA_ERRSYNTAX);
      CHECK(strstr(lua_tostring(L, -1), "cut: ") == lua_tostring(L, -1));
    }
  }
  lua_close(L);
  if (failures) fprintf(stderr, "own_front_dump: %d failures\n", failures);
  return failures != 0;
}
