#!/bin/sh
# tests/image/safety_special.sh: an image path that is not a regular file (a FIFO, a directory,
# a device) is refused with one line and exit 1 before it is opened for reading: nothing blocks
# on a FIFO (-J, --sysimage, --image-info, tychoc info, a FIFO in place of an incremental
# image's base, a package source replaced by a FIFO at the stale check or in tychoc check).
# `timeout` is only a hang guard (a blocked open waits forever), never a speed threshold.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 TYCHO_IMAGE_STALE
cd "$T" || exit 1
GUARD=${HANG_GUARD:-60}
link() { $("$TYCHO" --print-link-command "$1" "$2") >"$T/link.log" 2>&1 || { echo "link failed: $(cat "$T/link.log")"; exit 1; }; }
mkfifo fifo.so || { echo "mkfifo failed"; exit 1; }

# load NAME FILE...: -J on it gives the one-line contract, and the reason names the file kind
refused() {
  name=$1; want=$2; shift 2
  timeout "$GUARD" "$TYCHO" "$@" -e 'print("loaded")' >out 2>err </dev/null
  st=$?
  [ "$st" -eq 124 ] && { fail "$name: blocked (killed by the hang guard)"; return; }
  one_error_line "$name" "$st" err
  grep -q "$want" err || fail "$name: reason does not say '$want': $(cat err)"
}
refused "-J FIFO" "not a regular file (a FIFO)" -J fifo.so
refused "--sysimage=FIFO" "not a regular file (a FIFO)" --sysimage="$T/fifo.so"
refused "-J directory" "not a regular file (a directory)" -J "$T"
refused "-J /dev/null" "not a regular file (a character device)" -J /dev/null
refused "-J /dev/zero" "not a regular file (a character device)" -J /dev/zero
refused "-J missing" "not found" -J "$T/nope.so"

timeout "$GUARD" "$TYCHO" --image-info=fifo.so >out 2>err </dev/null; st=$?
[ "$st" -eq 124 ] && fail "--image-info on a FIFO blocked"
one_error_line "--image-info FIFO" "$st" err
timeout "$GUARD" "$TYCHOC" info fifo.so >out 2>err </dev/null; st=$?
[ "$st" -eq 1 ] && grep -q "not a regular file" err || fail "tychoc info FIFO: status $st, $(cat err)"

# an incremental image whose base was replaced by a FIFO
printf 'base_value = 1\n' >base.lua
printf 'inc_value = base_value + 1\n' >inc.lua
"$TYCHO" --output-o=base.o base.lua 2>err || fail "base: $(cat err)"
link base.o base.so
"$TYCHO" -J base.so --output-o=inc.o inc.lua 2>err || fail "increment: $(cat err)"
link inc.o inc.so
r=$("$TYCHO" -J inc.so -e 'print(inc_value)' 2>&1)
[ "$r" = 2 ] || fail "increment before: got '$r'"
mv base.so base.real.so && mkfifo base.so
refused "base replaced by a FIFO" "base image '$T/base.so': not a regular file (a FIFO)" -J inc.so
rm -f base.so && mv base.real.so base.so

# a package source replaced by a FIFO: the stale check at require and tychoc check never read it
mkdir -p lib
: >lib/emptymod.lua                      # size 0, as a FIFO's stat reports
printf 'package.path = "%s/lib/?.lua;" .. package.path\nrequire "emptymod"\n' "$T" >pkg.lua
"$TYCHO" --output-o=pkg.o pkg.lua 2>err || fail "package image: $(cat err)"
link pkg.o pkg.so
rm lib/emptymod.lua && mkfifo lib/emptymod.lua
timeout "$GUARD" "$TYCHO" -J pkg.so -e 'require "emptymod" print("required")' >out 2>err </dev/null; st=$?
[ "$st" -eq 124 ] && fail "stale check on a FIFO source blocked"
[ "$st" -eq 0 ] && grep -qx required out && grep -q "image package 'emptymod' is stale" err ||
  fail "stale check on a FIFO source: status $st, out '$(cat out)', err '$(cat err)'"
timeout "$GUARD" "$TYCHOC" check pkg.so >out 2>err </dev/null; st=$?
[ "$st" -eq 124 ] && fail "tychoc check on a FIFO source blocked"
[ "$st" -eq 1 ] && grep -q "stale  emptymod .*not a regular file" out ||
  fail "tychoc check on a FIFO source: status $st, $(cat out err)"
finish
