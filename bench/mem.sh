#!/bin/sh
# bench/mem.sh: peak resident memory beside wall time, lua5.4, luajit and tycho side by side.
#
# Usage: sh bench/mem.sh [PROGRAM...]   (default: mem_tables ephemeron)
#   TYCHO   tycho binary (default build/tycho)     BENCH_N  repetitions (default 3)
#   TYCHO_BASE  a second tycho binary, run in the same rounds (adds 'base' columns)
# Each run goes through /usr/bin/time -f '%e %M' (GNU time: seconds, peak RSS in KB);
# repetitions are interleaved across implementations and the medians are printed,
# RSS in MB, with tycho's ratios to lua5.4 and luajit. Checksums must agree.

LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_N:-3}
TYCHO=${TYCHO:-build/tycho}
case "$TYCHO" in /*) ;; */*) TYCHO="$ROOT/$TYCHO" ;; esac
IMPLS="lua5.4 luajit $TYCHO"
BASE=${TYCHO_BASE:-}
if [ -n "$BASE" ]; then
  case "$BASE" in /*) ;; */*) BASE="$ROOT/$BASE" ;; esac
  IMPLS="$IMPLS $BASE"
fi
[ -x /usr/bin/time ] || { echo "bench/mem.sh: needs GNU time in /usr/bin/time" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-mem.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
[ $# -gt 0 ] && progs="$*" || progs="mem_tables ephemeron"

med() {  # file column -> median of that column
  awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2fx", a / b }'; }

printf '%-12s %8s %8s %8s %8s %8s %8s  %-17s %-17s' program lua5.4_s MB luajit_s MB tycho_s MB tycho/lua5.4 tycho/luajit
[ -n "$BASE" ] && printf ' %8s %8s  %-17s' base_s MB tycho/base
printf '  (time, RSS)\n'
for p in $progs; do
  p=${p%.lua}
  i=0
  for impl in $IMPLS; do i=$((i + 1)); : > "$TMP/$p.$i"; done
  r=0
  while [ $r -lt "$N" ]; do
    i=0
    for impl in $IMPLS; do
      i=$((i + 1))
      command -v "$impl" >/dev/null 2>&1 || [ -x "$impl" ] || continue
      if /usr/bin/time -f '%e %M' -o "$TMP/t" "$impl" "$ROOT/bench/$p.lua" > "$TMP/out.$i" 2>/dev/null; then
        cat "$TMP/t" >> "$TMP/$p.$i"
      fi
    done
    r=$((r + 1))
  done
  note=
  i=0
  for impl in $IMPLS; do
    i=$((i + 1))
    [ -s "$TMP/out.$i" ] && ! cmp -s "$TMP/out.$i" "$TMP/out.1" && note="MISMATCH($impl)"
  done
  for i in 1 2 3 4; do
    eval "t$i=\$(med \"\$TMP/\$p.\$i\" 1 2>/dev/null || echo -)"
    eval "m$i=\$(med \"\$TMP/\$p.\$i\" 2 2>/dev/null || echo -)"
    eval "m$i=\$(awk -v k=\"\$m$i\" 'BEGIN { if (k == \"-\" || k == \"\") print \"-\"; else printf \"%.1f\", k / 1024 }')"
    eval "[ -n \"\$t$i\" ] || t$i=-"
  done
  printf '%-12s %8s %8s %8s %8s %8s %8s  %-17s %-17s' "$p" "$t1" "$m1" "$t2" "$m2" "$t3" "$m3" \
    "$(ratio "$t3" "$t1"), $(ratio "$m3" "$m1")" "$(ratio "$t3" "$t2"), $(ratio "$m3" "$m2")"
  [ -n "$BASE" ] && printf ' %8s %8s  %-17s' "$t4" "$m4" "$(ratio "$t3" "$t4"), $(ratio "$m3" "$m4")"
  printf '  %s\n' "$note"
done
