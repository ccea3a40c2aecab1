#!/bin/sh
# bench/icount.sh: instruction counts (valgrind cachegrind, no cache simulation) of each
# benchmark under two tycho builds, and their ratio. Counts are repeatable on a loaded
# machine where wall times are not, so this is how a change's effect on the interpreter's
# speed is checked; wall-clock ratios against the peers still come from bench/run.sh.
#
# Usage: TYCHO_BASE=/path/to/old/tycho sh bench/icount.sh [PROGRAM...]
#   TYCHO  the build under test (default build/tycho)
LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TYCHO=${TYCHO:-$ROOT/build/tycho}
BASE=${TYCHO_BASE:?set TYCHO_BASE to the tycho binary to compare with}
command -v valgrind >/dev/null 2>&1 || { echo "icount.sh: valgrind not found" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-icount.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$ROOT/bench" || exit 2
if [ $# -gt 0 ]; then progs="$*"; else progs=$(ls *.lua | sed 's/\.lua$//'); fi

count() {  # binary program -> instructions executed
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$TMP/cg" "$1" "$2.lua" \
    >/dev/null 2>"$TMP/err" || { echo "-"; return; }
  sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$TMP/cg"
}

printf '%-12s %15s %15s %10s\n' program base tycho tycho/base
: >"$TMP/ratios"
for p in $progs; do
  p=${p%.lua}
  b=$(count "$BASE" "$p"); t=$(count "$TYCHO" "$p")
  r=$(awk -v a="$t" -v b="$b" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.4f", a / b }')
  printf '%-12s %15s %15s %10s\n' "$p" "$b" "$t" "$r"
  [ "$r" = "-" ] || echo "$r" >>"$TMP/ratios"
done
awk '{ s += log($1); n++ } END { if (n) printf "%-12s %15s %15s %10.4f\n", "geomean", "", "", exp(s / n) }' "$TMP/ratios"
