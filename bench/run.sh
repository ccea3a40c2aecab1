#!/bin/sh
# bench/run.sh: runs each benchmark under lua5.4, luajit and tycho side by side and prints time ratios.
#
# Usage: sh bench/run.sh [PROGRAM...]       (default: every bench/*.lua)
#   TYCHO    tycho binary (default build/tycho)     BENCH_N   repetitions (default 5)
#   BENCH_STARTUP_RUNS  runs for the startup row (default 200; 0 skips it)
#   TYCHO_FLAGS   options for every tycho column (e.g. --compile=all)
#   TYCHO_MODES   one tycho column per native-tier policy, e.g. "no yes all": columns
#                 no (the interpreter), yes (the default, tiered, compile time included)
#                 and all (--compile=all), each with ratios against lua5.4
#                 and luajit, a ratio against the first mode, and a compile table
#                 (specializations and compile milliseconds, from TYCHO_JIT_STATS) after
#                 the timings.
#   TYCHO_BASE    a second tycho binary (e.g. a build of an earlier commit) run in the same
#                 interleaved rounds; adds a 'base' column and tycho/base ratios, so that a
#                 change's effect on speed is measured side by side, not across runs.
#   TYCHO_BASE_FLAGS  options for the base column, e.g.
#                 TYCHO_FLAGS=--compile=all TYCHO_BASE=build/tycho TYCHO_BASE_FLAGS=--compile=no
#                 puts the native tier beside the interpreter.
# Builds nothing. Repetitions are interleaved across columns; the median wall time is
# reported. Each program prints a checksum; a column whose output differs from lua5.4's
# prints MISMATCH.

LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_N:-5}
SRUNS=${BENCH_STARTUP_RUNS:-200}

abspath() {  # a command name or a path -> something runnable from bench/
  case "$1" in
    /*) echo "$1" ;;
    */*) echo "$ROOT/$1" ;;
    *) command -v "$1" || echo "$1" ;;
  esac
}
TYCHO=$(abspath "${TYCHO:-build/tycho}")
BASE=${TYCHO_BASE:+$(abspath "$TYCHO_BASE")}

# the columns: label, binary, flags (one line each; labels have no spaces)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
{
  echo "lua5.4 lua5.4"
  echo "luajit luajit"
  if [ -n "${TYCHO_MODES:-}" ]; then
    for m in $TYCHO_MODES; do echo "$m $TYCHO --compile=$m ${TYCHO_FLAGS:-}"; done
  else
    echo "tycho $TYCHO ${TYCHO_FLAGS:-}"
  fi
  [ -n "$BASE" ] && echo "base $BASE ${TYCHO_BASE_FLAGS:-}"
} >"$TMP/cols"
NCOL=$(wc -l <"$TMP/cols")
col() { sed -n "$1p" "$TMP/cols"; }            # i -> "label binary flags..."
label() { col "$1" | cut -d' ' -f1; }
cmd() { col "$1" | cut -d' ' -f2-; }            # binary and flags
binary() { col "$1" | cut -d' ' -f2; }
TCOLS=$(i=3; while [ "$i" -le "$NCOL" ]; do [ "$(label $i)" = base ] || printf '%s ' "$i"; i=$((i + 1)); done)
FIRST=${TCOLS%% *}                              # the reference tycho column
BCOL=; [ -n "$BASE" ] && BCOL=$NCOL

available() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }
i=1
while [ "$i" -le "$NCOL" ]; do
  available "$(binary $i)" || echo "note: $(binary $i) not found; its column shows '-'" >&2
  i=$((i + 1))
done

if [ $# -gt 0 ]; then
  progs=
  for p in "$@"; do progs="$progs ${p%.lua}"; done
else
  progs=$(cd "$ROOT/bench" && ls *.lua | sed 's/\.lua$//')
fi

now() { date +%s%N; }

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

# the ratio columns: each tycho column against lua5.4 and luajit, then against the
# reference column (several modes) and the base
rheads() {
  for c in $TCOLS; do l=$(label "$c"); printf '%s/lua5.4 %s/luajit ' "$l" "$l"; done
  for c in $TCOLS; do [ "$c" = "$FIRST" ] || printf '%s/%s ' "$(label "$c")" "$(label "$FIRST")"; done
  [ -n "$BCOL" ] && for c in $TCOLS; do printf '%s/base ' "$(label "$c")"; done
}
rvalues() {  # medians file (one per column) -> the ratio values in rheads' order
  for c in $TCOLS; do
    printf '%s %s ' "$(ratio "$(sed -n "${c}p" "$1")" "$(sed -n 1p "$1")")" \
      "$(ratio "$(sed -n "${c}p" "$1")" "$(sed -n 2p "$1")")"
  done
  for c in $TCOLS; do
    [ "$c" = "$FIRST" ] || printf '%s ' "$(ratio "$(sed -n "${c}p" "$1")" "$(sed -n "${FIRST}p" "$1")")"
  done
  [ -n "$BCOL" ] && for c in $TCOLS; do
    printf '%s ' "$(ratio "$(sed -n "${c}p" "$1")" "$(sed -n "${BCOL}p" "$1")")"
  done
}

W=$(rheads | wc -w)
{
  printf 'program'; i=1; while [ "$i" -le "$NCOL" ]; do printf ' %s' "$(label $i)"; i=$((i + 1)); done
  printf ' %s note\n' "$(rheads)"
} >"$TMP/table"
: >"$TMP/ratios"
: >"$TMP/compile"
cd "$ROOT/bench" || exit 2
for p in $progs; do
  [ -f "$p.lua" ] || { echo "no such benchmark: $p" >&2; continue; }
  i=1
  while [ "$i" -le "$NCOL" ]; do : >"$TMP/t$i"; rm -f "$TMP/out$i" "$TMP/fail$i"; i=$((i + 1)); done
  rep=0
  while [ "$rep" -lt "$N" ]; do
    rep=$((rep + 1))
    i=1
    while [ "$i" -le "$NCOL" ]; do
      if available "$(binary $i)" && [ ! -f "$TMP/fail$i" ]; then
        t0=$(now)
        # shellcheck disable=SC2046
        if $(cmd $i) "$p.lua" >"$TMP/cur$i" 2>"$TMP/err$i"; then
          t1=$(now)
          echo $((t1 - t0)) >>"$TMP/t$i"
          mv "$TMP/cur$i" "$TMP/out$i"
        else
          touch "$TMP/fail$i"
        fi
      fi
      i=$((i + 1))
    done
  done
  note=
  : >"$TMP/med"
  i=1
  while [ "$i" -le "$NCOL" ]; do
    if [ -f "$TMP/fail$i" ]; then
      note="$note FAIL($(label $i): $(head -n 1 "$TMP/err$i" | cut -c1-60))"
      : >"$TMP/t$i"
    elif [ -f "$TMP/out$i" ] && [ -f "$TMP/out1" ] && ! cmp -s "$TMP/out1" "$TMP/out$i"; then
      note="$note MISMATCH($(label $i))"
    fi
    median "$TMP/t$i" >>"$TMP/med"; echo >>"$TMP/med"
    i=$((i + 1))
  done
  r=$(rvalues "$TMP/med")
  echo "$p $(tr '\n' ' ' <"$TMP/med") $r${note:+ #$note}" >>"$TMP/table"
  echo "$r" >>"$TMP/ratios"
  # compile figures of the tycho columns that compile (one untimed run each)
  if [ -n "${TYCHO_MODES:-}" ]; then
    line="$p"
    for c in $TCOLS; do
      # shellcheck disable=SC2046
      s=$(TYCHO_JIT_STATS=1 $(cmd "$c") "$p.lua" 2>&1 >/dev/null | sed -n \
        's/^jit: \([0-9]*\) specializations compiled.*compile ms total \([0-9.]*\).*/\1 \2/p')
      line="$line  $(label "$c"): $(echo "${s:-0 0}" | awk '{ printf "%s compiled, %s ms", $1, $2 }')"
    done
    echo "$line" >>"$TMP/compile"
  fi
done

# geometric means over the programs where a ratio exists ('.' under the time columns)
awk -v w="$W" -v ncol="$NCOL" '{
  for (j = 1; j <= w; j++) if ($j != "-") { s[j] += log($j); n[j]++ }
} END {
  printf "geomean"
  for (j = 1; j <= ncol; j++) printf " ."
  for (j = 1; j <= w; j++) printf " %s", n[j] ? sprintf("%.2f", exp(s[j] / n[j])) : "-"
  printf "\n"
}' "$TMP/ratios" >>"$TMP/table"

# startup: `-e ''` repeated, interleaved in 5 blocks, reported per run in milliseconds
if [ "$SRUNS" -gt 0 ]; then
  block=$(( (SRUNS + 4) / 5 ))
  i=1
  while [ "$i" -le "$NCOL" ]; do echo 0 >"$TMP/s$i"; i=$((i + 1)); done
  b=0
  while [ "$b" -lt 5 ]; do
    b=$((b + 1))
    i=1
    while [ "$i" -le "$NCOL" ]; do
      if available "$(binary $i)"; then
        t0=$(now)
        k=0
        # shellcheck disable=SC2046
        while [ "$k" -lt "$block" ]; do $(cmd $i) -e '' >/dev/null 2>&1; k=$((k + 1)); done
        t1=$(now)
        prev=$(cat "$TMP/s$i")
        [ "$prev" = "-" ] || echo $((prev + t1 - t0)) >"$TMP/s$i"
      else
        echo "-" >"$TMP/s$i"
      fi
      i=$((i + 1))
    done
  done
  : >"$TMP/smed"
  i=1
  while [ "$i" -le "$NCOL" ]; do
    awk -v t="$(cat "$TMP/s$i")" -v n=$((block * 5)) \
      'BEGIN { if (t == "-") print "-"; else printf "%.2f\n", t / n / 1e6 }' >>"$TMP/smed"
    i=$((i + 1))
  done
  echo "startup(ms) $(tr '\n' ' ' <"$TMP/smed") $(rvalues "$TMP/smed") #-e''x$((block * 5)),not-in-geomean" >>"$TMP/table"
fi

# print the table aligned (notes after '#' keep their spaces)
awk '{
  note = ""; k = index($0, "#"); line = $0
  if (k > 0) { note = substr($0, k + 1); line = substr($0, 1, k - 1) }
  nf = split(line, f, " "); rows[NR] = nf; notes[NR] = note
  for (j = 1; j <= nf; j++) { cell[NR, j] = f[j]; if (length(f[j]) > wd[j]) wd[j] = length(f[j]) }
} END {
  for (r = 1; r <= NR; r++) {
    s = sprintf("%-" wd[1] "s", cell[r, 1])
    for (j = 2; j <= rows[r]; j++) s = s sprintf("  %" wd[j] "s", cell[r, j])
    if (notes[r] != "") s = s "  " notes[r]
    print s
    if (r == 1) { n = length(s); d = ""; while (length(d) < n) d = d "-"; print d }
  }
}' "$TMP/table"

if [ -s "$TMP/compile" ]; then
  echo
  echo "native tier: specializations compiled and compile time per column (TYCHO_JIT_STATS=1, one more run, untimed)"
  cat "$TMP/compile"
fi
