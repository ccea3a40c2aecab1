#!/bin/sh
# tests/image/core_stamp.sh: the content check (checksum, relocation targets) runs on the first
# load of a file version and is skipped later only for the very same version: a stamp in
# TYCHO_CACHE_DIR names device, inode, size, mtime and ctime.  Bytes changed in place (even with
# the old mtime put back) are caught; a bad or foreign stamp, an unwritable cache or
# TYCHO_IMAGE_VERIFY=full only mean a full check.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 TYCHO_IMAGE_VERIFY
cd "$T" || exit 1
TYCHO_CACHE_DIR="$T/cache"
export TYCHO_CACHE_DIR
printf 'answer = 42\nbig = {}\nfor i = 1, 20000 do big[i] = "v" .. i end\n' >setup.lua
"$TYCHO" --output-o=app.o setup.lua 2>err || fail "--output-o: $(cat err)"
$("$TYCHO" --print-link-command app.o app.so) 2>err || fail "link: $(cat err)"
stamps() { find "$T/cache" -type f 2>/dev/null | wc -l; }

# a full check at every load leaves no stamp
r=$(TYCHO_IMAGE_VERIFY=full "$TYCHO" -J app.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || fail "full check: got '$r'"
[ "$(stamps)" -eq 0 ] || fail "TYCHO_IMAGE_VERIFY=full wrote a stamp"
# an ordinary load checks and stamps (stamped_load: not in the clock tick of the link); the next
# one is stamped
r=$("$TYCHO" -J app.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || fail "first load: got '$r'"
stamped_load app.so || fail "no stamp after verified loads: $(find "$T/cache" 2>&1)"
[ "$(stamps)" -eq 1 ] || fail "more than one stamp for one file: $(find "$T/cache" 2>&1)"
r=$("$TYCHO" -J app.so -e 'print(big[20000])' 2>&1)
[ "$r" = v20000 ] || fail "stamped load: got '$r'"

# a heap byte changed in place (same inode and size), with the old mtime put back
off=$(python3 -c "
import sys
d = open(sys.argv[1], 'rb').read(); print(d.index(b'TYCHOIMG') + len(d) // 3)" app.so)
python3 - "$off" <<'PY'
import os, sys
off = int(sys.argv[1])
st = os.stat('app.so')
with open('app.so', 'r+b') as f:
    f.seek(off); b = f.read(1); f.seek(off); f.write(bytes([b[0] ^ 0x20]))
os.utime('app.so', ns=(st.st_atime_ns, st.st_mtime_ns))
PY
"$TYCHO" -J app.so -e 'print(answer)' >out 2>err
one_error_line "in-place change, mtime restored" $? err
grep -q "checksum mismatch" err || fail "in-place change: reason: $(cat err)"

# a corrupt stamp, or one of another file version, means a full check (the image still loads)
"$TYCHO" --output-o=app2.o setup.lua 2>err && $("$TYCHO" --print-link-command app2.o app2.so) 2>>err \
  || fail "second image: $(cat err)"
r=$("$TYCHO" -J app2.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || fail "second image: got '$r'"
stamped_load app2.so || fail "second image: never stamped"
for s in "$T"/cache/verified/*; do printf 'garbage\n' >"$s"; done
r=$("$TYCHO" -J app2.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || fail "corrupt stamp: got '$r'"
grep -q '^tycho-image-verified' "$(stamp_of app2.so)" || fail "a corrupt stamp was not rewritten"

# an unusable cache directory changes nothing but the speed
printf 'x' >notadir
r=$(TYCHO_CACHE_DIR="$T/notadir/sub" "$TYCHO" -J app2.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || fail "unwritable cache: got '$r'"
r=$(env -u TYCHO_CACHE_DIR -u XDG_CACHE_HOME -u HOME "$TYCHO" -J app2.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || fail "no cache directory at all: got '$r'"
finish
