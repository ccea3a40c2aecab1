#!/bin/sh
# bench/image.sh: the README main job: an image of penlight+dkjson+argparse+luacheck built with tychoc,
# then lua5.4 / luajit / tycho / tycho -J side by side: startup, requiring the packages, luacheck
# over one penlight file and over pl/; then the seed's CSV workload (pl.data) with and without
# an image. Medians of BENCH_N interleaved runs (default 5); outputs compared with lua5.4's.
#
# Usage: sh bench/image.sh     TYCHO (default build/tycho), TYCHOC (default: next to TYCHO),
#        BENCH_N, BENCH_STARTUP_RUNS (default 100), KEEP=dir (keep the images and the CSV there)
LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_N:-5}
SRUNS=${BENCH_STARTUP_RUNS:-100}
TYCHO=${TYCHO:-build/tycho}
case "$TYCHO" in /*) ;; */*) TYCHO="$ROOT/$TYCHO" ;; *) TYCHO=$(command -v "$TYCHO" || echo "$TYCHO") ;; esac
TYCHOC=${TYCHOC:-$(dirname "$TYCHO")/tychoc}
export TYCHO
[ -x "$TYCHO" ] || { echo "image.sh: $TYCHO not built (run make)"; exit 1; }
[ -x "$TYCHOC" ] || { echo "image.sh: $TYCHOC not built (run make)"; exit 1; }
if [ -n "${KEEP:-}" ]; then TMP=$KEEP; mkdir -p "$TMP" || exit 1
else TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-image-bench.XXXXXX") || exit 1; trap 'rm -rf "$TMP"' EXIT; trap 'exit 1' INT TERM; fi

# Debian installs luacheck for 5.1 only; every runtime gets the same path (lfs comes from cpath)
LUA_PATH="/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua;;"
export LUA_PATH
unset LUA_PATH_5_4 LUA_INIT LUA_INIT_5_4
PL=/usr/share/lua/5.4/pl
SETUP="$ROOT/bench/image/setup.lua"
now() { date +%s%N; }
bad=0   # image build failures and outputs differing from lua5.4 make the exit status 1

# ---- build the image ------------------------------------------------------------------
echo "== Building the image: tychoc image --script bench/image/setup.lua (penlight, dkjson, argparse, luacheck)"
IMG="$TMP/app.so"
t0=$(now)
ok=0
if "$TYCHOC" image -o "$IMG" --script "$SETUP" >"$TMP/build.log" 2>&1; then ok=1
else
  # e.g. a runtime that cannot store C modules (lfs) yet: leave out the 11 modules that load lfs
  echo "  the full image failed: $(grep -v '^\[' "$TMP/build.log" | grep -v '^tychoc: setup failed' | head -n 1 | sed 's/^ *//' | cut -c1-110)"
  echo "  retrying without the 11 modules that load lfs, a C module (IMAGE_SETUP_NO_C=1): they load from source"
  t0=$(now)
  IMAGE_SETUP_NO_C=1 "$TYCHOC" image -o "$IMG" --script "$SETUP" >"$TMP/build.log" 2>&1 && ok=1
fi
if [ "$ok" -eq 1 ]; then
  t1=$(now)
  sed 's/^/  /' "$TMP/build.log"
  img_size=$(wc -c <"$IMG")
  awk -v t=$((t1 - t0)) -v s="$img_size" 'BEGIN { printf "  image size %.1f MB, build time %.2f s\n", s / 1048576, t / 1e9 }'
else
  sed 's/^/  /' "$TMP/build.log" | head -n 20
  echo "  (image build failed: the tycho -J column shows '-')"
  IMG=; bad=1
fi
echo

# impl K -> command words; K: 1 lua5.4, 2 luajit, 3 tycho, 4 tycho -J
NAMES="lua5.4 luajit tycho tycho-J"
have() {
  case $1 in
    1) command -v lua5.4 >/dev/null 2>&1 ;;
    2) command -v luajit >/dev/null 2>&1 ;;
    3) true ;;
    4|5) [ -n "$IMG" ] ;;
  esac
}
runk() {  # K args... (stdout/stderr as redirected by the caller)
  k=$1; shift
  case $k in
    1) lua5.4 "$@" ;;
    2) luajit "$@" ;;
    3) "$TYCHO" "$@" ;;
    4) "$TYCHO" -J "$IMG" "$@" ;;
    5) TYCHO_IMAGE_VERIFY=full "$TYCHO" -J "$IMG" "$@" ;;  # as the first load of a new file
  esac
}
median() {  # file of nanoseconds -> seconds (3 decimals) or -
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m / 1e9 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
verdict() {  # ratio target-kind
  awk -v r="$1" -v k="$2" 'BEGIN {
    if (r == "-") { print ""; exit }
    if (k == "a") t = 2.0; else if (k == "b") t = 0.1; else t = 1.0
    printf "%s (target <= %.1fx)", (r + 0 <= t) ? "meets" : "MISSES", t }'
}

hdr() {
  printf '%-22s %9s %9s %9s %9s %9s  %s\n' "$1" lua5.4 luajit tycho tycho-J "-J/lua5.4" "note"
  echo "------------------------------------------------------------------------------------------------"
}

# row LABEL TARGET-KIND ARGS...: median wall time of N interleaved runs per runtime;
# stdout+status compared with lua5.4's (luacheck exits 1 when it finds warnings)
row() {
  label=$1; kind=$2; shift 2
  for k in 1 2 3 4; do : >"$TMP/t$k"; rm -f "$TMP/fail$k"; done
  rep=0
  while [ "$rep" -lt "$N" ]; do
    rep=$((rep + 1))
    for k in 1 2 3 4; do
      have $k || continue
      t0=$(now); runk $k "$@" >"$TMP/out$k" 2>"$TMP/err$k"; st=$?; t1=$(now)
      echo "$st" >"$TMP/st$k"
      echo $((t1 - t0)) >>"$TMP/t$k"
    done
  done
  note=; jdiff=0
  for k in 2 3 4; do
    have $k || continue
    if ! cmp -s "$TMP/out1" "$TMP/out$k" || ! cmp -s "$TMP/st1" "$TMP/st$k"; then
      [ "$k" -eq 4 ] && jdiff=1
      bad=1; note="$note DIFFERS($(echo $NAMES | cut -d' ' -f$k): $(head -n 1 "$TMP/err$k" | cut -c1-50))"
    fi
  done
  [ -z "$note" ] && note="identical output ($(wc -c <"$TMP/out1") bytes)"
  m1=$(median "$TMP/t1"); m2=$(median "$TMP/t2"); m3=$(median "$TMP/t3"); m4=$(median "$TMP/t4")
  r=$(ratio "$m4" "$m1")
  v=$(verdict "$r" "$kind"); [ "$jdiff" -eq 1 ] && v="(no verdict: -J output differs)"
  printf '%-22s %9s %9s %9s %9s %9s  %s %s\n' "$label" "$m1" "$m2" "$m3" "$m4" "$r" "$v" "$note"
}

echo "== The main job (seconds, median of $N interleaved runs)"
hdr "job"
# (a) startup, reported per run in milliseconds over SRUNS runs in 5 interleaved blocks
block=$(( (SRUNS + 4) / 5 ))
for k in 1 2 3 4 5; do echo 0 >"$TMP/s$k"; done
b=0
while [ "$b" -lt 5 ]; do
  b=$((b + 1))
  for k in 1 2 3 4 5; do
    have $k || { echo "-" >"$TMP/s$k"; continue; }
    t0=$(now); i=0
    while [ "$i" -lt "$block" ]; do runk $k -e '' >/dev/null 2>&1; i=$((i + 1)); done
    t1=$(now); prev=$(cat "$TMP/s$k")
    [ "$prev" = "-" ] || echo $((prev + t1 - t0)) >"$TMP/s$k"
  done
done
per() { awk -v t="$(cat "$1")" -v n=$((block * 5)) 'BEGIN { if (t == "-") print "-"; else printf "%.2f", t / n / 1e6 }'; }
s1=$(per "$TMP/s1"); s2=$(per "$TMP/s2"); s3=$(per "$TMP/s3"); s4=$(per "$TMP/s4")
r=$(ratio "$s4" "$s1")
printf '%-22s %9s %9s %9s %9s %9s  %s\n' "(a) startup -e '' (ms)" "$s1" "$s2" "$s3" "$s4" "$r" "$(verdict "$r" a) x$((block * 5)) runs"
s5=$(per "$TMP/s5"); r=$(ratio "$s5" "$s1")
printf '%-22s %9s %9s %9s %9s %9s  %s\n' "    first load of file" "" "" "" "$s5" "$r" \
  "$(verdict "$r" a) full content check (TYCHO_IMAGE_VERIFY=full); later loads: stamped (row above)"
# (b) requiring all the packages: the same script; under -J every require is a table lookup
row "(b) require 65 modules" b "$SETUP"
# (c) luacheck, a Lua program: its modules from the image; lfs (C) from cpath
row "(c) luacheck pl/utils" c /usr/bin/luacheck --no-color "$PL/utils.lua"
row "(c) luacheck pl/" c /usr/bin/luacheck --no-color "$PL"
echo

# ---- the seed's workload: CSV with pl.data, first and second read in one process --------
echo "== The seed's workload: FL_insurance-shaped CSV (36,634 rows) with pl.data, per-county tiv_2012"
CSV="$TMP/FL_insurance_sample.csv"
lua5.4 "$ROOT/bench/image/gen_fl_insurance.lua" "$CSV" 2>/dev/null || "$TYCHO" "$ROOT/bench/image/gen_fl_insurance.lua" "$CSV" || exit 1
FLIMG="$TMP/fl.so"
if "$TYCHOC" image -o "$FLIMG" --packages pl.data >"$TMP/flbuild.log" 2>&1; then
  echo "  image with pl.data: $(tail -n 1 "$TMP/flbuild.log")"
else
  echo "  image with pl.data failed: $(grep -v '^\[' "$TMP/flbuild.log" | head -n 3)"; FLIMG=; bad=1
fi
printf '%-22s %12s %12s %12s  %s\n' "runtime" "first read" "second read" "process" "output"
echo "----------------------------------------------------------------------------------"
for k in 1 2 3 4; do
  case $k in 4) [ -n "$FLIMG" ] || continue ;; *) have $k || continue ;; esac
  : >"$TMP/f1"; : >"$TMP/f2"; : >"$TMP/fw"
  rep=0
  while [ "$rep" -lt "$N" ]; do
    rep=$((rep + 1))
    t0=$(now)
    if [ "$k" -eq 4 ]; then "$TYCHO" -J "$FLIMG" "$ROOT/bench/image/fl_insurance.lua" "$CSV" >"$TMP/flout$k" 2>"$TMP/flerr"
    else runk $k "$ROOT/bench/image/fl_insurance.lua" "$CSV" >"$TMP/flout$k" 2>"$TMP/flerr"; fi
    t1=$(now)
    echo $((t1 - t0)) >>"$TMP/fw"
    awk '/^first/ { printf "%.0f\n", $2 * 1e9 >> f1; printf "%.0f\n", $4 * 1e9 >> f2 }' f1="$TMP/f1" f2="$TMP/f2" "$TMP/flerr"
  done
  out="identical"; cmp -s "$TMP/flout1" "$TMP/flout$k" || { out="DIFFERS from lua5.4"; bad=1; }
  label=$(echo $NAMES | cut -d' ' -f$k); [ "$k" -eq 4 ] && label="tycho -J (pl.data)"
  printf '%-22s %12s %12s %12s  %s\n' "$label" "$(median "$TMP/f1")" "$(median "$TMP/f2")" "$(median "$TMP/fw")" "$out"
done
echo "(first read includes loading pl.data; times in seconds, os.clock inside the process)"
exit "$bad"
