-- Varargs, select('#'), multiple results and their truncation/expansion rules.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(count(pass()), count(pass(nil, nil)))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(pcall(select, 0, 1), pcall(select, -4, 1, 2, 3))
print(select("#"), count(select(5, 1, 2)))
-- only the last expression in a list expands
local function three() return 1, 2, 3 end
print(three(), three())
print((three()))
print(({three(), three()})[4] == nil, #{three(), three()})
local x, y, z, w = three()
print(x, y, z, w)
local p, q = (three())
print(p, q)
-- varargs in table constructors and calls
local function pack(...) return {n = select("#", ...), ...} end
local t = pack(nil, 2, nil)
print(t.n, t[1], t[2], t[3])
print(string.format("%s %s %s", three()))
print(math.max(three()), math.min(three(), 0))
-- ... in main chunk is the script arguments; arg table exists
print(select("#", ...), type(arg), arg[0])
-- varargs with many values
local big = {}
for i = 1, 250 do big[i] = i end
print(count(table.unpack(big)), select(250, table.unpack(big)))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(table.unpack(big)))
-- table.unpack with explicit ranges and nils
print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5))
print(count(table.unpack({}, 1, 0)), count(table.unpack({n = 3}, 1, 3)))
-- vararg functions with fixed parameters
local function fixed(a, b, ...) return a, b, count(...) end
print(fixed(1), fixed(1, 2, 3, 4))
-- varargs captured by a closure via table, and in a coroutine
local co = coroutine.wrap(function(...)
  local n = count(...)
  local got = {coroutine.yield(n, ...)}
  return #got, table.unpack(got)
end)
print(co("a", "b"))
print(co(7, 8, 9))
-- method calls with varargs
local obj = {n = 10}
function obj:add(...) local s = self.n; for _, v in ipairs({...}) do s = s + v end; return s end
print(obj:add(1, 2, 3), obj.add(obj))
-- parenthesized vararg is truncated to one value
local function first(...) return (...) end
print(count(first(1, 2, 3)), count(first()))
-- return with a call in the middle is truncated
local function mid() return three(), 10 end
print(mid())
