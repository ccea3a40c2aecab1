#!/bin/sh
# luac_fuzz.sh: $TYCHO must never crash on corrupted PUC 5.4 binary chunks (fixed seed, a few hundred cases).
# Chunks come from luac5.4 (with and without debug info); failures report the case number to replay.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}
SEED=${SEED:-20240611}
CASES=${CASES:-600}

if ! command -v luac5.4 >/dev/null 2>&1; then
  echo "luac_fuzz: SKIPPED: luac5.4 not installed (run ./setup.sh)"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-luacfuzz.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
for src in arith tables lines; do
  luac5.4 -o "$tmp/$src.luac" "lua/luac/$src.lua" || exit 1
  luac5.4 -s -o "$tmp/$src.s.luac" "lua/luac/$src.lua" || exit 1
done
"$TYCHO" lua/luac/fuzz.lua "$SEED" "$CASES" "$tmp"/*.luac >"$tmp/out" 2>"$tmp/err"
st=$?
if [ "$st" -ne 0 ]; then
  echo "luac_fuzz: tycho exited with status $st (seed $SEED), last lines of stderr:"
  tail -n 5 "$tmp/err"
  exit 1
fi
echo "luac_fuzz: ok: $(cat "$tmp/out")"
