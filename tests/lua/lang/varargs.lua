-- Varargs, select('#'), multiple results and their truncation/expansion rules.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil)) -- expect: 0	1	2	4
local function pass(...) return ... end
print(pass(1, 2, 3)) -- expect: 1	2	3
print(count(pass()), count(pass(nil, nil))) -- expect: 0	2
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c")) -- expect: b	c	a	b	c
print(pcall(select, 0, 1), pcall(select, -4, 1, 2, 3)) -- expect: false	false	bad argument #1 to 'select' (index out of range)
print(select("#"), count(select(5, 1, 2))) -- expect: 0	0
-- only the last expression in a list expands
local function three() return 1, 2, 3 end
print(three(), three()) -- expect: 1	1	2	3
print((three())) -- expect: 1
print(({three(), three()})[4] == nil, #{three(), three()}) -- expect: false	4
local x, y, z, w = three()
print(x, y, z, w) -- expect: 1	2	3	nil
local p, q = (three())
print(p, q) -- expect: 1	nil
-- varargs in table constructors and calls
local function pack(...) return {n = select("#", ...), ...} end
local t = pack(nil, 2, nil)
print(t.n, t[1], t[2], t[3]) -- expect: 3	nil	2	nil
print(string.format("%s %s %s", three())) -- expect: 1 2 3
print(math.max(three()), math.min(three(), 0)) -- expect: 3	0
-- ... in main chunk is the script arguments; arg table exists
print(select("#", ...), type(arg), arg[0]) -- expect: 0	table	varargs.lua
-- varargs with many values
local big = {}
for i = 1, 250 do big[i] = i end
print(count(table.unpack(big)), select(250, table.unpack(big))) -- expect: 250	250
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(table.unpack(big))) -- expect: 31375
-- table.unpack with explicit ranges and nils
print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5)) -- expect: 2	2	3	nil	nil
print(count(table.unpack({}, 1, 0)), count(table.unpack({n = 3}, 1, 3))) -- expect: 0	3
-- vararg functions with fixed parameters
local function fixed(a, b, ...) return a, b, count(...) end
print(fixed(1), fixed(1, 2, 3, 4)) -- expect: 1	1	2	2
-- varargs captured by a closure via table, and in a coroutine
local co = coroutine.wrap(function(...)
  local n = count(...)
  local got = {coroutine.yield(n, ...)}
  return #got, table.unpack(got)
end)
print(co("a", "b")) -- expect: 2	a	b
print(co(7, 8, 9)) -- expect: 3	7	8	9
-- method calls with varargs
local obj = {n = 10}
function obj:add(...) local s = self.n; for _, v in ipairs({...}) do s = s + v end; return s end
print(obj:add(1, 2, 3), obj.add(obj)) -- expect: 16	10
-- parenthesized vararg is truncated to one value
local function first(...) return (...) end
print(count(first(1, 2, 3)), count(first())) -- expect: 1	1
-- return with a call in the middle is truncated
local function mid() return three(), 10 end
print(mid()) -- expect: 1	10
