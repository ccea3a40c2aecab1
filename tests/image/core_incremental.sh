#!/bin/sh
# tests/image/core_incremental.sh: an incremental image on a base (penlight), adding dkjson and a
# user table that also changes base tables and a base upvalue: behaves exactly like the same
# session run from source and like a whole-session image (--incremental=no); holds only the new
# objects; a missing or different base gives one line and exit 1.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 TYCHO_IMAGE_STALE
cd "$T" || exit 1
link() { $("$TYCHO" --print-link-command "$1" "$2") >"$T/link.log" 2>&1 || { echo "link failed: $(cat "$T/link.log")"; exit 1; }; }

cat >base.lua <<'LUA'
pl = { utils = require "pl.utils", List = require "pl.List", tablex = require "pl.tablex",
       stringx = require "pl.stringx", pretty = require "pl.pretty" }
registry_t = { count = 0, items = {}, names = setmetatable({}, { __mode = "k" }) }
local hits = 0
function hit() hits = hits + 1; return hits end
hit()
LUA
cat >inc.lua <<'LUA'
json = require "dkjson"
user = { name = "ada", langs = pl.List { "lua", "c" } }
registry_t.count = 5                         -- a number written into a base table (no barrier)
registry_t.items[1] = user                   -- a new object written into a base table
registry_t.items[2] = registry_t             -- a base object into a base table
registry_t.names[user] = "weak key"
registry_t.flag = nil                        -- a no-op
pl.stringx.shout = function(s) return s:upper() .. "!" end   -- a package table grows
pl.extra = json.encode({ a = 1 })
hit(); hit()                                 -- a base upvalue changes
tycho.atinit(function() io.write("inc hook\n") end)
LUA
cat >check.lua <<'LUA'
collectgarbage()
print(registry_t.count, registry_t.items[1] == user, registry_t.items[2] == registry_t)
print(registry_t.names[user], user.langs:join(","), pl.stringx.shout("hi"), pl.extra)
print(hit(), json.encode({ 1, 2, { x = true } }))
print(pl.pretty.write({ 1, "two" }, ""), pl.tablex.size(registry_t.items))
print(require("dkjson") == json, require("pl.stringx") == pl.stringx, package.loaded["pl.List"] == pl.List)
collectgarbage()
print(json.decode('{"k":[1,2]}').k[2], pl.utils.split("a,b", ",")[2])
LUA

"$TYCHO" --output-o=base.o base.lua || { echo "core_incremental: cannot write the base"; exit 1; }
link base.o base.so
"$TYCHO" -J base.so --output-o=inc.o inc.lua || { echo "core_incremental: cannot write the increment"; exit 1; }
link inc.o inc.so
"$TYCHO" -J base.so --incremental=no --output-o=full.o inc.lua || { echo "core_incremental: cannot write --incremental=no"; exit 1; }
link full.o full.so

# 1. the same behaviour: from source, from the increment, from the whole-session image
"$TYCHO" -e 'dofile "base.lua" dofile "inc.lua" io.write("inc hook\n")' check.lua >src.out 2>&1
"$TYCHO" -J inc.so check.lua >inc.out 2>&1
"$TYCHO" -J full.so check.lua >full.out 2>&1
cmp -s src.out inc.out || fail "incremental image differs from source: $(diff src.out inc.out | head -n 6 | tr '\n' '|')"
cmp -s src.out full.out || fail "--incremental=no image differs from source: $(diff src.out full.out | head -n 6 | tr '\n' '|')"
grep -q '^5	true	true$' inc.out || fail "base table changes lost: $(head -n 1 inc.out)"
# the base alone is untouched by its increment
"$TYCHO" -J base.so -e 'print(registry_t.count, registry_t.items[1], pl.stringx.shout, json, hit())' >base.out 2>&1
grep -qx '0	nil	nil	nil	2' base.out || fail "the base changed: $(cat base.out)"

# 2. only the new objects: much smaller than the whole session; records the base
"$TYCHO" --image-info=inc.so >info 2>&1 || fail "image-info on the increment: $(head -n 1 info)"
grep -q '^flags	incremental' info || fail "increment not flagged incremental"
grep -q "^base	[0-9a-f]\{32\}	$T/base.so	[0-9a-f]\{16\}$" info || fail "no base record: $(grep '^base' info)"
grep -q "^package	dkjson	" info || fail "dkjson not listed in the increment"
grep -q "^package	pl.utils	" info && fail "a base package is listed again in the increment"
grep -q '^section	overrides	[0-9]*	[1-9]' info || fail "no overrides for the changed base objects: $(grep overrides info)"
inc=$(grep '^section	heap' info | cut -f4)
full=$("$TYCHO" --image-info=full.so | grep '^section	heap' | cut -f4)
[ "$inc" -lt $((full / 3)) ] || fail "increment heap $inc bytes is not much smaller than the whole session's $full"
"$TYCHOC" info inc.so >tinfo 2>&1
grep -q "^base image *build id [0-9a-f]*, $T/base.so" tinfo || fail "tychoc info: $(grep -i base tinfo)"
# tychoc check covers the base's packages too
"$TYCHOC" check inc.so >chk 2>&1 || fail "tychoc check on the increment: $(tail -n 2 chk | tr '\n' '|')"
grep -q '^ok  *dkjson' chk && grep -q '^ok  *pl.utils' chk || fail "tychoc check misses base or new packages: $(tr '\n' '|' <chk)"

# 3. a base that changed, or is gone: one line, exit 1; the increment never half-loads
cp base.so base.keep
printf 'registry_t = {}\n' >other.lua
"$TYCHO" --output-o=base.o other.lua && link base.o base.so
"$TYCHO" -J inc.so -e 'print("loaded")' >out 2>err; st=$?
one_error_line "changed base" "$st" err
grep -q "base image '$T/base.so' does not match" err || fail "changed base: reason: $(cat err)"
grep -q loaded out && fail "changed base: the script ran"
rm base.so
"$TYCHO" -J inc.so -e 'print("loaded")' >out 2>err; st=$?
one_error_line "missing base" "$st" err
grep -q "base image '$T/base.so': not found" err || fail "missing base: reason: $(cat err)"
mv base.keep base.so
"$TYCHO" -J inc.so check.lua >inc2.out 2>&1
cmp -s src.out inc2.out || fail "the increment does not load once its base is back"

# 4. an increment on an increment is refused clearly (whole session still possible)
"$TYCHO" -J inc.so --output-o=inc3.o -e 'x = 1' >out 2>&1; st=$?
[ "$st" -ne 0 ] && grep -q 'incremental=no' out || fail "increment on an increment: exit $st, $(cat out)"
"$TYCHO" -J inc.so --incremental=no --output-o=full3.o -e 'x = 1' >out 2>&1 || fail "--incremental=no on an increment: $(cat out)"
finish
