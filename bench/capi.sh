#!/bin/sh
# bench/capi.sh: builds bench/capi/capi_mod.c twice (against liblua5.4's headers for lua5.4, against
# tycho's include/ for tycho, into build/capi/) and runs bench/capi/capi.lua under both side by side.
# Usage: sh bench/capi.sh [N]      BENCH_N repetitions (default 5; the best time per section is kept)
LC_ALL=C
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TYCHO=${TYCHO:-$ROOT/build/tycho}
REPS=${BENCH_N:-5}
OUT=$ROOT/build/capi
CC=${CC:-cc}
mkdir -p "$OUT/lua54" "$OUT/tycho" || exit 1
[ -f /usr/include/lua5.4/lua.h ] || { echo "capi.sh: liblua5.4-dev is not installed (run ./setup.sh)"; exit 1; }
$CC -O2 -shared -fPIC -o "$OUT/lua54/capi_mod.so" "$ROOT/bench/capi/capi_mod.c" -I/usr/include/lua5.4 || exit 1
$CC -O2 -shared -fPIC -o "$OUT/tycho/capi_mod.so" "$ROOT/bench/capi/capi_mod.c" -I"$ROOT/include" || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-capi.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
i=0
while [ $i -lt "$REPS" ]; do   # interleaved repetitions
  LUA_CPATH="$OUT/lua54/?.so" lua5.4 "$ROOT/bench/capi/capi.lua" "$@" >>"$tmp/lua54" || exit 1
  LUA_CPATH="$OUT/tycho/?.so" "$TYCHO" "$ROOT/bench/capi/capi.lua" "$@" >>"$tmp/tycho" || exit 1
  i=$((i + 1))
done
c1=$(grep checksum "$tmp/lua54" | sort -u); c2=$(grep checksum "$tmp/tycho" | sort -u)
[ "$c1" = "$c2" ] || echo "MISMATCH: lua5.4 '$c1', tycho '$c2'"
# best time per section, then the ratio tycho / lua5.4
awk '
  FNR == 1 { impl++ }
  /^checksum/ { next }
  { t = $NF; name = $0; sub(/[ ]+[0-9.]+$/, "", name)
    if (!(name in seen)) { seen[name] = 1; order[++n] = name }
    if (!((impl, name) in best) || t < best[impl, name]) best[impl, name] = t }
  END {
    printf "%-16s %10s %10s %8s\n", "section", "lua5.4", "tycho", "ratio"
    for (i = 1; i <= n; i++) {
      a = best[1, order[i]]; b = best[2, order[i]]
      printf "%-16s %10.4f %10.4f %8.2f\n", order[i], a, b, (a > 0 ? b / a : 0)
    }
  }' "$tmp/lua54" "$tmp/tycho"
