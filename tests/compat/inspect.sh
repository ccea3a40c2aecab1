#!/bin/sh
# inspect.sh: inspect renders nested data with cycles and metatables.
# Runs lua/inspect.lua under lua5.4 and $TYCHO; stdout and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}

command -v lua5.4 >/dev/null 2>&1 || { echo "inspect: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
# Debian installs inspect.lua for Lua 5.1-5.3 only; it is plain Lua and runs on 5.4
dir=
for d in /usr/local/share/lua/5.4 /usr/share/lua/5.4 /usr/share/lua/5.3; do
  [ -f "$d/inspect.lua" ] && { dir=$d; break; }
done
[ -n "$dir" ] || { echo "inspect: lua-inspect is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-inspect.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

lua5.4 lua/inspect.lua "$dir" >"$tmp/expected" 2>"$tmp/expected.err"
est=$?
"$TYCHO" lua/inspect.lua "$dir" >"$tmp/actual" 2>"$tmp/actual.err"
ast=$?

if [ "$est" -ne 0 ]; then
  echo "inspect: the reference run failed (status $est):"; head -n 5 "$tmp/expected.err"; exit 1
fi
if [ "$ast" -ne "$est" ]; then
  echo "inspect: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; exit 1
fi
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
  echo "inspect: output differs from lua5.4 ($(wc -c <"$tmp/actual") vs $(wc -c <"$tmp/expected") bytes)"
  diff "$tmp/expected" "$tmp/actual" 2>/dev/null | head -n 20
  exit 1
fi
echo "inspect: ok ($(wc -l <"$tmp/expected") lines identical)"
