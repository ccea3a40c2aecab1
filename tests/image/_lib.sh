# tests/image/_lib.sh: helpers sourced by tests/image/tychoc_*.sh (not a test itself).
# Sets ROOT, TYCHO, TYCHOC (absolute), T (a temporary directory removed at exit),
# and defines fail/ok/build_image/one_error_line.
set -u
LC_ALL=C
export LC_ALL
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TYCHO=${TYCHO:-$ROOT/build/tycho}
case "$TYCHO" in /*) ;; *) TYCHO="$ROOT/$TYCHO" ;; esac
TYCHOC=${TYCHOC:-$(dirname "$TYCHO")/tychoc}
export TYCHO
TEST=$(basename "$0" .sh)
T=$(mktemp -d "${TMPDIR:-/tmp}/$TEST.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
nfail=0

fail() { echo "FAIL: $*"; nfail=$((nfail + 1)); }
ok() { [ -n "${VERBOSE:-}" ] && echo "ok: $*"; return 0; }
finish() {
  if [ "$nfail" -ne 0 ]; then echo "$TEST: $nfail check(s) failed"; exit 1; fi
  echo "$TEST: ok"; exit 0
}

[ -x "$TYCHOC" ] || { echo "$TEST: $TYCHOC not built (make)"; exit 1; }

# build_image OUT.so [tychoc image options...]: builds or exits the test with the log
build_image() {
  out=$1; shift
  if ! "$TYCHOC" image -o "$out" "$@" >"$T/build.log" 2>&1; then
    echo "$TEST: tychoc image -o $out $* failed:"; sed 's/^/    /' "$T/build.log" | head -n 30
    exit 1
  fi
}

# one_error_line NAME STATUS STDERR-FILE: the load-failure contract (exit 1, one stderr line)
one_error_line() {
  name=$1; st=$2; ef=$3
  lines=$(wc -l <"$ef")
  if [ "$st" -ne 1 ]; then
    fail "$name: exit status $st (want 1)$( [ "$st" -gt 128 ] && echo ", killed by signal $((st - 128))"); stderr: $(head -c 200 "$ef")"
  elif [ "$lines" -ne 1 ]; then
    fail "$name: $lines stderr lines (want 1): $(head -n 3 "$ef" | tr '\n' '|' | cut -c1-200)"
  elif ! grep -q "^[^ ]*tycho: cannot load image '" "$ef"; then
    fail "$name: stderr is not \"tycho: cannot load image '...': reason\": $(head -c 200 "$ef")"
  else
    ok "$name: $(cat "$ef")"
  fi
}

# stamp_of IMAGE: the stamp file a verified load of IMAGE writes (imgstamp.c: verified/<dev>-<ino>)
stamp_of() {
  printf '%s/verified/%x-%x' "$TYCHO_CACHE_DIR" $(stat -c '%d %i' "$1")
}
# stamped_load IMAGE: loads IMAGE until it is stamped (1 on failure).  A file changed in the
# current tick of the coarse clock (<= 10 ms) is not stamped (a same-tick rewrite could look
# unchanged), so an image loaded right after it was linked may need another load; 100 loads
# outlast any tick however fast the machine.
stamped_load() {
  n=0
  while [ $n -lt 100 ]; do
    "$TYCHO" -J "$1" -e '' >/dev/null 2>&1 || return 1
    grep -qs '^tycho-image-verified' "$(stamp_of "$1")" && return 0
    n=$((n + 1))
  done
  return 1
}
