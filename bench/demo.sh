#!/bin/sh
# bench/demo.sh: the main job (bench/image.sh: a system image built with tychoc, started side by side with
# lua5.4/luajit), then real Debian Lua packages under tycho and lua5.4, then the benchmark table.
# Called by `make demo` after the build. TYCHO (default build/tycho), BENCH_N (default 3 here).
LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TYCHO=${TYCHO:-build/tycho}
case "$TYCHO" in /*) ;; */*) TYCHO="$ROOT/$TYCHO" ;; esac
[ -x "$TYCHO" ] || { echo "demo: $TYCHO not built (run make)"; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-demo.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0

echo "tycho demo: $("$TYCHO" -v 2>&1 | head -n 1)"
echo
# the main job: build a system image with tychoc and start from it (bench/image.sh)
TYCHO="$TYCHO" BENCH_N=${BENCH_N:-3} sh "$ROOT/bench/image.sh" || fails=$((fails + 1))
echo
echo "== Real programs (Debian packages), unmodified, under lua5.4 and tycho"
printf '%-10s %9s %9s  %s\n' program lua5.4 tycho "output"
cd "$ROOT/tests/compat" || exit 1
inspect_dir=
for d in /usr/local/share/lua/5.4 /usr/share/lua/5.4 /usr/share/lua/5.3; do
  [ -f "$d/inspect.lua" ] && { inspect_dir=$d; break; }
done
for prog in dkjson argparse penlight inspect; do
  set -- lua/$prog.lua
  [ "$prog" = inspect ] && set -- lua/$prog.lua "$inspect_dir"
  t0=$(date +%s%N); lua5.4 "$@" >"$TMP/ref" 2>/dev/null; t1=$(date +%s%N)
  "$TYCHO" "$@" >"$TMP/out" 2>"$TMP/err"; st=$?; t2=$(date +%s%N)
  if [ "$st" -ne 0 ]; then
    verdict="FAILED: $(head -n 1 "$TMP/err" | cut -c1-60)"; fails=$((fails + 1))
  elif cmp -s "$TMP/ref" "$TMP/out"; then
    verdict="identical ($(wc -c <"$TMP/ref") bytes)"
  else
    verdict="DIFFERS from lua5.4"; fails=$((fails + 1))
  fi
  awk -v p="$prog" -v a=$((t1 - t0)) -v b=$((t2 - t1)) -v v="$verdict" \
    'BEGIN { printf "%-10s %9.3f %9.3f  %s\n", p, a / 1e9, b / 1e9, v }'
done
echo
echo "== Benchmarks (median of ${BENCH_N:-3} interleaved runs, seconds)"
BENCH_N=${BENCH_N:-3} TYCHO="$TYCHO" sh "$ROOT/bench/run.sh"
echo
echo "(native code and CPU targets come in a later issue: then the image also holds compiled code)"
[ "$fails" -eq 0 ]
