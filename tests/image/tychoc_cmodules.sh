#!/bin/sh
# tychoc_cmodules.sh: C modules in images (issue 4): lfs and lpeg required in the setup are
# re-opened at load through their luaopen_*, their Lua-side tables keep their identity, and
# luacheck (which needs lfs) runs entirely from an image, output identical to lua5.4.
. "$(dirname "$0")/_lib.sh"
command -v lua5.4 >/dev/null 2>&1 || { echo "lua5.4 is not installed (run ./setup.sh)"; exit 1; }
LUA_PATH="/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua;;"
export LUA_PATH
unset LUA_PATH_5_4 LUA_CPATH_5_4 LUA_INIT LUA_INIT_5_4
cat >"$T/setup.lua" <<'LUA'
lfs = require "lfs"
lpeg = require "lpeg"
keep = { lfs = lfs, attributes = lfs.attributes }
digits = lpeg.C(lpeg.R("09") ^ 1)
LUA
build_image "$T/c.so" --script "$T/setup.lua"
"$TYCHO" -J "$T/c.so" -e '
  assert(package.loaded.lfs == lfs and keep.lfs == lfs and keep.attributes == lfs.attributes)
  assert(lfs.attributes("/", "mode") == "directory")
  assert(type(lfs.currentdir()) == "string")
  assert(digits:match("123abc") == "123")
  print("ok")' >"$T/out" 2>&1
grep -qx ok "$T/out" || fail "lfs/lpeg from an image: $(head -n 3 "$T/out" | tr '\n' '|')"

build_image "$T/full.so" --script "$ROOT/bench/image/setup.lua"
for target in /usr/share/lua/5.4/pl/utils.lua /usr/share/lua/5.4/pl; do
  lua5.4 /usr/bin/luacheck --no-color "$target" >"$T/ref" 2>&1; rst=$?
  "$TYCHO" -J "$T/full.so" /usr/bin/luacheck --no-color "$target" >"$T/out" 2>&1; st=$?
  [ "$st" -eq "$rst" ] && cmp -s "$T/ref" "$T/out" || fail "luacheck $target from the full image: status $st/$rst, $(head -n 2 "$T/out")"
done
finish
