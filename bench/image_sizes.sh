#!/bin/sh
# bench/image_sizes.sh: load cost vs image size: images of ~1, 10 and 50 MB of live Lua data
# (tables of strings and numbers); for each: image size, objects and relocations, median
# `tycho -J img.so -e ''` time, and resident memory (VmRSS read by the process itself after
# load, and max RSS from /usr/bin/time) against a plain `tycho -e ''`; with perf installed,
# also the median CPU time (task-clock), which a busy machine disturbs less than wall time.
# Two rows per image: "full" checks the whole content at every load (TYCHO_IMAGE_VERIFY=full,
# what the first load of a file does), "stamped" is every later load of the unchanged file.
#
# Usage: sh bench/image_sizes.sh    TYCHO (default build/tycho), BENCH_N (runs, default 21),
#        SIZES (MB of live data, default "1 10 50"), KEEP=dir (keep the images there)
LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_N:-21}
SIZES=${SIZES:-"1 10 50"}
TYCHO=${TYCHO:-build/tycho}
case "$TYCHO" in /*) ;; */*) TYCHO="$ROOT/$TYCHO" ;; *) TYCHO=$(command -v "$TYCHO" || echo "$TYCHO") ;; esac
[ -x "$TYCHO" ] || { echo "image_sizes.sh: $TYCHO not built (run make)"; exit 1; }
LIBDIR=$(dirname "$TYCHO")
if [ -n "${KEEP:-}" ]; then TMP=$KEEP; mkdir -p "$TMP" || exit 1
else TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-image-sizes.XXXXXX") || exit 1; trap 'rm -rf "$TMP"' EXIT; trap 'exit 1' INT TERM; fi
now() { date +%s%N; }
TYCHO_CACHE_DIR="$TMP/cache"   # stamps of verified images: private to this run
export TYCHO_CACHE_DIR
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# median wall time (ms, 2 decimals) of N runs of the command
timeit() {
  i=0
  while [ "$i" -lt "$N" ]; do
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
    i=$((i + 1))
  done | median | awk '{printf "%.2f", $1 / 1000}'
}

# median CPU ms (perf stat task-clock) of N runs, or "-" without perf
cpuit() {
  command -v perf >/dev/null 2>&1 || { echo "-"; return; }
  i=0
  while [ "$i" -lt "$N" ]; do
    perf stat -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}'
    i=$((i + 1))
  done | median | awk '{printf "%.2f", $1}'
}

RSSLUA='for l in io.lines("/proc/self/status") do local k = l:match("^VmRSS:%s*(%d+)") if k then print(k) end end'
maxrss() {  # KB, from /usr/bin/time if present
  if [ -x /usr/bin/time ]; then /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; else echo "-"; fi
}

cat >"$TMP/gen.lua" <<'LUA'
-- live data of about MB megabytes (collectgarbage("count")): records of strings and numbers
local mb = tonumber(arg[1])
local base = collectgarbage("count")
data = {}
local i = 0
while (collectgarbage("count") - base) < mb * 1024 do
  for _ = 1, 1000 do
    i = i + 1
    data[i] = {id = i, name = "item-" .. i, price = i * 1.25, qty = i % 97,
               tags = {"t" .. (i % 50), "group-" .. (i % 7)}, note = "row " .. i .. " of the data set"}
  end
end
collectgarbage()
io.stderr:write(string.format("gen: %d records, %.1f MB live\n", i, (collectgarbage("count") - base) / 1024))
LUA

printf '%-12s %10s %9s %10s %10s %10s %11s %11s %11s\n' "data" "image" "objects" "relocs" "load ms" "cpu ms" "VmRSS KB" "maxRSS KB" "build s"
base_t=$(timeit "$TYCHO" -e '')
base_c=$(cpuit "$TYCHO" -e '')
base_rss=$("$TYCHO" -e "$RSSLUA")
base_max=$(maxrss "$TYCHO" -e '')
printf '%-12s %10s %9s %10s %10s %10s %11s %11s %11s\n' "none" "-" "-" "-" "$base_t" "$base_c" "$base_rss" "$base_max" "-"
for mb in $SIZES; do
  t0=$(now)
  if ! "$TYCHO" --output-o="$TMP/img$mb.o" "$TMP/gen.lua" "$mb" 2>"$TMP/gen$mb.log" ||
     ! cc -shared -o "$TMP/img$mb.so" -Wl,--whole-archive "$TMP/img$mb.o" -Wl,--no-whole-archive \
          -L"$LIBDIR" -ltycho 2>>"$TMP/gen$mb.log"; then
    echo "$mb MB: image not built: $(head -n 3 "$TMP/gen$mb.log")"; continue
  fi
  t1=$(now)
  rm -f "$TMP/img$mb.o"
  size=$(wc -c <"$TMP/img$mb.so")
  info=$("$TYCHO" --image-info="$TMP/img$mb.so")
  objs=$(printf '%s\n' "$info" | awk -F'\t' '$1 == "section" && $2 == "heap" {print $5}')
  rels=$(printf '%s\n' "$info" | awk -F'\t' '$1 == "section" && $2 == "reloc" {print $5}')
  for mode in full stamped; do
    v=cached; [ "$mode" = full ] && v=full
    TYCHO_IMAGE_VERIFY=$v "$TYCHO" -J "$TMP/img$mb.so" -e '' || continue   # stamps a verified file
    lt=$(TYCHO_IMAGE_VERIFY=$v timeit "$TYCHO" -J "$TMP/img$mb.so" -e '')
    ct=$(TYCHO_IMAGE_VERIFY=$v cpuit "$TYCHO" -J "$TMP/img$mb.so" -e '')
    rss=$(TYCHO_IMAGE_VERIFY=$v "$TYCHO" -J "$TMP/img$mb.so" -e "$RSSLUA")
    mx=$(TYCHO_IMAGE_VERIFY=$v maxrss "$TYCHO" -J "$TMP/img$mb.so" -e '')
    printf '%-12s %9.1fM %9s %10s %10s %10s %11s %11s %11.2f\n' "${mb}MB $mode" \
      "$(echo "$size" | awk '{print $1 / 1048576}')" \
      "$objs" "$rels" "$lt" "$ct" "$rss" "$mx" "$(echo "$t0 $t1" | awk '{print ($2 - $1) / 1e9}')"
  done
done
echo "load ms / cpu ms: medians of $N runs of tycho -J IMG -e '' (wall / perf task-clock); VmRSS read by the loaded process itself"
