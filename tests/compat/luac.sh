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

[ "$fail" -eq 0 ] && echo "luac: ok ($n comparisons)"
exit "$fail"
