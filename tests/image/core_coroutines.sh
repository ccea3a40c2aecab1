#!/bin/sh
# tests/image/core_coroutines.sh: suspended coroutines round-trip through an image: open upvalues
# shared with closures, nested Lua frames, yields inside pcall/xpcall (errors after load caught
# there), generic-for iterators, tail-called yields in vararg functions, pending to-be-closed
# variables, nested and many coroutines, tracebacks, GC after load, and an incremental image whose
# coroutine runs base prototypes.  What cannot be restored is refused with one line.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4
cd "$T" || exit 1
link() { $("$TYCHO" --print-link-command "$1" "$2") >"$T/link.log" 2>&1 || fail "link $2: $(cat "$T/link.log")"; }

cat >setup.lua <<'LUA'
-- 1. generator with an open upvalue shared with a global closure
local function counter_gen()
  local n = 0
  bump = function(k) n = n + k end
  return coroutine.create(function(step)
    while true do n = n + step; step = coroutine.yield(n) or step end
  end)
end
gen = counter_gen()
assert(coroutine.resume(gen, 1))
-- 2. yield three Lua calls deep, locals of every level kept
local function c3(x) local y = x * 2; local r = coroutine.yield("deep", y); return r + y end
local function c2(x) local z = c3(x + 1); return z * 10 end
local function c1(x) local w = c2(x) + 1; return "c1", w end
deep = coroutine.create(c1)
assert(coroutine.resume(deep, 4))
-- 3. yields inside pcall and xpcall; errors after load are caught by them
pc = coroutine.create(function()
  local ok, e = pcall(function()
    local v = coroutine.yield("in pcall")
    if v == "raise" then error("raised after load") end
    return v
  end)
  local ok2, e2 = xpcall(function() coroutine.yield("in xpcall"); error({code = 7}) end,
                         function(m) return "handled:" .. tostring(type(m) == "table" and m.code) end)
  return ok, e, ok2, e2
end)
assert(coroutine.resume(pc))
-- 4. a Lua iterator that yields inside a generic for
local function iter(s, i) if i < s then coroutine.yield("iter", i); return i + 1 end end
forco = coroutine.wrap(function() local acc = {} for i in iter, 3, 0 do acc[#acc + 1] = i end return table.concat(acc, ",") end)
assert(forco() == "iter")
-- 5. tail call of the yield, in a vararg function
tailco = coroutine.create(function(...) local t = {...}; return coroutine.yield(#t, ...) end)
assert(coroutine.resume(tailco, "a", "b", "c"))
-- 6. pending to-be-closed variable
log = {}
tbcco = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "closed:" .. tostring(e) end})
  coroutine.yield("holding")
  return "released"
end)
assert(coroutine.resume(tbcco))
tbcclose = coroutine.create(function()
  local y <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed by coroutine.close" end})
  coroutine.yield()
end)
assert(coroutine.resume(tbcclose))
-- 7. nested coroutines, both suspended
inner = coroutine.create(function() local k = 0 while true do k = k + 1; coroutine.yield("inner" .. k) end end)
outer = coroutine.create(function()
  while true do local _, v = coroutine.resume(inner); coroutine.yield("outer got " .. v) end
end)
assert(coroutine.resume(outer))
-- 8. many generators
gens = {}
for i = 1, 500 do
  gens[i] = coroutine.wrap(function() local s = i; while true do coroutine.yield(s); s = s + i end end)
  gens[i]()
end
-- 9b. a C function (pcall) as the coroutine body, its Lua callee suspended
cpc = coroutine.create(pcall)
assert(coroutine.resume(cpc, function(a) local b = coroutine.yield(a) return b * 2 end, 5))
-- 10. yields inside metamethods, each coroutine suspended inside a different instruction's
--     metamethod when the image is written: the instruction is finished after load
local mt = {
  __index = function(_, k) return coroutine.yield("index", k) end,
  __newindex = function(t, k, v) coroutine.yield("newindex", k); rawset(t, k, v) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __unm = function(a) return coroutine.yield("unm") end,
  __len = function(a) return coroutine.yield("len") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
}
local le_mt = {__lt = function(a, b) return coroutine.yield("le-via-lt") end}  -- no __le
local o, p, q = setmetatable({}, mt), setmetatable({}, mt), setmetatable({}, le_mt)
local direct = setmetatable({}, {__index = coroutine.yield})   -- a C metamethod
local cases = {
  get = function() return "got " .. tostring(o.field) end,               -- GETFIELD
  set = function() o.newkey = "stored"; return rawget(o, "newkey") end,  -- SETFIELD
  add = function() local x = o + 1; return x * 2 end,                    -- ADDK
  unm = function() return -o end,                                        -- UNM
  len = function() return #o + 1 end,                                    -- LEN
  lt = function() if o < p then return "lt-true" end return "lt-false" end,  -- LT + jump
  le = function() if q <= q then return "le-true" end return "le-false" end, -- __lt for __le
  eq = function() return (o == p) and "eq-true" or "eq-false" end,           -- EQ + jump
  concat = function() return "a" .. "b" .. o .. "c" .. "d" end,          -- CONCAT, mid-way
  direct = function() return direct.key end,
}
mm = {}
for _, name in ipairs({"get", "set", "add", "unm", "len", "lt", "le", "eq", "concat", "direct"}) do
  local co = coroutine.create(cases[name])
  local _, a, b = coroutine.resume(co)
  mm[#mm + 1] = {name, co, type(a) == "table" and "tbl" or a, b}
end
-- 9. an error after load, not caught inside
errco = coroutine.create(function() local a = coroutine.yield(1); return a.field end)
assert(coroutine.resume(errco))
LUA
cat >check.lua <<'LUA'
print(coroutine.status(gen), coroutine.resume(gen, 2))
bump(100)
print(coroutine.resume(gen))
print(coroutine.resume(deep, 5))
print(coroutine.status(deep), coroutine.resume(deep))
print(coroutine.resume(pc, "raise"))
print(coroutine.resume(pc))
print(forco()) print(forco()) print(forco())
print(coroutine.resume(tailco, "x", nil, "z"))
print(coroutine.resume(tbcco)); print(table.concat(log, ";"))
print(coroutine.close(tbcclose), table.concat(log, ";"), coroutine.status(tbcclose))
print(coroutine.resume(outer)); print(coroutine.resume(outer)); print(coroutine.resume(inner))
local s = 0 for i = 1, 500 do s = s + gens[i]() + gens[i]() end print("gens", s)
local ok, e = coroutine.resume(errco, nil) print(ok, e, coroutine.status(errco))
print(coroutine.resume(cpc, 21)) print(coroutine.status(cpc))
local answers = {get = "I", add = 10, unm = "U", len = 7, lt = true, le = true, eq = false,
                 concat = "<o>", direct = "D"}
for _, c in ipairs(mm) do
  print(c[1], c[3], c[4], coroutine.status(c[2]), coroutine.resume(c[2], answers[c[1]]))
end
print(debug.traceback(deep), debug.traceback(gen))
collectgarbage() collectgarbage()
print(coroutine.resume(gen, 3), coroutine.resume(outer))
LUA

# reference: setup and check in one process
"$TYCHO" -e "dofile('setup.lua') dofile('check.lua')" >want 2>&1 || { echo "$TEST: reference run failed"; cat want; exit 1; }
"$TYCHO" --output-o=app.o setup.lua 2>err || fail "--output-o: $(cat err)"
link app.o app.so
"$TYCHO" -J app.so -e "dofile('check.lua')" >got 2>&1 || fail "-J run: $(head -n 3 got)"
cmp -s want got || fail "restored coroutines behave differently: $(diff want got | head -n 10 | tr '\n' '|')"
# the restored coroutines are really in the image (nothing ran setup again)
r=$("$TYCHO" -J app.so -e 'print(coroutine.status(gen), coroutine.status(deep), #gens)' 2>&1)
[ "$r" = "suspended	suspended	500" ] || fail "image content: got '$r'"

# an incremental image: a coroutine suspended in base prototypes, with an open upvalue
cat >base.lua <<'LUA'
function make(label)
  local seen = 0
  return coroutine.create(function(x)
    while true do seen = seen + 1; x = coroutine.yield(label .. ":" .. x .. ":" .. seen) end
  end), function() return seen end
end
LUA
"$TYCHO" --output-o=base.o base.lua 2>err || fail "base --output-o: $(cat err)"
link base.o base.so
"$TYCHO" -J base.so --output-o=inc.o -e 'co, seen = make("L"); coroutine.resume(co, "a")' 2>err \
  || fail "incremental --output-o: $(cat err)"
link inc.o inc.so
r=$("$TYCHO" -J inc.so -e 'print(select(2, coroutine.resume(co, "b")), seen())' 2>&1)
[ "$r" = "L:b:2	2" ] || fail "incremental image with a suspended coroutine: got '$r'"

# refused: a yield inside a __close handler (the closing instruction cannot be redone)
"$TYCHO" --output-o=bad.o -e '
  co = coroutine.create(function()
    do local x <close> = setmetatable({}, {__close = function() coroutine.yield("in close") end}) end
    return 1
  end) coroutine.resume(co)' >/dev/null 2>err
st=$?
[ "$st" -eq 1 ] || fail "__close yield: exit $st (want 1)"
[ "$(wc -l <err)" -eq 1 ] && grep -q "suspended inside a __close handler" err \
  || fail "__close yield message: $(cat err)"
[ -e bad.o ] && fail "a refused image left bad.o behind"
finish
