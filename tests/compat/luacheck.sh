#!/bin/sh
# luacheck.sh: the real luacheck (Debian's lua-check, unmodified) under $TYCHO vs lua5.4.
# Checks penlight's pl/, luacheck's own sources and a directory of broken files; stdout and
# exit status must be byte-identical. Both runs get the same environment: Debian installs
# luacheck under /usr/share/lua/5.1, so LUA_PATH lists the 5.4 tree first and then 5.1;
# LUA_CPATH finds lfs.so; XDG_CONFIG_HOME points at an empty directory (no user config).
set -u
cd "$(dirname "$0")" || exit 1
TYCHO=${TYCHO:-../../build/tycho}
case "$TYCHO" in /*) ;; */*) TYCHO="$(pwd)/$TYCHO" ;; esac
LUACHECK=/usr/bin/luacheck

command -v lua5.4 >/dev/null 2>&1 || { echo "luacheck: lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f "$LUACHECK" ] || { echo "luacheck: $LUACHECK missing; lua-check is not installed (run ./setup.sh)"; exit 1; }
PL=$(ls -d /usr/share/lua/5.*/pl 2>/dev/null | tail -n 1)
[ -n "$PL" ] || { echo "luacheck: penlight's pl/ not found; lua-penlight is not installed (run ./setup.sh)"; exit 1; }
LCSRC=/usr/share/lua/5.1/luacheck
[ -d "$LCSRC" ] || { echo "luacheck: $LCSRC missing"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/compat-luacheck.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/xdg" "$tmp/broken" || exit 1

LUA_PATH="/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
LUA_CPATH="/usr/lib/x86_64-linux-gnu/lua/5.4/?.so"
XDG_CONFIG_HOME="$tmp/xdg"
export LUA_PATH LUA_CPATH XDG_CONFIG_HOME
unset LUA_INIT LUA_INIT_5_4 LUA_PATH_5_4 LUA_CPATH_5_4

# files with syntax errors (and a few ordinary warnings) for the third run
b=$tmp/broken
printf 'local x = \n' >"$b/eof_expr.lua"
printf 'x = "unfinished\n' >"$b/string.lua"
printf 'goto nowhere\n' >"$b/goto.lua"
printf 'for i = 1 do end\n' >"$b/for.lua"
printf 'local t = {1, 2\nprint(t)\n' >"$b/brace.lua"
printf 'x = 0x\n' >"$b/number.lua"
printf 'local a <const> = 1; a = 2\n' >"$b/const.lua"
printf 'return "\\q"\n' >"$b/escape.lua"
printf '%s\n' '--[[ unterminated' >"$b/comment.lua"
printf 'break\n' >"$b/break.lua"
printf 'local s = [==[ long\n' >"$b/longstring.lua"
printf 'if x then\n  print(1)\nelse\n' >"$b/if.lua"
printf 'local function f(a, a) return end\nf(1, 2)\n' >"$b/dup.lua"
printf 'x = = 1\n' >"$b/equals.lua"
printf 'local x <foo> = 1\n' >"$b/attrib.lua"
printf '::l:: ::l::\n' >"$b/label.lua"
printf '#!/usr/bin/lua\nlocal x = 1\nprint(y)\n' >"$b/warnings.lua"
printf 'return 1\n' >"$b/clean.lua"

fail=0
compare() {  # name, directory to run in, luacheck arguments...
  name=$1 dir=$2
  shift 2
  (cd "$dir" && lua5.4 "$LUACHECK" --no-cache --formatter plain "$@") >"$tmp/expected" 2>"$tmp/expected.err"
  est=$?
  (cd "$dir" && "$TYCHO" "$LUACHECK" --no-cache --formatter plain "$@") >"$tmp/actual" 2>"$tmp/actual.err"
  ast=$?
  if [ "$est" -gt 2 ]; then
    echo "luacheck $name: the reference run failed (status $est):"; head -n 5 "$tmp/expected.err"; fail=1; return
  fi
  if [ "$ast" -ne "$est" ]; then
    echo "luacheck $name: exit status $ast, lua5.4 gave $est; stderr:"; head -n 5 "$tmp/actual.err"; fail=1; return
  fi
  if ! cmp -s "$tmp/expected" "$tmp/actual"; then
    echo "luacheck $name: output differs from lua5.4"
    diff "$tmp/expected" "$tmp/actual" | head -n 20
    fail=1; return
  fi
  echo "luacheck $name: ok (status $est, $(wc -l <"$tmp/expected") lines identical)"
}

compare pl "$(dirname "$PL")" pl
compare pl-codes "$(dirname "$PL")" --codes --ranges --std max pl
compare self "$(dirname "$LCSRC")" luacheck
compare self-strict "$(dirname "$LCSRC")" --codes --std min --max-line-length 80 luacheck
compare broken "$b" .
exit $fail
