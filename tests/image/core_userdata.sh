#!/bin/sh
# tests/image/core_userdata.sh: userdata in images: a live string.gmatch iterator and the
# math.random state round trip; lpeg patterns (even ones already matched) work after load;
# a userdata holding pointers (lfs.dir's directory object) is refused with one clear error,
# exit status non-zero and no object file; lfs functions and lfs values work from an image.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TYCHO=${TYCHO:-$ROOT/build/tycho}
case "$TYCHO" in /*) ;; *) TYCHO="$ROOT/$TYCHO" ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/core_userdata.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
nfail=0
fail() { echo "FAIL: $*"; nfail=$((nfail + 1)); }
LIBDIR=$(dirname "$TYCHO")

# build NAME SETUP: writes and links $T/NAME.so from the setup script; 0 on success
build() {
  "$TYCHO" --output-o="$T/$1.o" "$2" >"$T/$1.log" 2>&1 &&
  cc -shared -o "$T/$1.so" -Wl,--whole-archive "$T/$1.o" -Wl,--no-whole-archive \
     -L"$LIBDIR" -ltycho >>"$T/$1.log" 2>&1
}

# 1. live gmatch iterators (global and captured as an upvalue) and the random state
cat >"$T/gm.lua" <<'LUA'
words = string.gmatch("one two three four", "%a+")
first = words()
local cells = ("a,b,,c"):gmatch("([^,]*)")
cells()
function nextcell() return cells() end
pairsit = string.gmatch("k=v, x=y", "(%w+)=(%w+)")
done = string.gmatch("ab", "a"); done(); done()
math.randomseed(42)
math.random()
LUA
cat >"$T/gm_check.lua" <<'LUA'
print(first, words(), words(), words(), words())
print(nextcell(), nextcell(), nextcell(), nextcell())
print(pairsit()); print(pairsit()); print(pairsit())
print(done())
print(math.random(1, 1000000), math.random(1, 1000000))
collectgarbage()
for w in string.gmatch("fresh iterator", "%a+") do io.write(w, ";") end print()
LUA
if build gm "$T/gm.lua"; then
  "$TYCHO" -J "$T/gm.so" "$T/gm_check.lua" >"$T/gm.out" 2>&1 || fail "gmatch image: status $?: $(head -c 300 "$T/gm.out")"
  cat "$T/gm.lua" "$T/gm_check.lua" >"$T/gm_same.lua"
  "$TYCHO" "$T/gm_same.lua" >"$T/gm.ref" 2>&1
  cmp -s "$T/gm.ref" "$T/gm.out" || fail "gmatch/random after load differ: $(tr '\n' '|' <"$T/gm.out") vs $(tr '\n' '|' <"$T/gm.ref")"
  grep -q '^one	two	three	four$' "$T/gm.out" || fail "gmatch continues: $(head -n 1 "$T/gm.out")"
else
  fail "gmatch image not written: $(head -c 300 "$T/gm.log")"
fi

# 2. a userdata holding pointers: refused, one line naming it and where it is, no .o
cat >"$T/dir.lua" <<'LUA'
local lfs = require "lfs"
holder = {deep = {}}
holder.deep.iter, holder.deep.dir = lfs.dir(".")
LUA
"$TYCHO" --output-o="$T/dir.o" "$T/dir.lua" >"$T/dir.out" 2>"$T/dir.err"; st=$?
[ "$st" -ne 0 ] || fail "refused userdata: exit status 0"
[ "$st" -lt 128 ] || fail "refused userdata: killed by signal $((st - 128))"
[ "$(wc -l <"$T/dir.err")" -eq 1 ] || fail "refused userdata: want one stderr line, got: $(head -n 3 "$T/dir.err")"
grep -q "cannot write userdata 'directory metatable' (reachable from _G.holder.deep.dir): its memory holds pointers" "$T/dir.err" ||
  fail "refused userdata message: $(cat "$T/dir.err")"
[ ! -e "$T/dir.o" ] || fail "refused userdata left $T/dir.o behind"

# the same through a package: the path starts at package.loaded
mkdir -p "$T/mods"
cat >"$T/mods/holdsdir.lua" <<'LUA'
local lfs = require "lfs"
local _, d = lfs.dir(".")
return {get = function() return d end}
LUA
printf 'package.path = "%s/mods/?.lua;" .. package.path\nrequire "holdsdir"\n' "$T" >"$T/pkg.lua"
"$TYCHO" --output-o="$T/pkg.o" "$T/pkg.lua" 2>"$T/pkg.err"; st=$?
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] || fail "refused userdata in a package: status $st"
grep -q "reachable from package.loaded.holdsdir.get<upvalue 'd'>)" "$T/pkg.err" ||
  fail "refused userdata path in a package: $(cat "$T/pkg.err")"
[ ! -e "$T/pkg.o" ] || fail "refused userdata left $T/pkg.o behind"

# 3. lfs functions and values; lpeg patterns (matched before writing) and re
cat >"$T/c.lua" <<'LUA'
lfs = require "lfs"
attr = lfs.attributes("/")
cwd = lfs.currentdir()
lpeg = require "lpeg"
re = require "re"
word = re.compile("{[a-z]+} / ('x' -> 'X')")
assert(word:match("hello1") == "hello")
list = re.compile[[ list <- {| item (',' item)* |}  item <- {%w+} ]]
assert(#list:match("a,b,c") == 3)
digits = lpeg.C(lpeg.R("09") ^ 1)
assert(digits:match("42z") == "42")
LUA
if build c "$T/c.lua"; then
  "$TYCHO" -J "$T/c.so" -e '
    assert(package.loaded.lfs == lfs and attr.mode == "directory" and type(cwd) == "string")
    assert(lfs.attributes("/", "mode") == "directory" and lfs.currentdir() == cwd)
    local n = 0 for f in lfs.dir("/") do n = n + 1 end assert(n > 2)
    assert(word:match("world") == "world" and #list:match("p,q") == 2 and digits:match("7") == "7")
    assert(re.match("abc", "{%a+}") == "abc" and re.compile("[0-9]+"):match("55") == 3)
    assert((lpeg.P"a" * digits):match("a12") == "12")
    print("ok")' >"$T/c.out" 2>&1
  grep -qx ok "$T/c.out" || fail "lfs/lpeg values after load: $(head -c 300 "$T/c.out")"
else
  fail "lfs/lpeg image not written: $(head -c 300 "$T/c.log")"
fi

if [ "$nfail" -ne 0 ]; then echo "core_userdata: $nfail check(s) failed"; exit 1; fi
echo "core_userdata: ok"
