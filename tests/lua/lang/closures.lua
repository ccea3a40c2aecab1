-- Closures and upvalues: sharing, fresh locals per iteration, closing over loop variables.
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
print(get(), inc(), get()) -- expect: 2	3	3
local inc2, get2 = counter()
print(inc2(), get()) -- expect: 1	3
-- a fresh local per loop iteration (numeric, generic, while with local)
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]()) -- expect: 1	2	3
fs = {}
for k, v in ipairs({"a", "b", "c"}) do fs[k] = function() return k .. v end end
print(fs[1](), fs[2](), fs[3]()) -- expect: 1a	2b	3c
fs = {}
local j = 0
while j < 3 do j = j + 1; local c = j; fs[j] = function() c = c * 10; return c end end
print(fs[1](), fs[1](), fs[2](), fs[3]()) -- expect: 10	100	20	30
fs = {}
local r = 0
repeat local c = r; fs[#fs + 1] = function() return c end; r = r + 1 until c >= 2
print(fs[1](), fs[2](), fs[3]()) -- expect: 0	1	2
-- closures in the same iteration share the local
local getters, setters = {}, {}
for i = 1, 2 do
  local v = i * 100
  getters[i] = function() return v end
  setters[i] = function(x) v = x end
end
setters[1](7)
print(getters[1](), getters[2]()) -- expect: 7	200
-- upvalue shared between sibling closures and the enclosing function, after it returns
local function mk()
  local shared = "init"
  local function set(x) shared = x end
  local function read() return shared end
  set("changed before return")
  return set, read, shared
end
local set, read, snap = mk()
print(read(), snap) -- expect: changed before return	changed before return
set("after")
print(read()) -- expect: after
-- deep nesting of upvalues
local function l1()
  local a = 1
  return function()
    local b = 2
    return function()
      local c = 3
      return function() a = a + 1; return a + b + c end
    end
  end
end
local deep = l1()()()
print(deep(), deep()) -- expect: 7	8
-- recursive local function sees itself
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(20)) -- expect: 2432902008176640000
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20)) -- expect: 6765
-- closures capturing parameters and varargs via table
local function bind(f, ...)
  local args = table.pack(...)
  return function(...)
    local all = {table.unpack(args, 1, args.n)}
    for i = 1, select("#", ...) do all[args.n + i] = select(i, ...) end
    return f(table.unpack(all, 1, args.n + select("#", ...)))
  end
end
print(bind(string.format, "%s-%s-%s", "a")("b", "c")) -- expect: a-b-c
-- upvalues keep their value after the block is left via break
local saved
for i = 1, 10 do
  local x = i * i
  saved = function() return x end
  if i == 4 then break end
end
print(saved()) -- expect: 16
-- many closures, identity: each evaluation creates a distinct closure (or equal ones may be reused)
local a1 = {}
for i = 1, 3 do a1[i] = function() return i end end
print(a1[1] ~= a1[2], type(a1[1])) -- expect: true	function
-- upvalue of a loop control variable in nested loops
local grid = {}
for x = 1, 2 do for y = 1, 2 do grid[#grid + 1] = function() return x * 10 + y end end end
local out = {}
for i, g in ipairs(grid) do out[i] = g() end
print(table.concat(out, " ")) -- expect: 11 12 21 22
-- debug.upvalueid reflects sharing
local function pair() local u = 0; return function() return u end, function() u = u + 1 end end
local g1, g2 = pair()
print(debug.upvalueid(g1, 1) == debug.upvalueid(g2, 1), debug.getupvalue(g1, 1)) -- expect: true	u	0
