#!/bin/sh
# tests/image/safety_stamp.sh: "verified" stamps cannot be raced or forged.
#  - a file rewritten in place while its first load checks it is refused, and never stamped: the
#    next load checks the content again (and reports the mismatch, as TYCHO_IMAGE_VERIFY=full
#    does).  The rewrite is made deterministic by an LD_PRELOAD shim that changes one heap byte
#    when the loader drops the checked pages (madvise MADV_DONTNEED, right after the check).
#  - a stamp is trusted only in a cache directory owned by the user with mode 0700: a stamp
#    forged for a corrupted file in a world-writable (or group-readable, or someone else's)
#    directory is ignored with a warning, and the corruption is reported.
#  - a relative TYCHO_CACHE_DIR is ignored with a warning (nothing is created there).
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 TYCHO_IMAGE_VERIFY
cd "$T" || exit 1
CC=$(command -v cc || command -v gcc || command -v clang) || { echo "no C compiler"; exit 1; }
TYCHO_CACHE_DIR="$T/cache"
export TYCHO_CACHE_DIR
printf 'answer = 42\nbig = {}\nfor i = 1, 20000 do big[i] = "v" .. i end\n' >setup.lua
"$TYCHO" --output-o=app.o setup.lua 2>err || fail "--output-o: $(cat err)"
$("$TYCHO" --print-link-command app.o app.so) 2>err || fail "link: $(cat err)"
# a heap byte (a third into the file) and the blob's offset
off=$(python3 -c "
import sys
d = open(sys.argv[1], 'rb').read(); print(d.index(b'TYCHOIMG') + len(d) // 3)" app.so)

cat >shim.c <<'C'
/* rewrites one byte of $SHIM_FILE at $SHIM_OFF in place, once, when pages are dropped */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
int madvise(void *addr, size_t len, int advice) {
  static int (*real)(void *, size_t, int);
  static int done;
  const char *file = getenv("SHIM_FILE");
  if (real == NULL) real = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "madvise");
  if (file != NULL && advice == MADV_DONTNEED && !done) {
    int fd = open(file, O_RDWR);
    off_t at = (off_t)atoll(getenv("SHIM_OFF"));
    unsigned char b;
    done = 1;
    if (fd >= 0 && pread(fd, &b, 1, at) == 1) {
      b ^= 0x20;
      if (pwrite(fd, &b, 1, at) != 1) _exit(99);
    }
    if (fd >= 0) close(fd);
  }
  return real(addr, len, advice);
}
C
"$CC" -shared -fPIC -o shim.so shim.c -ldl 2>err || { echo "cannot build the shim: $(cat err)"; exit 1; }
# under AddressSanitizer the shim may come before the ASan runtime
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

# 1. rewritten during the first load: that load refuses, and nothing is stamped
cp app.so race.so
SHIM_FILE="$T/race.so" SHIM_OFF=$off LD_PRELOAD="$T/shim.so" "$TYCHO" -J race.so -e 'print(answer)' >out 2>err
st=$?
cmp -s app.so race.so && fail "the shim did not rewrite the file (is madvise still called after the check?)"
one_error_line "rewritten during the first load" "$st" err
grep -q "changed while it was being loaded" err || fail "rewritten during the load: reason: $(cat err)"
[ -z "$(find "$T/cache" -type f 2>/dev/null)" ] || fail "a file rewritten during its check was stamped"
"$TYCHO" -J race.so -e 'print(answer)' >out 2>err
one_error_line "the load after the race" $? err
grep -q "checksum mismatch" err || fail "the load after the race was not checked: $(cat err)"
TYCHO_IMAGE_VERIFY=full "$TYCHO" -J race.so -e 'print(answer)' >out 2>err
one_error_line "TYCHO_IMAGE_VERIFY=full after the race" $? err

# 2. forged stamps in a directory others can write are not trusted
# forge DIR FILE: the stamp a load of FILE (as it is now) would find valid
forge() {
  python3 - "$1" "$2" <<'PY'
import os, struct, sys
d, f = sys.argv[1], sys.argv[2]
data = open(f, 'rb').read()
b = data.index(b'TYCHOIMG')
ck = struct.unpack_from('<Q', data, b + 80)[0]
bid = data[b + 16:b + 48].decode()
st = os.stat(f)
os.makedirs(os.path.join(d, 'verified'), exist_ok=True)
text = 'tycho-image-verified 1 %d %d.%09d %d.%09d %016x %s\n' % (
    st.st_size, st.st_mtime_ns // 10**9, st.st_mtime_ns % 10**9,
    st.st_ctime_ns // 10**9, st.st_ctime_ns % 10**9, ck, bid)
open(os.path.join(d, 'verified', '%x-%x' % (st.st_dev, st.st_ino)), 'w').write(text)
PY
}
cp app.so bad.so
python3 - "$off" <<'PY'
import sys
off = int(sys.argv[1])
with open('bad.so', 'r+b') as f:
    f.seek(off); b = f.read(1); f.seek(off); f.write(bytes([b[0] ^ 0x20]))
PY
# the forged stamp works in a trusted directory: that is what makes it a forgery
mkdir -m 0700 own && forge own bad.so
r=$(TYCHO_CACHE_DIR="$T/own" "$TYCHO" -J bad.so -e 'print(answer)' 2>&1)
[ "$r" = 42 ] || echo "note: a forged stamp in the user's own directory was not taken ($r)"
for mode in 0777 0755 0770; do
  rm -rf shared && mkdir shared && chmod "$mode" shared && forge shared bad.so && chmod "$mode" shared
  TYCHO_CACHE_DIR="$T/shared" "$TYCHO" -J bad.so -e 'print(answer)' >out 2>err; st=$?
  [ "$st" -eq 1 ] || fail "forged stamp in a $mode directory: exit $st (want 1), $(cat out err | head -n 3)"
  grep -q "checksum mismatch" err || fail "forged stamp in a $mode directory: not checked: $(cat err)"
  grep -q "^tycho: warning: image stamps ignored: cache directory '$T/shared' has mode $mode" err ||
    fail "forged stamp in a $mode directory: no warning: $(cat err)"
  [ "$(grep -c . err)" -eq 2 ] || fail "$mode directory: want the warning and the error line: $(cat err)"
done
if [ "$(id -u)" -eq 0 ] && chown nobody shared 2>/dev/null; then  # someone else's directory
  chmod 0700 shared
  TYCHO_CACHE_DIR="$T/shared" "$TYCHO" -J bad.so -e 'print(answer)' >out 2>err; st=$?
  [ "$st" -eq 1 ] && grep -q "checksum mismatch" err && grep -q "is not owned by this user" err ||
    fail "forged stamp in another user's directory: exit $st, $(cat err)"
fi
# a good image in a world-writable directory still loads (checked, not stamped)
rm -rf shared && mkdir -m 0777 shared && chmod 0777 shared
TYCHO_CACHE_DIR="$T/shared" "$TYCHO" -J app.so -e 'print(answer)' >out 2>err
[ "$(cat out)" = 42 ] || fail "world-writable cache: the image did not load: $(cat err)"
[ -z "$(find shared -type f)" ] || fail "a stamp was written into a world-writable directory"

# 3. a relative TYCHO_CACHE_DIR is not used
TYCHO_CACHE_DIR=relcache "$TYCHO" -J app.so -e 'print(answer)' >out 2>err
[ "$(cat out)" = 42 ] || fail "relative cache dir: the image did not load: $(cat err)"
grep -q "^tycho: warning: TYCHO_CACHE_DIR 'relcache' is not an absolute path" err ||
  fail "relative cache dir: no warning: $(cat err)"
[ -e relcache ] && fail "relative cache dir: '$T/relcache' was created"
finish
