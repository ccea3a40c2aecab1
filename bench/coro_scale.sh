#!/bin/sh
# bench/coro_scale.sh: many suspended coroutines (bench/coro_scale.lua): wall time and peak RSS
# under lua5.4, luajit and tycho side by side, medians of BENCH_N runs, with ratios to lua5.4
# and luajit; then whether 200k coroutines run under `ulimit -v 4000000`.
#
# Usage: sh bench/coro_scale.sh [N]          (N coroutines, default 100000)
#   TYCHO  tycho binary (default build/tycho)   BENCH_N  repetitions (default 5)
#   TYCHO_BASE  a second tycho binary, measured in the same rounds (base column)
# Needs GNU time (/usr/bin/time) for peak RSS. Builds nothing.
LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${1:-100000}
N=${BENCH_N:-5}
TYCHO=${TYCHO:-build/tycho}
case "$TYCHO" in /*) ;; */*) TYCHO="$ROOT/$TYCHO" ;; esac
IMPLS="lua5.4 luajit $TYCHO"
[ -n "${TYCHO_BASE:-}" ] && IMPLS="$IMPLS $TYCHO_BASE"
[ -x /usr/bin/time ] || { echo "coro_scale.sh: /usr/bin/time (GNU time) is needed" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-coro.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
available() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }

i=0
for impl in $IMPLS; do i=$((i + 1)); : >"$TMP/t$i"; : >"$TMP/m$i"; done
rep=0
while [ "$rep" -lt "$N" ]; do  # interleaved rounds
  rep=$((rep + 1)); i=0
  for impl in $IMPLS; do
    i=$((i + 1))
    available "$impl" || continue
    if /usr/bin/time -f "%e %M" -o "$TMP/rt" "$impl" "$ROOT/bench/coro_scale.lua" "$COUNT" >"$TMP/out$i" 2>&1; then
      read -r t m <"$TMP/rt"
      echo "$t" >>"$TMP/t$i"; echo "$m" >>"$TMP/m$i"
    fi
  done
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

echo "$COUNT suspended coroutines (bench/coro_scale.lua), median of $N runs"
printf '%-22s %9s %11s %10s %10s %10s %10s\n' impl time_s peak_MB t/lua5.4 mem/lua5.4 t/luajit mem/luajit
t1=$(median "$TMP/t1"); k1=$(median "$TMP/m1"); t2=$(median "$TMP/t2"); k2=$(median "$TMP/m2")
i=0
for impl in $IMPLS; do
  i=$((i + 1))
  t=$(median "$TMP/t$i"); k=$(median "$TMP/m$i")
  mb=$( [ "$k" = "-" ] && echo "-" || awk -v k="$k" 'BEGIN { printf "%.1f", k / 1024 }')
  printf '%-22s %9s %11s %10s %10s %10s %10s\n' "$(basename "$impl")$( [ "$i" -eq 4 ] && echo ' (base)')" \
    "$t" "$mb" "$(ratio "$t" "$t1")" "$(ratio "$k" "$k1")" "$(ratio "$t" "$t2")" "$(ratio "$k" "$k2")"
done

echo "200000 coroutines under ulimit -v 4000000:"
i=0
for impl in $IMPLS; do
  i=$((i + 1))
  available "$impl" || continue
  (ulimit -v 4000000; "$impl" "$ROOT/bench/coro_scale.lua" 200000) >"$TMP/lim" 2>&1
  r=$(grep '^coro_scale' "$TMP/lim" || head -n 1 "$TMP/lim")
  printf '  %-20s %s\n' "$(basename "$impl")$( [ "$i" -eq 4 ] && echo ' (base)')" "$(echo "$r" | cut -c1-70)"
done
