#!/bin/sh
# tests/official/run.sh: runs the official Lua 5.4.6 test files (a local copy) with tycho, one by one.
#
# Usage: sh tests/official/run.sh TESTES_DIR [FILE...]
#   TESTES_DIR  the 'testes' directory of Lua 5.4.6 (see tests/official/README.md);
#               nothing is downloaded.
#   FILE        test files to run (default: the files all.lua runs, then all.lua)
# Environment:  TYCHO (default build/tycho), TIMEOUT per file in seconds (default 600),
#               ARGS options before the file (default -e_U=true, as the suite's README says),
#               BUILD_LIBS=0 to skip compiling TESTES_DIR/libs/*.so for attrib.lua.
# Each file runs from TESTES_DIR with stdin from a pipe (files.lua needs a non-seekable
# stdin); its output goes to $LOGDIR/FILE.log (default a fresh temporary directory).

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TESTES=${1:?usage: run.sh TESTES_DIR [FILE...]}
shift
TESTES=$(cd "$TESTES" && pwd) || exit 2
TYCHO=${TYCHO:-$ROOT/build/tycho}
case "$TYCHO" in
  /*) ;;
  */*) TYCHO="$(pwd)/$TYCHO" ;;
  *) TYCHO=$(command -v "$TYCHO" || echo "$TYCHO") ;;
esac
TIMEOUT=${TIMEOUT:-600}
ARGS=${ARGS--e_U=true}   # set but empty: no options
LOGDIR=${LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/tycho-official.XXXXXX")}
mkdir -p "$LOGDIR"

[ -x "$TYCHO" ] || { echo "run.sh: '$TYCHO' is not executable (run make)" >&2; exit 2; }
[ -f "$TESTES/all.lua" ] || { echo "run.sh: no all.lua in '$TESTES'" >&2; exit 2; }

# attrib.lua loads C modules from libs/; compile them against tycho's headers
if [ "${BUILD_LIBS:-1}" != 0 ] && [ -d "$TESTES/libs" ] && ! [ -f "$TESTES/libs/lib1.so" ]; then
  CC=${CC:-cc}
  ( cd "$TESTES/libs" &&
    for m in lib1 lib11 lib2 lib21; do
      $CC -shared -fPIC -O2 -I"$ROOT/include" -o $m.so $m.c || exit 1
    done &&
    $CC -shared -fPIC -O2 -I"$ROOT/include" -o lib2-v2.so lib22.c ) ||
    echo "run.sh: could not build libs/*.so; attrib.lua will fail" >&2
fi

if [ $# -eq 0 ]; then
  set -- main gc db calls strings literals tpack attrib gengc locals constructs code \
         big cstack nextvar pm utf8 api events vararg closure coroutine goto errors \
         math sort bitwise verybig files all
fi

pass=0; fail=0; failed=
for f in "$@"; do
  f=${f%.lua}
  log="$LOGDIR/$f.log"
  # the pipe gives a non-seekable stdin; main.lua also runs the interpreter as a subprocess
  if [ "$f" = big ]; then  # big.lua yields at top level: all.lua runs it in a coroutine
    ( cd "$TESTES" && echo | timeout "$TIMEOUT" "$TYCHO" $ARGS -e "local f =
        coroutine.wrap(assert(loadfile'big.lua')); assert(f() == 'b'); assert(f() == 'a')" )
  else
    ( cd "$TESTES" && echo | timeout "$TIMEOUT" "$TYCHO" $ARGS "$f.lua" )
  fi >"$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1)); echo "PASS $f"
  else
    fail=$((fail + 1)); failed="$failed $f"
    if [ $rc -eq 124 ]; then why="timeout after ${TIMEOUT}s"
    else why=$(grep -m1 -o "$(basename "$TYCHO"): .*" "$log" | cut -c1-160)
    fi
    echo "FAIL $f (exit $rc) ${why:-see $log}"
  fi
done
echo "$pass passed, $fail failed${failed:+:$failed}  (logs in $LOGDIR)"
[ $fail -eq 0 ]
