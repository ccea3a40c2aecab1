#!/bin/sh
# bench/run.sh: runs each benchmark under lua5.4, luajit and tycho side by side and prints time ratios.
#
# Usage: sh bench/run.sh [PROGRAM...]       (default: every bench/*.lua)
#   TYCHO    tycho binary (default build/tycho)     BENCH_N   repetitions (default 5)
#   BENCH_STARTUP_RUNS  runs for the startup row (default 200; 0 skips it)
#   TYCHO_BASE  a second tycho binary (e.g. a build of an earlier commit) run in the same
#               interleaved rounds; adds a 'base' column and a tycho/base ratio, so that a
#               change's effect on speed is measured side by side, not across runs.
#   TYCHO_FLAGS, TYCHO_BASE_FLAGS  options for the tycho and base columns, e.g.
#               TYCHO_FLAGS=--compile=all TYCHO_BASE=build/tycho TYCHO_BASE_FLAGS=--compile=no
#               puts the native tier beside the interpreter.
# Builds nothing. Repetitions are interleaved across implementations; the median wall
# time is reported. Each program prints a checksum; differing checksums print MISMATCH.

LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_N:-5}
SRUNS=${BENCH_STARTUP_RUNS:-200}
TYCHO=${TYCHO:-build/tycho}
case "$TYCHO" in
  /*) ;;
  */*) TYCHO="$ROOT/$TYCHO" ;;
  *) TYCHO=$(command -v "$TYCHO" || echo "$TYCHO") ;;
esac

IMPLS="lua5.4 luajit $TYCHO"
BASE=${TYCHO_BASE:-}
if [ -n "$BASE" ]; then
  case "$BASE" in
    /*) ;;
    */*) BASE="$ROOT/$BASE" ;;
    *) BASE=$(command -v "$BASE" || echo "$BASE") ;;
  esac
  IMPLS="$IMPLS $BASE"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

available() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }
for impl in $IMPLS; do
  available "$impl" || echo "note: $impl not found; its column shows '-'" >&2
done

if [ $# -gt 0 ]; then
  progs=
  for p in "$@"; do progs="$progs ${p%.lua}"; done
else
  progs=$(cd "$ROOT/bench" && ls *.lua | sed 's/\.lua$//')
fi

now() { date +%s%N; }

# options of the i-th implementation (3: tycho, 4: base)
flags() {
  case "$1" in 3) echo "${TYCHO_FLAGS:-}" ;; 4) echo "${TYCHO_BASE_FLAGS:-}" ;; esac
}

# median of the numbers in a file (nanoseconds) printed as seconds
median() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.3f", m / 1e9 }'
}

ratio() {  # a b -> a/b or -
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

# extra columns when a base binary is given
bhead() { [ -n "$BASE" ] && printf ' %9s %10s' "$1" "$2"; }
printf '%-12s %9s %9s %9s %13s %13s%s  %s\n' program lua5.4 luajit tycho tycho/lua5.4 tycho/luajit "$(bhead base tycho/base)" note
printf '%s\n' "------------------------------------------------------------------------------"
: >"$TMP/ratios"
cd "$ROOT/bench" || exit 2
for p in $progs; do
  [ -f "$p.lua" ] || { echo "no such benchmark: $p" >&2; continue; }
  i=0
  for impl in $IMPLS; do i=$((i + 1)); : >"$TMP/t$i"; rm -f "$TMP/out$i" "$TMP/fail$i"; done
  rep=0
  while [ "$rep" -lt "$N" ]; do
    rep=$((rep + 1))
    i=0
    for impl in $IMPLS; do
      i=$((i + 1))
      available "$impl" || continue
      [ -f "$TMP/fail$i" ] && continue
      t0=$(now)
      # shellcheck disable=SC2046
      if "$impl" $(flags $i) "$p.lua" >"$TMP/cur$i" 2>"$TMP/err$i"; then
        t1=$(now)
        echo $((t1 - t0)) >>"$TMP/t$i"
        mv "$TMP/cur$i" "$TMP/out$i"
      else
        touch "$TMP/fail$i"
      fi
    done
  done
  note=
  i=0
  for impl in $IMPLS; do
    i=$((i + 1))
    if [ -f "$TMP/fail$i" ]; then
      note="$note FAIL($(basename "$impl"): $(head -n 1 "$TMP/err$i" | cut -c1-60))"
      : >"$TMP/t$i"
    elif [ -f "$TMP/out$i" ] && [ -f "$TMP/out1" ] && ! cmp -s "$TMP/out1" "$TMP/out$i"; then
      note="$note MISMATCH($(basename "$impl"))"
    fi
  done
  m1=$(median "$TMP/t1"); m2=$(median "$TMP/t2"); m3=$(median "$TMP/t3")
  r1=$(ratio "$m3" "$m1"); r2=$(ratio "$m3" "$m2"); r3=-
  extra=
  if [ -n "$BASE" ]; then
    m4=$(median "$TMP/t4"); r3=$(ratio "$m3" "$m4"); extra=$(bhead "$m4" "$r3")
  fi
  printf '%-12s %9s %9s %9s %13s %13s%s %s\n' "$p" "$m1" "$m2" "$m3" "$r1" "$r2" "$extra" "$note"
  echo "$r1 $r2 $r3" >>"$TMP/ratios"
done

# geometric means over the programs that ran everywhere
awk -v base="$BASE" '{
  if ($1 != "-") { s1 += log($1); n1++ }
  if ($2 != "-") { s2 += log($2); n2++ }
  if ($3 != "-") { s3 += log($3); n3++ }
} END {
  g1 = n1 ? sprintf("%.2f", exp(s1 / n1)) : "-"
  g2 = n2 ? sprintf("%.2f", exp(s2 / n2)) : "-"
  g3 = n3 ? sprintf("%.3f", exp(s3 / n3)) : "-"
  printf "%s\n", "------------------------------------------------------------------------------"
  printf "%-12s %9s %9s %9s %13s %13s", "geomean", "", "", "", g1, g2
  if (base != "") printf " %9s %10s", "", g3
  printf "\n"
}' "$TMP/ratios"

# startup: `-e ''` repeated, interleaved in 5 blocks, reported per run in milliseconds
if [ "$SRUNS" -gt 0 ]; then
  block=$(( (SRUNS + 4) / 5 ))
  i=0
  for impl in $IMPLS; do i=$((i + 1)); echo 0 >"$TMP/s$i"; done
  b=0
  while [ "$b" -lt 5 ]; do
    b=$((b + 1))
    i=0
    for impl in $IMPLS; do
      i=$((i + 1))
      available "$impl" || { echo "-" >"$TMP/s$i"; continue; }
      t0=$(now)
      k=0
      fl=$(flags $i)
      # shellcheck disable=SC2086
      while [ "$k" -lt "$block" ]; do "$impl" $fl -e '' >/dev/null 2>&1; k=$((k + 1)); done
      t1=$(now)
      prev=$(cat "$TMP/s$i")
      [ "$prev" = "-" ] || echo $((prev + t1 - t0)) >"$TMP/s$i"
    done
  done
  per() { awk -v t="$(cat "$1")" -v n=$((block * 5)) 'BEGIN { if (t == "-") print "-"; else printf "%.2f", t / n / 1e6 }'; }
  s1=$(per "$TMP/s1"); s2=$(per "$TMP/s2"); s3=$(per "$TMP/s3")
  extra=
  if [ -n "$BASE" ]; then s4=$(per "$TMP/s4"); extra=$(bhead "$s4" "$(ratio "$s3" "$s4")"); fi
  printf '%-12s %9s %9s %9s %13s %13s%s  %s\n' "startup(ms)" "$s1" "$s2" "$s3" "$(ratio "$s3" "$s1")" "$(ratio "$s3" "$s2")" "$extra" "-e '' x$((block * 5)), not in geomean"
fi
