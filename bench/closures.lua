-- closures.lua: creating closures and calling through upvalues.
local function make_counter(start)
  local c = start
  return function(d) c = c + d; return c end
end
local function compose(f, g) return function(x) return f(g(x)) end end
local total = 0
for i = 1, 300000 do
  local ctr = make_counter(i)
  ctr(1); ctr(2)
  total = (total + ctr(3)) % 1000000007
end
local add1 = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
local f = compose(add1, compose(dbl, add1))
local acc = 0
for i = 1, 1000000 do acc = (acc + f(i)) % 1000000007 end
-- upvalue shared between many closures
local shared = 0
local fns = {}
for i = 1, 100 do fns[i] = function() shared = shared + i end end
for r = 1, 10000 do for i = 1, 100 do fns[i]() end end
-- map/filter style higher-order code
local function map(t, fn) local r = {} for i = 1, #t do r[i] = fn(t[i]) end return r end
local data = {}
for i = 1, 1000 do data[i] = i end
local s = 0
for r = 1, 200 do
  local m = map(data, function(x) return x * r end)
  s = (s + m[#m]) % 1000000007
end
print(string.format("closures %d %d %d %d", total, acc, shared, s))
