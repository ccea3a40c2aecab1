#!/bin/sh
# tychoc_packages.sh: an image of penlight+dkjson+argparse+luacheck built with tychoc serves
# `require` without the source files, and real programs print what lua5.4 prints.
. "$(dirname "$0")/_lib.sh"
command -v lua5.4 >/dev/null 2>&1 || { echo "lua5.4 is not installed (run ./setup.sh)"; exit 1; }
[ -f /usr/share/lua/5.1/luacheck/init.lua ] || { echo "lua-check is not installed (run ./setup.sh)"; exit 1; }
P51="/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
LUA_PATH="$P51;;"
export LUA_PATH
unset LUA_PATH_5_4 LUA_INIT LUA_INIT_5_4

# lfs is a C module, which the image writer cannot store yet: the modules that load it stay out
# (IMAGE_SETUP_NO_C=1) and load from source at run time; tychoc_cmodules.sh covers C modules
IMAGE_SETUP_NO_C=1 build_image "$T/app.so" --packages dkjson,argparse --script "$ROOT/bench/image/setup.lua"
grep -q '^wrote .*app.so' "$T/build.log" || fail "tychoc printed no final line: $(tail -n 1 "$T/build.log")"
grep -q '^\[1/3\] .* s' "$T/build.log" || fail "tychoc printed no timed step line"

# require with an empty search path: the image must serve every module (no file read)
mkdir "$T/empty"
cat >"$T/req.lua" <<'LUA'
local names = {"dkjson", "argparse", "pl.utils", "pl.data", "pl.pretty", "pl.List", "pl.xml",
               "luacheck", "luacheck.parser", "luacheck.vendor.sha1"}
for _, n in ipairs(names) do
  assert(package.loaded[n] ~= nil, n .. " not in package.loaded at startup")
  local m = require(n)
  assert(m == package.loaded[n])
end
print(require("dkjson").encode({1, 2, {a = "b"}}))
print(require("pl.pretty").write({1, "x"}, ""))
print("ok")
LUA
if LUA_PATH="$T/empty/?.lua" LUA_CPATH="$T/empty/?.so" "$TYCHO" -J "$T/app.so" "$T/req.lua" >"$T/out" 2>"$T/err"; then
  printf '%s\n' '[1,2,{"a":"b"}]' '{1,"x"}' ok | cmp -s - "$T/out" || fail "require from image: unexpected output: $(head -c 200 "$T/out")"
else
  fail "require from image with an empty LUA_PATH: $(head -n 3 "$T/err")"
fi
# and a module that is not in the image is really not found on that path
if LUA_PATH="$T/empty/?.lua" "$TYCHO" -J "$T/app.so" -e 'require "inspect"' >/dev/null 2>&1; then
  fail "require of a module outside the image succeeded with an empty LUA_PATH"
fi

# the compat programs: same stdout and status as lua5.4, run from the image
cd "$ROOT/tests/compat" || exit 1
for prog in dkjson argparse penlight; do
  lua5.4 "lua/$prog.lua" >"$T/ref" 2>/dev/null; rst=$?
  "$TYCHO" -J "$T/app.so" "lua/$prog.lua" >"$T/out" 2>"$T/err"; st=$?
  [ "$st" -eq "$rst" ] || fail "$prog under -J: status $st, lua5.4 $rst: $(head -n 2 "$T/err")"
  cmp -s "$T/ref" "$T/out" || fail "$prog under -J: output differs from lua5.4"
done

# luacheck (a script whose modules are in the image; lfs is a C module): one file, a folder
for target in /usr/share/lua/5.4/pl/utils.lua /usr/share/lua/5.4/pl; do
  lua5.4 /usr/bin/luacheck --no-color "$target" >"$T/ref" 2>&1; rst=$?
  "$TYCHO" -J "$T/app.so" /usr/bin/luacheck --no-color "$target" >"$T/out" 2>&1; st=$?
  [ "$st" -eq "$rst" ] || fail "luacheck $target under -J: status $st, lua5.4 $rst: $(head -n 2 "$T/out")"
  cmp -s "$T/ref" "$T/out" || fail "luacheck $target under -J: output differs from lua5.4"
done

# tychoc info lists the packages with their source paths and hashes; check finds none stale
if "$TYCHOC" info "$T/app.so" >"$T/info" 2>&1; then
  grep -q 'pl/utils.lua' "$T/info" || fail "tychoc info does not list pl.utils's source"
  grep -q 'dkjson' "$T/info" || fail "tychoc info does not list dkjson"
  grep -q '^format' "$T/info" || fail "tychoc info prints no format version"
else
  fail "tychoc info: $(head -n 2 "$T/info")"
fi
"$TYCHOC" check "$T/app.so" >"$T/check" 2>&1 || fail "tychoc check on a fresh image: $(tail -n 2 "$T/check")"
finish
