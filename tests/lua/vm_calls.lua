-- vm_calls.lua: Lua-to-Lua calls, closures, varargs, tail calls and stack depth (interpreter)
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20)) -- expect: 6765
local function mk() local c = 0; return function() c = c + 1; return c end end
local a, b = mk(), mk()
print(a(), a(), b(), a()) -- expect: 1	2	1	3
local function va(...) return select('#', ...), ... end
print(va()) -- expect: 0
print(va(1, nil, 3)) -- expect: 3	1	nil	3
print(va(nil, nil)) -- expect: 2	nil	nil
local function va2(x, y, ...) local t = {...}; return x, y, #t, ... end
print(va2(1)) -- expect: 1	nil	0
print(va2(1, 2, 3, 4, 5)) -- expect: 1	2	3	3	4	5
-- vararg frame: fixed params are moved above the varargs
local function vf(p, q, ...) local r = p + q; return r, select('#', ...), (select(2, ...)) end
print(vf(1, 2, "a", "b", "c")) -- expect: 3	3	b
-- proper tail calls run in constant stack
local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + 1) end
print(tail(10000000, 0)) -- expect: 10000000
local function vtail(n, ...) if n == 0 then return ... end return vtail(n - 1, ...) end
print(vtail(100000, "x", "y")) -- expect: x	y
local function ping(n) if n == 0 then return "pong" end return (select(1, ping(n - 1))) end
print(ping(1000)) -- expect: pong
-- tail call of a C function and through __call
local function tc() return select('#', 1, 2, 3) end
print(tc()) -- expect: 3
local callable = setmetatable({}, {__call = function(self, x, y) return x + y end})
local function tcc(x) return callable(x, 10) end
print(tcc(5)) -- expect: 15
-- deep non-tail recursion does not use the C stack
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(150000)) -- expect: 150000
local ok, msg = pcall(function() local function inf(n) return 1 + inf(n) end return inf(1) end)
print(ok, (string.gsub(msg, "^.-:%d+: ", ""))) -- expect: false	stack overflow
-- the stack is usable again after an overflow
print(depth(1000)) -- expect: 1000
-- closures capture per-iteration variables
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]()) -- expect: 1	2	3
local t = {}
for i = 1, 3 do local j = i * 2; t[i] = function() j = j + 1; return j end end
print(t[1](), t[1](), t[2]()) -- expect: 3	4	5
local k = 0; local cl = {}
repeat local x = k; cl[#cl + 1] = function() return x end; k = k + 1 until k == 3
print(cl[1](), cl[2](), cl[3]()) -- expect: 0	1	2
-- shared upvalues between closures
local function pair() local v = 0; return function() v = v + 1 end, function() return v end end
local inc, get = pair()
inc(); inc()
print(get()) -- expect: 2
-- multiple results adjusted
local function three() return 1, 2, 3 end
local function cnt(...) return select('#', ...) end
print(cnt(three()), cnt((three())), cnt(three(), 9), cnt(nil, three())) -- expect: 3	1	2	4
local big = {}
for i = 1, 250 do big[i] = i end
print(cnt(table.unpack(big))) -- expect: 250
local function sum(...) local s = 0 for i = 1, select('#', ...) do s = s + select(i, ...) end return s end
print(sum(table.unpack(big))) -- expect: 31375
local tt = {three(), three()}
print(#tt, #{three(), (three())}, #{(three())}) -- expect: 4	2	1
-- method calls
local obj = {v = 10}
function obj:get(x) return self.v + (x or 0) end
print(obj:get(), obj:get(5), obj.get(obj, 1)) -- expect: 10	15	11
print(("abc"):upper(), ("x"):rep(3)) -- expect: ABC	xxx
-- multiple assignment evaluation order
local p, q, r = 1, 2
print(p, q, r) -- expect: 1	2	nil
p, q = q, p
print(p, q) -- expect: 2	1
local arr = {1, 2, 3}
local idx = 1
idx, arr[idx] = idx + 1, 20
print(idx, arr[1], arr[2]) -- expect: 2	20	2
