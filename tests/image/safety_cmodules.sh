#!/bin/sh
# tests/image/safety_cmodules.sh: C modules in images are reopened only from the resolved absolute
# path of the file the building session loaded, and only if it is that file (device, inode,
# size, mtime, ctime) or has the same content hash; no other file's constructor ever runs.
#  - a module found through the default cpath entry "./?.so" is recorded absolute: starting from
#    another directory that holds an impostor ./mymod.so (same size and mtime) loads the real one;
#  - the recorded file replaced by an impostor with the same size and mtime: one line naming it,
#    exit 1, the impostor's constructor never runs; the same content reinstalled (new inode): loads;
#  - a FIFO in its place is refused without blocking; a deleted module cannot be written;
#  - an image recording a relative path (forged, checksum recomputed) is refused with one line;
#  - a session started from the image writes the module's absolute path again, not "./mymod.so".
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_CPATH LUA_CPATH_5_4
CC=$(command -v cc || command -v gcc || command -v clang) || { echo "no C compiler"; exit 1; }
GUARD=${HANG_GUARD:-60}   # only a hang guard for the FIFO case
link() { $("$TYCHO" --print-link-command "$1" "$2") >"$T/link.log" 2>&1 || { echo "link failed: $(cat "$T/link.log")"; exit 1; }; }
mkdir "$T/a" "$T/b" || exit 1
cat >"$T/mymod.c" <<'C'
#include <unistd.h>
#include "lua.h"
#include "lauxlib.h"
__attribute__((constructor)) static void announce(void) {
  if (write(2, "CTOR " WHO "\n", 10) != 10) _exit(3);
}
static int who(lua_State *L) { lua_pushstring(L, WHO); return 1; }
int luaopen_mymod(lua_State *L) {
  lua_newtable(L);
  lua_pushcfunction(L, who);
  lua_setfield(L, -2, "who");
  return 1;
}
C
"$CC" -shared -fPIC -I"$ROOT/include" -DWHO='"real"' -o "$T/a/mymod.so" "$T/mymod.c" &&
"$CC" -shared -fPIC -I"$ROOT/include" -DWHO='"fake"' -o "$T/fake.so" "$T/mymod.c" ||
  { echo "cannot build the C modules"; exit 1; }
# the impostor has the very size of the real module (padding after the ELF data is harmless)
rs=$(wc -c <"$T/a/mymod.so"); fs=$(wc -c <"$T/fake.so")
[ "$fs" -le "$rs" ] && truncate -s "$rs" "$T/fake.so" || { echo "impostor larger than the module"; exit 1; }
cp "$T/a/mymod.so" "$T/real.so"

# built in a/, where require finds the module through "./?.so"
printf 'm = require "mymod"\nassert(m.who() == "real")\n' >"$T/a/setup.lua"
(cd "$T/a" && "$TYCHO" --output-o=app.o setup.lua) >"$T/out" 2>"$T/err" || fail "setup: $(cat "$T/err")"
grep -qx "CTOR real" "$T/err" || fail "setup: the module was not loaded from ./: $(cat "$T/err")"
link "$T/a/app.o" "$T/app.so"
"$TYCHO" --image-info="$T/app.so" >"$T/info" 2>&1
grep -q "^clib	$T/a/mymod.so	$rs	tyck64:" "$T/info" ||
  fail "the module is not recorded by its absolute path: $(grep clib "$T/info")"

# run NAME DIR: the image started in DIR; its stdout in $T/out, stderr in $T/err, status in $st
run() {
  (cd "$2" && timeout "$GUARD" "$TYCHO" -J "$T/app.so" -e 'print(m.who())') >"$T/out" 2>"$T/err" </dev/null
  st=$?
}
# 1. started where ./mymod.so is an impostor with the same size and mtime
cp "$T/fake.so" "$T/b/mymod.so" && touch -r "$T/a/mymod.so" "$T/b/mymod.so"
run "from b/" "$T/b"
[ "$st" -eq 0 ] && [ "$(cat "$T/out")" = real ] && [ "$(cat "$T/err")" = "CTOR real" ] ||
  fail "started next to an impostor: status $st, out '$(cat "$T/out")', err '$(cat "$T/err")'"

# 2. the recorded file itself replaced by the impostor, size and mtime put back
cp "$T/fake.so" "$T/a/mymod.so" && touch -r "$T/real.so" "$T/a/mymod.so"
run "impostor in place" "$T/b"
one_error_line "impostor in place" "$st" "$T/err"
grep -q "C module '$T/a/mymod.so' changed since the image was built" "$T/err" ||
  fail "impostor in place: reason: $(cat "$T/err")"
grep -q CTOR "$T/err" && fail "impostor in place: a constructor ran"
# the same content reinstalled as a new file (other inode, mtime, ctime): the hash decides
cp "$T/real.so" "$T/a/new.so" && mv "$T/a/new.so" "$T/a/mymod.so"
run "reinstalled" "$T/b"
[ "$st" -eq 0 ] && [ "$(cat "$T/out")" = real ] || fail "same content reinstalled: status $st, $(cat "$T/err")"

# 3. a FIFO in its place
mv "$T/a/mymod.so" "$T/a/keep.so" && mkfifo "$T/a/mymod.so"
run "FIFO" "$T/b"
[ "$st" -eq 124 ] && fail "a FIFO as the C module blocked"
one_error_line "FIFO as the C module" "$st" "$T/err"
grep -q "C module '$T/a/mymod.so' is not a regular file" "$T/err" || fail "FIFO: reason: $(cat "$T/err")"
rm -f "$T/a/mymod.so" && mv "$T/a/keep.so" "$T/a/mymod.so"

# 4. a session started from the image writes the absolute path again (its _CLIBS key is
#    "./mymod.so", which from b/ would name the impostor)
(cd "$T/b" && "$TYCHO" -J "$T/app.so" --incremental=no --output-o=again.o -e '') 2>"$T/err" ||
  fail "writing from the image: $(cat "$T/err")"
link "$T/b/again.o" "$T/again.so"
"$TYCHO" --image-info="$T/again.so" | grep -q "^clib	$T/a/mymod.so	" ||
  fail "rewritten image: $("$TYCHO" --image-info="$T/again.so" | grep clib)"
(cd "$T/b" && "$TYCHO" -J "$T/again.so" -e 'print(m.who())') >"$T/out" 2>"$T/err"
[ "$(cat "$T/out")" = real ] && ! grep -q fake "$T/err" || fail "rewritten image: $(cat "$T/out" "$T/err")"

# 4b. one process opening the image three times (two states at once, then one more after
#     closing both): the module is verified each time and reopened through one descriptor
cat >"$T/host.c" <<'C'
#include <stdio.h>
#include "lua.h"
#include "lauxlib.h"
#include "tycho.h"
static lua_State *open1(const char *p) {
  char err[512];
  lua_State *L = tycho_newstate_image(p, err, sizeof err);
  if (L == NULL) { printf("cannot open %s: %s\n", p, err); return NULL; }
  lua_pushcfunction(L, tycho_initimage);
  if (lua_pcall(L, 0, 0, 0) != 0) { printf("init: %s\n", lua_tostring(L, -1)); return NULL; }
  if (luaL_dostring(L, "io.write(m.who(), ' ')") != 0) { printf("%s\n", lua_tostring(L, -1)); return NULL; }
  return L;
}
int main(int argc, char **argv) {
  lua_State *a = open1(argv[1]), *b = open1(argv[1]), *c;
  if (a == NULL || b == NULL) return 1;
  lua_close(a);
  lua_close(b);
  if ((c = open1(argv[1])) == NULL) return 1;
  lua_close(c);
  printf("\n");
  return 0;
}
C
LIB="$(dirname "$TYCHO")/libtycho.a"
SANFLAGS=
if nm "$LIB" 2>/dev/null | grep -q __asan_; then SANFLAGS=-fsanitize=address; fi
if nm "$LIB" 2>/dev/null | grep -q __ubsan_; then SANFLAGS="$SANFLAGS -fsanitize=undefined"; fi
"$CC" $SANFLAGS -I"$ROOT/include" -Wl,-E -o "$T/host" "$T/host.c" "$LIB" -lm -ldl 2>"$T/err" ||
  fail "cannot build the host: $(head -n 5 "$T/err")"
(cd "$T/b" && "$T/host" "$T/app.so") >"$T/out" 2>"$T/err"
[ "$(cat "$T/out")" = "real real real " ] && [ "$(grep -c "CTOR real" "$T/err")" -ge 1 ] &&
  ! grep -q fake "$T/err" || fail "one process, three states: $(cat "$T/out" "$T/err")"

# 5. a module deleted after it was loaded cannot be recorded
cp "$T/real.so" "$T/b/gone.so"
printf 'package.cpath = "%s/b/?.so"\ng = package.loadlib("%s/b/gone.so", "luaopen_mymod")()\nos.remove("%s/b/gone.so")\n' \
  "$T" "$T" "$T" >"$T/gone.lua"
"$TYCHO" --output-o="$T/gone.o" "$T/gone.lua" >"$T/out" 2>"$T/err"; st=$?
[ "$st" -eq 1 ] && grep -q "cannot write image .*C module '$T/b/gone.so' was deleted or replaced" "$T/err" &&
  [ ! -e "$T/gone.o" ] || fail "deleted module: status $st, $(cat "$T/err")"

# 6. an image that records a relative path: its leading '/' forged into '.', checksum recomputed
cp "$T/app.so" "$T/rel.so"
python3 - "$T/rel.so" "$T/a/mymod.so" <<'PY' || fail "could not forge the relative path"
import struct, sys
M = (1 << 64) - 1
P1, P2 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F
def rotl(x, r): return ((x << r) | (x >> (64 - r))) & M
def lane(a, w): return rotl(a ^ (w * P2 & M), 31) * P1 & M
def tyck64(d, seed):  # src/image/tyck64.h
    a, b, c, e = (seed + P1) & M, seed ^ P2, (seed + len(d)) & M, ~seed & M
    full = len(d) & ~31
    for i in range(0, full, 32):
        w = struct.unpack_from('<4Q', d, i)
        a, b, c, e = lane(a, w[0]), lane(b, w[1]), lane(c, w[2]), lane(e, w[3])
    a = (rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(e, 18)) & M
    for x in d[full:]: a = lane(a, x)
    a ^= a >> 33; a = a * P2 & M; a ^= a >> 29
    return a
f, path = sys.argv[1], sys.argv[2].encode()
data = bytearray(open(f, 'rb').read())
b = data.index(b'TYCHOIMG')
size = struct.unpack_from('<Q', data, b + 88)[0]
at = data.rindex(path + b'\0', b, b + size)  # the clibs entry (the package list has it too)
data[at] = ord('.')
blob = bytes(data[b:b + size])
struct.pack_into('<Q', data, b + 80, tyck64(blob[88:], tyck64(blob[:80], 0)))
open(f, 'wb').write(bytes(data))
PY
"$TYCHO" -J "$T/rel.so" -e 'print(m.who())' >"$T/out" 2>"$T/err"
one_error_line "relative C module path" $? "$T/err"
grep -q "C module '\.[^']*/a/mymod.so' was recorded with a relative path" "$T/err" ||
  fail "relative path: reason: $(cat "$T/err")"
finish
