#!/bin/sh
# tests/image/safety_finalizers.sh: finalizers (__gc) of objects saved in an image run as in one
# process: writing the image runs none (the session goes on in the image), and a restored
# object is finalized when it is collected (through a global, a nested table, an upvalue, a
# weak-keyed table, resurrection) and at lua_close, in the same order as PUC Lua running the
# setup and the program in one process.  Also across an incremental image: a base object
# finalized in the session that wrote the increment is not finalized again, and base and new
# objects are finalized in one-process order.  The expected output is lua5.4's.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 TYCHO_IMAGE_STALE
command -v lua5.4 >/dev/null 2>&1 || { echo "lua5.4 is not installed (run ./setup.sh)"; exit 1; }
cd "$T" || exit 1
link() { $("$TYCHO" --print-link-command "$1" "$2") >"$T/link.log" 2>&1 || { echo "link failed: $(cat "$T/link.log")"; exit 1; }; }

# compare NAME SETUP MAIN: lua5.4 running both in one process, against tycho writing an image
# of SETUP (which must print what SETUP prints in one process, nothing more) and running MAIN
compare() {
  lua5.4 -e "dofile('$2')" "$3" >want 2>&1
  "$TYCHO" --output-o=cmp.o "$2" >got 2>&1 || { fail "$1: --output-o: $(cat got)"; return; }
  link cmp.o cmp.so
  "$TYCHO" -J cmp.so "$3" >>got 2>&1
  cmp -s want got || fail "$1: differs from one lua5.4 process:
$(diff want got | head -n 20)"
}

cat >issue.lua <<'LUA'
MT = {__gc = function(o) print("finalized " .. o.name) end}
G = setmetatable({name = "imageobj"}, MT)
LUA
cat >collect.lua <<'LUA'
N = setmetatable({name = "newobj"}, MT)
N = nil; G = nil; collectgarbage()
print("end of main")
LUA
cat >atclose.lua <<'LUA'
N = setmetatable({name = "newobj"}, MT)
print("end of main")
LUA
compare "issue 14 example, collected" issue.lua collect.lua
compare "issue 14 example, at lua_close" issue.lua atclose.lua

# writing the image runs no finalizer; -i after --output-o keeps the session here too
"$TYCHO" --output-o=w.o issue.lua >out 2>&1
[ -s out ] && fail "writing the image printed: $(cat out)"
"$TYCHO" --output-o=wi.o -i issue.lua </dev/null >out 2>&1
grep -q "finalized imageobj" out || fail "--output-o -i: the session's own exit did not finalize: $(cat out)"

cat >paths.lua <<'LUA'
MT = {__gc = function(o) print("finalized " .. o.name) end}
local function obj(n) return setmetatable({name = n}, MT) end
holder = {inner = {deeper = obj("nested")}}
local captured = obj("upvalue")
function drop_upvalue() captured = nil end
function peek() return captured and captured.name end
weak = setmetatable({}, {__mode = "k"})
K = obj("weakkey"); weak[K] = "value"
R = obj("resurrected")
getmetatable(R).__gc = function(o)
  print("finalized " .. o.name); if o.name == "resurrected" then SAVED = o end
end
list = {}
for i = 1, 5 do list[i] = obj("list" .. i) end
local t = obj("cycle"); t.self = t; holder.cycle = t
keep = obj("kept to the end")
LUA
cat >paths_main.lua <<'LUA'
print(peek())
holder.inner.deeper = nil; collectgarbage(); print("-- nested gone")
drop_upvalue(); collectgarbage(); print("-- upvalue gone")
K = nil; collectgarbage(); print("-- weak key", next(weak) ~= nil)
collectgarbage(); print("-- weak key next cycle", next(weak) ~= nil)
R = nil; collectgarbage(); print("-- resurrected", SAVED and SAVED.name)
SAVED = nil; collectgarbage(); print("-- no second finalization")
for i = 1, 5, 2 do list[i] = nil end; collectgarbage(); print("-- odd list items")
holder.cycle = nil; collectgarbage(); print("-- cycle")
list = nil
print("end of main")
LUA
compare "reachable through tables, upvalues, weak keys; resurrection" paths.lua paths_main.lua

# an incremental image: a base object is finalized while the increment is built (not again
# later), the increment adds its own, the rest go at lua_close in one-process order
cat >base.lua <<'LUA'
MT = {__gc = function(o) print("finalized " .. o.name) end}
B1 = setmetatable({name = "base1"}, MT)
B2 = setmetatable({name = "base2"}, MT)
basetab = {b3 = setmetatable({name = "base3"}, MT)}
LUA
cat >inc.lua <<'LUA'
B1 = nil; collectgarbage()
I1 = setmetatable({name = "inc1"}, MT)
basetab.i2 = setmetatable({name = "inc2"}, MT)
LUA
cat >inc_main.lua <<'LUA'
basetab.b3 = nil; collectgarbage(); print("-- base3 gone")
I1 = nil; collectgarbage(); print("-- inc1 gone")
print("end of main")
LUA
lua5.4 -e "dofile('base.lua') dofile('inc.lua')" inc_main.lua >want 2>&1
"$TYCHO" --output-o=base.o base.lua >got 2>&1 && link base.o base.so &&
"$TYCHO" -J base.so --output-o=inc.o inc.lua >>got 2>&1 && link inc.o inc.so &&
"$TYCHO" -J inc.so inc_main.lua >>got 2>&1
cmp -s want got || fail "incremental image: differs from one lua5.4 process:
$(diff want got | head -n 20)"
# the same session written whole (--incremental=no)
"$TYCHO" --output-o=base.o base.lua >got 2>&1 && link base.o base.so &&
"$TYCHO" -J base.so --incremental=no --output-o=whole.o inc.lua >>got 2>&1 && link whole.o whole.so &&
"$TYCHO" -J whole.so inc_main.lua >>got 2>&1
cmp -s want got || fail "--incremental=no image: differs from one lua5.4 process:
$(diff want got | head -n 20)"
finish
