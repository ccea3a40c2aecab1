#!/bin/sh
# tests/image/core_relocate.sh: an image whose preferred address is taken (the same file opened
# twice in one process, by an embedding host) is mapped elsewhere and relocated; both states
# behave alike. Also an incremental image opened twice: its base and itself are relocated.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 TYCHO_IMAGE_STALE
cd "$T" || exit 1
link() { $("$TYCHO" --print-link-command "$1" "$2") >"$T/link.log" 2>&1 || { echo "link failed: $(cat "$T/link.log")"; exit 1; }; }
CC=${CC:-cc}
command -v "$CC" >/dev/null 2>&1 || { echo "core_relocate: no C compiler, skipped"; exit 0; }

cat >base.lua <<'LUA'
t = { "a", "b", nested = { x = 1.5, s = "a somewhat longer string that is not interned at all" } }
t.self = t
keyed = { [t] = "by table", [print] = "by function" }
local up = 0
function count() up = up + 1; return up end
setmetatable(t, { __index = function(_, k) return k .. "!" end })
LUA
cat >inc.lua <<'LUA'
t.added = { 1, 2, 3 }
keyed[count] = "by closure"
function fmt(...) return string.format("%s/%s", ...) end
LUA
cat >host.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
static lua_State *open1(const char *p) {
  char err[512];
  lua_State *L = tycho_newstate_image(p, err, sizeof err);
  if (L == NULL) { printf("cannot open %s: %s\n", p, err); exit(1); }
  lua_pushcfunction(L, tycho_initimage);
  if (lua_pcall(L, 0, 0, 0) != 0) { printf("init: %s\n", lua_tostring(L, -1)); exit(1); }
  return L;
}
static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != 0) { printf("error: %s\n", lua_tostring(L, -1)); exit(1); }
}
int main(int argc, char **argv) {
  lua_State *a = open1(argv[1]), *b = open1(argv[1]);
  const void *pa, *pb;
  lua_getglobal(a, "t"); pa = lua_topointer(a, -1); lua_pop(a, 1);
  lua_getglobal(b, "t"); pb = lua_topointer(b, -1); lua_pop(b, 1);
  printf("%s\n", pa != pb ? "two mappings" : "same mapping");
  run(a, argv[2]); run(b, argv[2]);
  run(a, argv[2]);  /* the states are independent: a's upvalue counts on */
  lua_close(b); lua_close(a);
  return 0;
}
C
# the library of the runtime under test (the build id covers the flags: a library of another
# build refuses this runtime's images), with its sanitizer runtime if it was built with one
LIB="$(dirname "$TYCHO")/libtycho.a"
SANFLAGS=
if nm "$LIB" 2>/dev/null | grep -q __asan_; then SANFLAGS=-fsanitize=address; fi
if nm "$LIB" 2>/dev/null | grep -q __ubsan_; then SANFLAGS="$SANFLAGS -fsanitize=undefined"; fi
"$CC" $SANFLAGS -I"$ROOT/include" -o host host.c "$LIB" -lm -ldl >cc.log 2>&1 ||
  { echo "core_relocate: cannot build the host: $(head -n 5 cc.log)"; exit 1; }

"$TYCHO" --output-o=base.o base.lua && link base.o base.so || { echo "core_relocate: cannot write the base"; exit 1; }
"$TYCHO" -J base.so --output-o=inc.o inc.lua && link inc.o inc.so || { echo "core_relocate: cannot write the increment"; exit 1; }

CHECK='collectgarbage() print(t.self == t, t.nested.x, #t.nested.s, t.zz, count(), keyed[t], keyed[print]) collectgarbage()'
./host base.so "$CHECK" >out 2>&1
cat >want <<'OUT'
two mappings
true	1.5	52	zz!	1	by table	by function
true	1.5	52	zz!	1	by table	by function
true	1.5	52	zz!	2	by table	by function
OUT
cmp -s out want || fail "base image opened twice: $(diff want out | tr '\n' '|')"

CHECK2='collectgarbage() print(t.self == t, #t.added, keyed[count], keyed[t], fmt("x", 2), count()) collectgarbage()'
./host inc.so "$CHECK2" >out 2>&1
cat >want <<'OUT'
two mappings
true	3	by closure	by table	x/2	1
true	3	by closure	by table	x/2	1
true	3	by closure	by table	x/2	2
OUT
cmp -s out want || fail "incremental image opened twice: $(diff want out | tr '\n' '|')"
finish
