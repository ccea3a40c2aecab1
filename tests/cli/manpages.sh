#!/bin/sh
# manpages.sh: make install puts tycho.1 and tychoc.1 into $(PREFIX)/share/man/man1; they
# render without warnings, and name every option and environment variable of
# docs/tycho.md, docs/tychoc.md and of `tycho --help`.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
T=${TYCHO:-$ROOT/build/tycho}
if ! "$T" -v 2>/dev/null | grep -q '^tycho'; then
  echo "manpages: SKIPPED: $T is not tycho"; exit 0
fi
BUILD=$(cd "$(dirname "$T")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-man.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "manpages: $*"; fail=1; }

# -o all: install what is built (this may be a sanitizer build), never rebuild it here
make -s -C "$ROOT" install -o all BUILD="$BUILD" DESTDIR="$tmp/dest" PREFIX=/usr >"$tmp/make.out" 2>&1 ||
  { cat "$tmp/make.out"; bad "make install failed"; exit 1; }
man1=$tmp/dest/usr/share/man/man1
for page in tycho tychoc; do
  [ -f "$man1/$page.1" ] || { bad "make install did not install $page.1"; continue; }
  cmp -s "$man1/$page.1" "$ROOT/docs/$page.1" || bad "installed $page.1 differs from docs/$page.1"
  if command -v groff >/dev/null 2>&1; then  # every troff warning
    groff -man -ww -z "$man1/$page.1" 2>"$tmp/$page.err"
    [ -s "$tmp/$page.err" ] && { bad "groff -ww warns on $page.1:"; head -n 5 "$tmp/$page.err"; }
  fi
  if command -v man >/dev/null 2>&1; then
    LC_ALL=C MANWIDTH=200 man --warnings -l "$man1/$page.1" >"$tmp/$page.txt" 2>"$tmp/$page.err"
    [ -s "$tmp/$page.err" ] && { bad "man -l $page.1 warns:"; head -n 5 "$tmp/$page.err"; }
  elif command -v groff >/dev/null 2>&1; then
    groff -man -Tascii -ww "$man1/$page.1" 2>"$tmp/$page.err" | col -b >"$tmp/$page.txt"
    [ -s "$tmp/$page.err" ] && { bad "groff warns on $page.1:"; head -n 5 "$tmp/$page.err"; }
  else
    echo "manpages: no man or groff: rendering not checked"; exit "$fail"
  fi
  grep -q "^NAME" "$tmp/$page.txt" || bad "$page.1 renders without a NAME section"
done

# every --option / -X flag and every environment variable named in the docs' tables
names() {  # file: backquoted words that look like options or variables
  grep -o '`[^`]*`' "$1" | tr -d '`' | tr ' ,' '\n\n' |
    grep -E '^(--?[A-Za-z][-A-Za-z0-9]*(=[A-Za-z|]*)?|(TYCHO|LUA)_[A-Z_0-9]+)$' |
    grep -v -E '^(LUA_YIELD|LUA_OK|LUA_[A-Z]+IDX.*)$' |
    grep -v -E '^(-shared|-Wl|-ltycho|-L.*|--whole-archive|--no-whole-archive)$' |  # the cc line
    sed 's/=.*//' | sort -u
}
for pair in tycho.md:tycho tychoc.md:tychoc; do
  doc=${pair%%:*} page=${pair##*:}
  for n in $(names "$ROOT/docs/$doc"); do
    case $n in -l|-e|-i|-v|-E|-W|--|-) [ "$page" = tychoc ] && [ "$n" != -v ] && continue ;; esac
    grep -q -F -- "$n" "$tmp/$page.txt" || bad "$page.1 does not mention $n (from docs/$doc)"
  done
done
# and every flag tycho --help lists
"$T" --help | grep -o -E '(^| )--?[A-Za-z][-A-Za-z]*' | sed 's/^ //' | sort -u >"$tmp/flags"
while read -r f; do
  grep -q -F -- "$f" "$tmp/tycho.txt" || bad "tycho.1 does not mention $f (from tycho --help)"
done <"$tmp/flags"

[ "$fail" -eq 0 ] && echo "manpages: ok"
exit "$fail"
