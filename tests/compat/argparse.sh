#!/bin/sh
# argparse.sh: argparse parses command lines (valid, invalid, commands), prints help, exits via a subprocess.
# Runs lua/argparse.lua under lua5.4 and $TYCHO; stdout and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}

command -v lua5.4 >/dev/null 2>&1 || { echo "argparse: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f /usr/share/lua/5.4/argparse.lua ] || { echo "argparse: lua-argparse is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-argparse.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

lua5.4 lua/argparse.lua  >"$tmp/expected" 2>"$tmp/expected.err"
est=$?
"$TYCHO" lua/argparse.lua  >"$tmp/actual" 2>"$tmp/actual.err"
ast=$?

if [ "$est" -ne 0 ]; then
  echo "argparse: the reference run failed (status $est):"; head -n 5 "$tmp/expected.err"; exit 1
fi
if [ "$ast" -ne "$est" ]; then
  echo "argparse: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; exit 1
fi
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
  echo "argparse: output differs from lua5.4 ($(wc -c <"$tmp/actual") vs $(wc -c <"$tmp/expected") bytes)"
  diff "$tmp/expected" "$tmp/actual" 2>/dev/null | head -n 20
  exit 1
fi
echo "argparse: ok ($(wc -l <"$tmp/expected") lines identical)"
