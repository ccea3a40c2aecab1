#!/bin/sh
# penlight.sh: penlight's pl.utils, stringx, tablex, List, class, pretty, template and data (CSV + query).
# Runs lua/penlight.lua under lua5.4 and $TYCHO; stdout and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}

command -v lua5.4 >/dev/null 2>&1 || { echo "penlight: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f /usr/share/lua/5.4/pl/init.lua ] || { echo "penlight: lua-penlight is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-penlight.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

lua5.4 lua/penlight.lua  >"$tmp/expected" 2>"$tmp/expected.err"
est=$?
"$TYCHO" lua/penlight.lua  >"$tmp/actual" 2>"$tmp/actual.err"
ast=$?

if [ "$est" -ne 0 ]; then
  echo "penlight: the reference run failed (status $est):"; head -n 5 "$tmp/expected.err"; exit 1
fi
if [ "$ast" -ne "$est" ]; then
  echo "penlight: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; exit 1
fi
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
  echo "penlight: output differs from lua5.4 ($(wc -c <"$tmp/actual") vs $(wc -c <"$tmp/expected") bytes)"
  diff "$tmp/expected" "$tmp/actual" 2>/dev/null | head -n 20
  exit 1
fi
echo "penlight: ok ($(wc -l <"$tmp/expected") lines identical)"
