#!/bin/sh
# tests/image/core_stale.sh: stale image packages: require of an image package whose source
# changed warns once (TYCHO_IMAGE_STALE=warn, the default), fails (=error) or says nothing
# (=ignore); a touch with the same content is not stale; startup itself never looks at the
# sources; `tychoc check` exits 1 exactly when a package is stale.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH_5_4 TYCHO_IMAGE_STALE
mkdir "$T/src"
cp /usr/share/lua/5.4/dkjson.lua "$T/src/stalemod.lua" 2>/dev/null ||
  printf 'local M = { version = 1 }\nfunction M.f() return "f" end\nreturn M\n' >"$T/src/stalemod.lua"
printf 'return { w = 2 }\n' >"$T/src/freshmod.lua"
cd "$T/src" || exit 1
export LUA_PATH="./?.lua"   # relative: the image must record an absolute path
printf 'require "stalemod"\nrequire "freshmod"\n' >"$T/setup.lua"
"$TYCHO" --output-o="$T/s.o" "$T/setup.lua" || { echo "core_stale: cannot write the image"; exit 1; }
$("$TYCHO" --print-link-command "$T/s.o" "$T/s.so") || { echo "core_stale: link failed"; exit 1; }
cd "$T" || exit 1
src="$T/src/stalemod.lua"
want="tycho: warning: image package 'stalemod' is stale (source $src changed since the image was built)"
run() {  # mode -> out, err, st
  TYCHO_IMAGE_STALE=$1 "$TYCHO" -J s.so -e 'local a = require "stalemod"; local b = require "stalemod"
    print(a == b, require "freshmod" .w)' >out 2>err; st=$?
}

# fresh: nothing said, check exits 0
run warn
[ "$st" -eq 0 ] && [ ! -s err ] && grep -qx 'true	2' out || fail "fresh: exit $st, $(cat err out | tr '\n' '|')"
"$TYCHOC" check s.so >chk 2>&1 || fail "tychoc check on a fresh image: $(cat chk | tr '\n' '|')"
# touched, same content: not stale (the file is hashed since its mtime changed)
touch -d '2001-01-01' "$src"
run warn
[ "$st" -eq 0 ] && [ ! -s err ] || fail "touched: exit $st, $(cat err)"
"$TYCHOC" check s.so >chk 2>&1 || fail "tychoc check after a touch: $(cat chk | tr '\n' '|')"

# changed content: warn once (default and =warn), error, ignore
printf '\n-- edited\n' >>"$src"
for mode in warn ''; do
  run "$mode"
  [ "$st" -eq 0 ] || fail "stale, mode '$mode': exit $st"
  [ "$(cat err)" = "$want" ] || fail "stale, mode '$mode': stderr: $(cat err | tr '\n' '|')"
  grep -qx 'true	2' out || fail "stale, mode '$mode': the image's module not returned: $(cat out)"
done
run error
[ "$st" -eq 1 ] || fail "stale, error: exit $st"
grep -q "image package 'stalemod' is stale (source $src changed since the image was built)" err ||
  fail "stale, error: $(head -n 1 err)"
grep -q '^tycho: warning' err && fail "stale, error: also warned"
TYCHO_IMAGE_STALE=error "$TYCHO" -J s.so -e 'print(pcall(require, "stalemod")) print(require("freshmod").w)' >out 2>err
grep -q "^false	image package 'stalemod' is stale" out && grep -qx 2 out ||
  fail "stale, error: not a catchable Lua error: $(cat out err | tr '\n' '|')"
run ignore
[ "$st" -eq 0 ] && [ ! -s err ] || fail "stale, ignore: exit $st, $(cat err)"
# never at startup: an image run that does not require the package says nothing
TYCHO_IMAGE_STALE=error "$TYCHO" -J s.so -e 'print(package.loaded.stalemod ~= nil)' >out 2>err
[ "$(cat out)" = true ] && [ ! -s err ] || fail "startup checked a package: $(cat out err | tr '\n' '|')"
if command -v strace >/dev/null 2>&1; then
  strace -f -e trace=stat,lstat,newfstatat,statx,openat -o trace "$TYCHO" -J s.so -e '' >/dev/null 2>&1
  grep -q "stalemod" trace && fail "startup touched the package source: $(grep stalemod trace | head -n 2)"
fi
"$TYCHOC" check s.so >chk 2>&1; st=$?
[ "$st" -eq 1 ] && grep -q '^stale  *stalemod' chk || fail "tychoc check on a stale image: exit $st, $(cat chk | tr '\n' '|')"
grep -q '^stale  *freshmod' chk && fail "tychoc check lists freshmod"

# removed source: stale too
rm "$src"
run warn
grep -q "image package 'stalemod' is stale" err || fail "removed source: $(cat err)"
"$TYCHOC" check s.so >chk 2>&1; st=$?
[ "$st" -eq 1 ] || fail "tychoc check with a removed source: exit $st"
finish
