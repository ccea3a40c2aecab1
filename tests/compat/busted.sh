#!/bin/sh
# busted.sh: Debian's busted (a Lua test framework, unmodified) runs a spec under $TYCHO
# with the same TAP output and exit status as under lua5.4.
set -u
cd "$(dirname "$0")/lua/busted" || exit 1
TYCHO=${TYCHO:-../../../../build/tycho}

command -v lua5.4 >/dev/null 2>&1 || { echo "busted: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f /usr/bin/busted ] || { echo "busted: lua-busted is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-busted.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# TAP output carries no timings; table addresses are the only legitimate difference
lua5.4 /usr/bin/busted -o TAP calc_spec.lua >"$tmp/expected.raw" 2>&1
est=$?
"$TYCHO" /usr/bin/busted -o TAP calc_spec.lua >"$tmp/actual.raw" 2>&1
ast=$?
sed 's/0x[0-9a-f]*/ADDR/g' "$tmp/expected.raw" >"$tmp/expected"
sed 's/0x[0-9a-f]*/ADDR/g' "$tmp/actual.raw" >"$tmp/actual"

grep -q "^not ok" "$tmp/expected" || { echo "busted: the reference run shows no failures (spec broken?)"; exit 1; }
if [ "$ast" -ne "$est" ]; then
  echo "busted: exit status $ast, lua5.4 gave $est"; head -n 10 "$tmp/actual"; exit 1
fi
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
  echo "busted: TAP output differs from lua5.4"
  diff "$tmp/expected" "$tmp/actual" | head -n 20
  exit 1
fi
echo "busted: ok ($(grep -c '^ok' "$tmp/expected") passed, $(grep -c '^not ok' "$tmp/expected") failed, identical to lua5.4)"
