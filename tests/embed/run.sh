#!/bin/sh
# tests/embed/run.sh: builds every tests/embed/*.c host program against tycho (installed into a
# temporary PREFIX, flags from `pkg-config tycho`) and against Debian's liblua5.4-dev, runs both.
#
# A program passes when it exits 0 and, if NAME.expected exists, its stdout equals that file
# (NAME.in, if present, is its stdin). NAME.xfail marks a known tycho difference (the file says
# why): a tycho mismatch is then reported as XFAIL, not a failure, and a match as XPASS.
# The liblua5.4 half is skipped, with a message, when /usr/include/lua5.4/lua.h is absent.
set -u
LC_ALL=C
export LC_ALL
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$HERE/../.." && pwd)}
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
CC=${CC:-cc}

command -v pkg-config >/dev/null 2>&1 || { echo "embed: pkg-config is not installed (run ./setup.sh)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-embed.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
PREFIX=$tmp/prefix

# install exactly what a user would get, then build through pkg-config only
if ! make -s -C "$ROOT" install PREFIX="$PREFIX" BUILD="$BUILD" >"$tmp/install.log" 2>&1; then
  echo "embed: make install PREFIX=$PREFIX failed:"; tail -n 10 "$tmp/install.log"; exit 1
fi
PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig
export PKG_CONFIG_PATH
TYFLAGS=$(pkg-config --cflags --libs tycho) || { echo "embed: pkg-config does not know tycho"; exit 1; }
# a sanitizer build of libtycho needs the same runtime in the host program
SANFLAGS=
if nm "$PREFIX/lib/libtycho.a" 2>/dev/null | grep -q __asan_; then SANFLAGS=-fsanitize=address; fi
if nm "$PREFIX/lib/libtycho.a" 2>/dev/null | grep -q __ubsan_; then SANFLAGS="$SANFLAGS -fsanitize=undefined"; fi

HAVE_LUA54=1
if ! [ -f /usr/include/lua5.4/lua.h ]; then
  HAVE_LUA54=0
  echo "embed: liblua5.4-dev is not installed; skipping the liblua5.4 half (run ./setup.sh)"
fi

fail=0
check() {  # label, binary, program name, library path
  label=$1 bin=$2 name=$3
  input=/dev/null
  [ -f "$HERE/$name.in" ] && input=$HERE/$name.in
  (cd "$tmp" && LD_LIBRARY_PATH=$4 timeout 120 "$bin") <"$input" >"$tmp/out" 2>"$tmp/err"
  st=$?
  ok=1
  if [ "$st" -ne 0 ]; then
    ok=0; why="exit status $st"
  elif [ -f "$HERE/$name.expected" ] && ! cmp -s "$HERE/$name.expected" "$tmp/out"; then
    ok=0; why="stdout differs from $name.expected"
  fi
  if [ "$label" = tycho ] && [ -f "$HERE/$name.xfail" ]; then
    if [ $ok -eq 1 ]; then
      echo "XPASS $name ($label): remove $name.xfail"
    else
      echo "XFAIL $name ($label): $why -- $(head -n 1 "$HERE/$name.xfail" | cut -c1-160)"
      diff "$HERE/$name.expected" "$tmp/out" 2>/dev/null | head -n 8
    fi
    return
  fi
  if [ $ok -eq 1 ]; then
    echo "ok   $name ($label)"
  else
    echo "FAIL $name ($label): $why"
    [ -f "$HERE/$name.expected" ] && diff "$HERE/$name.expected" "$tmp/out" | head -n 10
    tail -n 5 "$tmp/err"
    fail=1
  fi
}

for src in "$HERE"/*.c; do
  name=$(basename "$src" .c)
  # shellcheck disable=SC2086
  if $CC -std=c99 -Wall -Wextra -O1 $SANFLAGS -o "$tmp/$name.tycho" "$src" $TYFLAGS 2>"$tmp/cc.log"; then
    check tycho "$tmp/$name.tycho" "$name" "$PREFIX/lib"
  else
    echo "FAIL $name (tycho): does not compile with \$(pkg-config --cflags --libs tycho)"; head -n 10 "$tmp/cc.log"; fail=1
  fi
  [ $HAVE_LUA54 -eq 1 ] || continue
  if $CC -std=c99 -Wall -O1 -o "$tmp/$name.lua54" "$src" -I/usr/include/lua5.4 -llua5.4 2>"$tmp/cc.log"; then
    check liblua5.4 "$tmp/$name.lua54" "$name" ""
  else
    echo "FAIL $name (liblua5.4): does not compile"; head -n 10 "$tmp/cc.log"; fail=1
  fi
done
exit $fail
