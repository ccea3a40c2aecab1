#!/bin/sh
# lpeg.sh: Debian's unmodified LPeg (lpeg.so) and re.lua through require: patterns, captures, grammars, re.
# Runs lua/lpeg.lua under lua5.4 and $TYCHO; stdout, stderr and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}
SO=/usr/lib/x86_64-linux-gnu/lua/5.4/lpeg.so

command -v lua5.4 >/dev/null 2>&1 || { echo "lpeg: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f "$SO" ] || { echo "lpeg: $SO missing; lua-lpeg is not installed (run ./setup.sh)"; exit 1; }
[ -f /usr/share/lua/5.4/re.lua ] || { echo "lpeg: /usr/share/lua/5.4/re.lua missing (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-lpeg.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export LUA_PATH="/usr/share/lua/5.4/?.lua" LUA_CPATH="/usr/lib/x86_64-linux-gnu/lua/5.4/?.so"

lua5.4 lua/lpeg.lua >"$tmp/expected.out" 2>"$tmp/expected.err"
est=$?
"$TYCHO" lua/lpeg.lua >"$tmp/actual.out" 2>"$tmp/actual.err"
ast=$?

if [ "$est" -ne 0 ]; then
  echo "lpeg: the reference run failed (status $est):"; head -n 5 "$tmp/expected.err"; exit 1
fi
if [ "$ast" -ne "$est" ]; then
  echo "lpeg: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; exit 1
fi
for s in out err; do
  if ! cmp -s "$tmp/expected.$s" "$tmp/actual.$s"; then
    echo "lpeg: std$s differs from lua5.4"
    diff "$tmp/expected.$s" "$tmp/actual.$s" | head -n 20
    exit 1
  fi
done
echo "lpeg: ok ($(wc -l <"$tmp/expected.out") lines identical)"
