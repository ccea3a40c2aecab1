#!/bin/sh
# dkjson.sh: dkjson encodes and decodes a large generated document, byte-identical to lua5.4.
# Runs lua/dkjson.lua under lua5.4 and $TYCHO; stdout and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}

command -v lua5.4 >/dev/null 2>&1 || { echo "dkjson: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f /usr/share/lua/5.4/dkjson.lua ] || { echo "dkjson: lua-dkjson is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-dkjson.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

lua5.4 lua/dkjson.lua  >"$tmp/expected" 2>"$tmp/expected.err"
est=$?
"$TYCHO" lua/dkjson.lua  >"$tmp/actual" 2>"$tmp/actual.err"
ast=$?

if [ "$est" -ne 0 ]; then
  echo "dkjson: the reference run failed (status $est):"; head -n 5 "$tmp/expected.err"; exit 1
fi
if [ "$ast" -ne "$est" ]; then
  echo "dkjson: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; exit 1
fi
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
  echo "dkjson: output differs from lua5.4 ($(wc -c <"$tmp/actual") vs $(wc -c <"$tmp/expected") bytes)"
  diff "$tmp/expected" "$tmp/actual" 2>/dev/null | head -n 20
  exit 1
fi
echo "dkjson: ok ($(wc -l <"$tmp/expected") lines identical)"
