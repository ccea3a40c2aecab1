/* test_string.c: unit tests of strings: interning, long strings, comparison, formatting, conversions. */
#include <stdio.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "core/obj.h"
#include "core/state.h"
#include "core/str.h"
#include "vm/api.h"

static int failures = 0;

#define CHECK(c) do { if (!(c)) { failures++; \
  printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

static TString *tostr(lua_State *L, int idx) {
  return tsvalue(tyA_index2value(L, idx));
}

static void test_interning(lua_State *L) {
  char buf[64];
  TString *a, *b;
  lua_pushstring(L, "hello world");
  strcpy(buf, "hello ");
  strcat(buf, "world");
  lua_pushlstring(L, buf, strlen(buf));
  a = tostr(L, -2);
  b = tostr(L, -1);
  CHECK(a == b);  /* short strings are unique */
  CHECK(strisshr(a));
  lua_pop(L, 2);
  /* exactly TY_MAXSHORTLEN is short; one more is long */
  memset(buf, 'x', sizeof(buf));
  lua_pushlstring(L, buf, TY_MAXSHORTLEN);
  lua_pushlstring(L, buf, TY_MAXSHORTLEN);
  CHECK(tostr(L, -1) == tostr(L, -2));
  lua_pushlstring(L, buf, TY_MAXSHORTLEN + 1);
  lua_pushlstring(L, buf, TY_MAXSHORTLEN + 1);
  a = tostr(L, -1);
  b = tostr(L, -2);
  CHECK(a != b && !strisshr(a) && !strisshr(b));
  CHECK(lua_rawequal(L, -1, -2));
  CHECK(a->extra == 0);  /* long-string hash is lazy */
  lua_newtable(L);
  lua_pushvalue(L, -2);
  lua_pushinteger(L, 42);
  lua_rawset(L, -3);
  CHECK(a->extra == 1 || b->extra == 1);
  lua_pushvalue(L, -3);  /* the other copy finds the same entry */
  lua_rawget(L, -2);
  CHECK(lua_tointeger(L, -1) == 42);
  lua_pop(L, 6);
}

static void test_long_strings(lua_State *L) {
  size_t n = 1 << 20, len;
  luaL_Buffer b;
  const char *s;
  size_t i;
  int ok = 1;
  luaL_buffinit(L, &b);
  for (i = 0; i < n; i++)
    luaL_addchar(&b, (char)('a' + i % 26));
  luaL_pushresult(&b);
  s = lua_tolstring(L, -1, &len);
  CHECK(len == n);
  for (i = 0; i < n; i++)
    if (s[i] != (char)('a' + i % 26)) ok = 0;
  CHECK(ok && s[n] == '\0');
  lua_pop(L, 1);
  /* embedded zeros */
  lua_pushlstring(L, "a\0b", 3);
  lua_pushlstring(L, "a\0c", 3);
  CHECK(lua_rawlen(L, -1) == 3);
  CHECK(!lua_rawequal(L, -1, -2));
  CHECK(lua_compare(L, -2, -1, LUA_OPLT));
  CHECK(!lua_compare(L, -1, -2, LUA_OPLT));
  lua_pushlstring(L, "a", 1);
  CHECK(lua_compare(L, -1, -2, LUA_OPLT));  /* "a" < "a\0c" */
  lua_pushlstring(L, "a\0", 2);
  CHECK(lua_compare(L, -2, -1, LUA_OPLT));  /* "a" < "a\0" */
  CHECK(!lua_compare(L, -1, -2, LUA_OPLE));
  lua_pop(L, 4);
}

/* many strings: the string table grows, and shrinks again after collection */
static void test_string_table(lua_State *L) {
  global_State *g = G(L);
  int i, oldsize = g->strt.size, grown;
  lua_newtable(L);
  for (i = 0; i < 20000; i++) {
    lua_pushfstring(L, "s%d", i);
    lua_rawseti(L, -2, i + 1);
  }
  grown = g->strt.size;
  CHECK(grown > oldsize);
  CHECK(g->strt.nuse >= 20000);
  for (i = 0; i < 20000; i += 777) {  /* still interned: same object */
    lua_pushfstring(L, "s%d", i);
    lua_rawgeti(L, -2, i + 1);
    CHECK(tostr(L, -1) == tostr(L, -2));
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(g->strt.size < grown);
  CHECK(g->strt.nuse < 20000);
}

static void test_format(lua_State *L) {
  char big[300];
  const char *s;
  s = lua_pushfstring(L, "%s|%d|%I|%f|%c|%%|%U", "str", -42, (LUAI_UACINT)1 << 40, 2.5, 'Z', 0x20AC);
  CHECK(strcmp(s, "str|-42|1099511627776|2.5|Z|%|\xE2\x82\xAC") == 0);
  s = lua_pushfstring(L, "%f %f %f", 1.0, 1e15, 0.1);
  CHECK(strcmp(s, "1.0 1e+15 0.1") == 0);
  s = lua_pushfstring(L, "%s", (char *)NULL);
  CHECK(strcmp(s, "(null)") == 0);
  memset(big, 'y', sizeof(big) - 1);
  big[sizeof(big) - 1] = '\0';
  s = lua_pushfstring(L, "<%s><%s>", big, big);
  CHECK(strlen(s) == 2 * (sizeof(big) - 1) + 4 && s[0] == '<' && s[1] == 'y');
  lua_pop(L, 4);
}

static int badformat(lua_State *L) {
  lua_pushfstring(L, "%q", 1);
  return 0;
}

static void test_bad_format(lua_State *L) {
  int st;
  lua_pushcfunction(L, badformat);
  st = lua_pcall(L, 0, 0, 0);
  CHECK(st == LUA_ERRRUN);
  CHECK(st != LUA_OK && strstr(lua_tostring(L, -1), "invalid option '%q' to 'lua_pushfstring'") != NULL);
  lua_pop(L, 1);
}

static void num2str(lua_State *L, lua_Number n, const char *expect) {
  const char *s;
  lua_pushnumber(L, n);
  s = lua_tostring(L, -1);
  if (strcmp(s, expect) != 0) {
    failures++;
    printf("FAIL tostring(%.17g) = '%s', expected '%s'\n", n, s, expect);
  }
  lua_pop(L, 1);
}

static void str2num(lua_State *L, const char *s, int isint, double expect) {
  size_t r = lua_stringtonumber(L, s);
  if (expect != expect) {  /* NaN: expect failure */
    if (r != 0) {
      failures++;
      printf("FAIL '%s' should not convert\n", s);
      lua_pop(L, 1);
    }
    return;
  }
  if (r != strlen(s) + 1 || lua_isinteger(L, -1) != isint || lua_tonumber(L, -1) != expect) {
    failures++;
    printf("FAIL '%s' -> %s (size %zu)\n", s, r ? lua_tostring(L, -1) : "fail", r);
  }
  if (r)
    lua_pop(L, 1);
}

static void test_numbers(lua_State *L) {
  double nan = 0.0 / 0.0;
  num2str(L, 1.0, "1.0");
  num2str(L, -0.0, "-0.0");
  num2str(L, 1e100, "1e+100");
  num2str(L, 3.14159265358979, "3.1415926535898");
  num2str(L, 9223372036854775808.0, "9.2233720368548e+18");
  num2str(L, 1.0 / 0.0, "inf");
  num2str(L, -1.0 / 0.0, "-inf");
  lua_pushinteger(L, LUA_MININTEGER);
  CHECK(strcmp(lua_tostring(L, -1), "-9223372036854775808") == 0);
  lua_pop(L, 1);
  str2num(L, "10", 1, 10);
  str2num(L, "  0x10  ", 1, 16);
  str2num(L, "-0x10", 1, -16);
  str2num(L, "0xffffffffffffffff", 1, -1);  /* hex wraps around */
  str2num(L, "9223372036854775807", 1, 9223372036854775807.0);
  str2num(L, "-9223372036854775808", 1, -9223372036854775807.0 - 1);
  str2num(L, "9223372036854775808", 0, 9223372036854775808.0);  /* overflow: float */
  str2num(L, "1e2", 0, 100);
  str2num(L, " .5 ", 0, 0.5);
  str2num(L, "0x1p4", 0, 16);
  str2num(L, "0x.8", 0, 0.5);
  str2num(L, "5.", 0, 5);
  str2num(L, "inf", 0, nan);
  str2num(L, "nan", 0, nan);
  str2num(L, "", 0, nan);
  str2num(L, "  ", 0, nan);
  str2num(L, "1 2", 0, nan);
  str2num(L, "0x", 0, nan);
  str2num(L, "1e", 0, nan);
}

/* chunk names in messages follow the 5.4 rules */
static void chunkid(const char *source, const char *expect) {
  char out[LUA_IDSIZE];
  tyO_chunkid(out, source, strlen(source));
  if (strcmp(out, expect) != 0) {
    failures++;
    printf("FAIL chunkid('%s') = '%s', expected '%s'\n", source, out, expect);
  }
}

static void test_chunkid(void) {
  char longname[200], expect[200];
  int i;
  chunkid("=stdin", "stdin");
  chunkid("@file.lua", "file.lua");
  chunkid("x = 1", "[string \"x = 1\"]");
  chunkid("x = 1\ny = 2", "[string \"x = 1...\"]");
  for (i = 0; i < 100; i++) longname[i] = (char)('a' + i % 26);
  longname[100] = '\0';
  chunkid(longname, "[string \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs...\"]");
  longname[0] = '@';
  strcpy(expect, "...");
  strcat(expect, longname + 100 - 56);
  chunkid(longname, expect);
  longname[0] = '=';
  memcpy(expect, longname + 1, 59);
  expect[59] = '\0';
  chunkid(longname, expect);
}

int main(void) {
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    printf("FAIL: cannot create state\n");
    return 1;
  }
  test_interning(L);
  test_long_strings(L);
  test_string_table(L);
  test_format(L);
  test_bad_format(L);
  test_numbers(L);
  test_chunkid();
  CHECK(lua_gettop(L) == 0);
  lua_close(L);
  if (failures)
    printf("test_string: %d failure(s)\n", failures);
  else
    printf("test_string: ok\n");
  return failures != 0;
}
