-- __index and __newindex: tables and functions, chains, raw access, loops.
local base = {greet = "hi", n = 1}
local mid = setmetatable({mid = true}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.greet, top.mid, top.n, top.none, rawget(top, "greet")) -- expect: hi	true	1	nil	nil
-- function __index receives table and key
local calls = {}
local fi = setmetatable({}, {__index = function(t, k) calls[#calls + 1] = tostring(k); return k .. "!" end})
print(fi.a, fi[1], fi.a, #calls) -- expect: a!	1!	a!	3
fi.a = "own"
print(fi.a, #calls) -- expect: own	3
-- __index is not consulted for present keys, even false
local present = setmetatable({x = false}, {__index = function() return "meta" end})
print(present.x, present.y) -- expect: false	meta
-- __newindex with a table redirects the assignment
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = 10
print(rawget(proxy, "a"), store.a, proxy.a) -- expect: nil	10	10
-- __newindex function; rawset bypasses it
local log = {}
local guarded = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v * 2) end})
guarded.x = 1
guarded.x = 5          -- now present: no metamethod
guarded.y = 2
print(guarded.x, guarded.y, table.concat(log, " ")) -- expect: 5	4	x=1 y=2
-- __newindex chain through a table that itself has __newindex
local final = {}
local inner = setmetatable({}, {__newindex = function(t, k, v) final[k] = "via inner " .. v end})
local outer = setmetatable({}, {__newindex = inner})
outer.z = "v"
print(final.z, rawget(inner, "z"), rawget(outer, "z")) -- expect: via inner v	nil	nil
-- assignment to existing key with nil value triggers __newindex
local nv = setmetatable({}, {__newindex = function(t, k, v) print("newindex", k, v) end})
nv.q = nil -- expect: newindex	q	nil
-- long chains work, loops are detected
local chain = {last = "end of chain"}
for i = 1, 50 do chain = setmetatable({}, {__index = chain}) end
print(chain.last) -- expect: end of chain
local loop1, loop2 = {}, {}
setmetatable(loop1, {__index = loop2}); setmetatable(loop2, {__index = loop1})
print(pcall(function() return loop1.x end)) -- expect: false	meta_index.lua:42: '__index' chain too long; possible loop
local nl1, nl2 = {}, {}
setmetatable(nl1, {__newindex = nl2}); setmetatable(nl2, {__newindex = nl1})
print(pcall(function() nl1.x = 1 end)) -- expect: false	meta_index.lua:45: '__newindex' chain too long; possible loop
-- __index on non-table values through debug.setmetatable
debug.setmetatable(10, {__index = function(n, k) return n * k end})
print((5)[3], (2.5)[2]) -- expect: 15	5.0
debug.setmetatable(10, nil)
print(pcall(function() local n = 5; return n.x end)) -- expect: false	meta_index.lua:50: attempt to index a number value (local 'n')
-- a float key equal to an integer finds the integer key; __index gets the original key
local norm = setmetatable({[1] = "one"}, {__index = function(_, k) return "missing " .. math.type(k) end})
print(norm[1.0], norm[2.0], norm[2]) -- expect: one	missing float	missing integer
-- __index function returning multiple values yields only one
local mv = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(mv.x) -- expect: 1
-- a metatable's __index is read raw (no __index on the metatable itself)
local mt = setmetatable({}, {__index = {__index = {hidden = 1}}})
local obj = setmetatable({}, mt)
print(obj.hidden) -- expect: nil
-- __index change is visible immediately (no stale caches)
local cmt = {__index = {v = 1}}
local cobj = setmetatable({}, cmt)
local r1 = cobj.v
cmt.__index = {v = 2}
print(r1, cobj.v) -- expect: 1	2
cmt.__index = nil
print(cobj.v) -- expect: nil
