#!/bin/sh
# luac.sh: PUC Lua 5.4 binary chunks (luac5.4 -o, lua5.4's string.dump) run under $TYCHO exactly as under lua5.4.
# Each program in lua/luac/ is compiled with and without debug info; stdout and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}
case $TYCHO in /*) ;; *) TYCHO=$(pwd)/$TYCHO ;; esac

if ! command -v lua5.4 >/dev/null 2>&1 || ! command -v luac5.4 >/dev/null 2>&1; then
  echo "luac: SKIPPED: lua5.4/luac5.4 not installed (run ./setup.sh)"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-luac.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0

# compare: label, then the command's arguments (run as "lua5.4 ARGS" and "$TYCHO ARGS")
compare() {
  label=$1; shift
  export F1="$tmp/like1.bin" F2="$tmp/like2.bin"
  n=$((n + 1))
  lua5.4 "$@" >"$tmp/expected" 2>"$tmp/expected.err"; est=$?
  "$TYCHO" "$@" >"$tmp/actual" 2>"$tmp/actual.err"; ast=$?
  if [ "$ast" -ge 128 ]; then
    echo "luac: $label: tycho crashed (status $ast)"; head -n 5 "$tmp/actual.err"; fail=1
  elif [ "$ast" -ne "$est" ]; then
    echo "luac: $label: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; fail=1
  elif ! cmp -s "$tmp/expected" "$tmp/actual"; then
    echo "luac: $label: output differs from lua5.4"
    diff "$tmp/expected" "$tmp/actual" | head -n 20; fail=1
  fi
}

for src in lua/luac/arith.lua lua/luac/lines.lua lua/luac/tables.lua; do
  base=$(basename "$src" .lua)
  luac5.4 -o "$tmp/$base.luac" "$src" || { echo "luac: luac5.4 failed on $src"; exit 1; }
  luac5.4 -s -o "$tmp/$base.s.luac" "$src" || exit 1
  compare "$base (luac)" "$tmp/$base.luac"
  compare "$base (luac -s)" "$tmp/$base.s.luac"
  compare "$base (redumped)" lua/luac/driver.lua roundtrip "$tmp/$base.luac"
done

# generated: > 2^17 constants (LOADKX/EXTRAARG), > 255 constants in arithmetic, long constructors
lua5.4 -e '
  local t = {"local t = {}"}
  for i = 1, 132000 do t[#t + 1] = ("t[%d] = %q"):format(i % 1000, "k" .. i) end
  t[#t + 1] = "local mt = {__sub = function(a, b) return \"sub\" .. b end}"
  t[#t + 1] = "local x = setmetatable({}, mt); print(#t, t[1], t[999], x - 7, (\"5\" - 2))"
  io.write(table.concat(t, "\n"), "\n")' >"$tmp/big.lua"
luac5.4 -o "$tmp/big.luac" "$tmp/big.lua" || exit 1
compare "big (luac)" "$tmp/big.luac"

# string.dump from lua5.4: upvalues, stripped, text-mode rejection; PUC's load error messages
lua5.4 -e '
  local a, b, c = 1, 2, 3
  local function f() a = a + 1; return a + b, c end
  io.write(string.dump(f))' >"$tmp/up.bin"
lua5.4 -e 'io.write(string.dump(function(...) local t = {...}; return #t, ... end, true))' >"$tmp/va.bin"
compare "dump with upvalues" lua/luac/driver.lua upvalues "$tmp/up.bin"
compare "stripped dump" -e 'local f = assert(load(io.open(arg[1], "rb"):read("a"))); print(f(1, nil, 3))' "$tmp/va.bin"
compare "load errors" lua/luac/driver.lua errors "$tmp/up.bin"
compare "load errors (stripped)" lua/luac/driver.lua errors "$tmp/va.bin"

# the other way: PUC Lua loads tycho's string.dump output (PUC's header, then a stub
# function) and running it says what the chunk is, instead of failing to load with
# "bad binary format (integer overflow)"; tycho still runs its own chunks
for strip in false true; do
  n=$((n + 1))
  "$TYCHO" -e "local u = 40; io.write(string.dump(function(x) return x + u end, $strip))" >"$tmp/ty.bin"
  got=$(F="$tmp/ty.bin" lua5.4 -e 'local f, e = load(io.open(os.getenv("F"), "rb"):read("a")); print(f ~= nil, e, pcall(f, 1))' 2>&1)
  want="true	nil	false	this binary chunk was written by tycho; PUC Lua cannot run it"
  if [ "$got" != "$want" ]; then
    echo "luac: tycho chunk under lua5.4 (strip $strip): got '$got'"; fail=1
  fi
  got=$(F="$tmp/ty.bin" "$TYCHO" -e 'local f = load(io.open(os.getenv("F"), "rb"):read("a")); debug.setupvalue(f, 1, 2); print(f(1))' 2>&1)
  [ "$got" = "3" ] || { echo "luac: tycho chunk under tycho (strip $strip): got '$got'"; fail=1; }
done
# PUC chunks that begin like tycho's stub (same source name, same first instructions):
# the loader reads ahead to tell them apart and gives those bytes back to PUC's loader
lua5.4 -e 'io.write(string.dump(load("return 1 + ...", "=(tycho binary chunk)")))' >"$tmp/like1.bin"
lua5.4 -e 'io.write(string.dump(load("error(\"puc\", 0)", "=(tycho binary chunk)")))' >"$tmp/like2.bin"
compare "stub-like source" -e 'print(load(io.open(os.getenv("F1"), "rb"):read("a"))(2))'
compare "stub-like code" -e 'print(pcall(load(io.open(os.getenv("F2"), "rb"):read("a"))))'

[ "$fail" -eq 0 ] && echo "luac: ok ($n comparisons)"
exit "$fail"
