#!/bin/sh
# lfs.sh: Debian's unmodified LuaFileSystem (lfs.so) through require, in a scratch directory.
# Runs lua/lfs.lua under lua5.4 and $TYCHO; stdout, stderr and exit status must be identical.
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}
SO=/usr/lib/x86_64-linux-gnu/lua/5.4/lfs.so

command -v lua5.4 >/dev/null 2>&1 || { echo "lfs: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f "$SO" ] || { echo "lfs: $SO missing; lua-filesystem is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-lfs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export LUA_CPATH="/usr/lib/x86_64-linux-gnu/lua/5.4/?.so"

# the same scratch path for both runs, emptied in between
run() {  # impl, output prefix
  rm -rf "$tmp/work" && mkdir "$tmp/work" || exit 1
  "$1" lua/lfs.lua "$tmp/work" >"$tmp/$2.out" 2>"$tmp/$2.err"
  echo $? >"$tmp/$2.st"
}
run lua5.4 expected
run "$TYCHO" actual

if [ "$(cat "$tmp/expected.st")" -ne 0 ]; then
  echo "lfs: the reference run failed:"; head -n 5 "$tmp/expected.err"; exit 1
fi
if ! cmp -s "$tmp/expected.st" "$tmp/actual.st"; then
  echo "lfs: exit status $(cat "$tmp/actual.st"), lua5.4 gave $(cat "$tmp/expected.st"); stderr:"
  head -n 5 "$tmp/actual.err"; exit 1
fi
for s in out err; do
  if ! cmp -s "$tmp/expected.$s" "$tmp/actual.$s"; then
    echo "lfs: std$s differs from lua5.4"
    diff "$tmp/expected.$s" "$tmp/actual.$s" | head -n 20
    exit 1
  fi
done
echo "lfs: ok ($(wc -l <"$tmp/expected.out") lines identical)"
