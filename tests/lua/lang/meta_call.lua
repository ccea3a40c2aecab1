-- __call: callable tables and userdata-like objects, nested __call, varargs and results.
local C = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(C(1, 2)) -- expect: called	1	2
print(C()) -- expect: called	nil	nil
print(select("#", C(nil, nil))) -- expect: 3
-- the callable object is passed as the first argument
local obj = setmetatable({name = "obj"}, {__call = function(self, x) return self.name .. ":" .. x end})
print(obj("arg")) -- expect: obj:arg
-- nested __call: the __call value is itself a callable table
local inner = setmetatable({}, {__call = function(...) return select("#", ...), ... end})
local outer = setmetatable({}, {__call = inner})
local n, a1, a2, a3 = outer("x")
print(n, a1 == inner, a2 == outer, a3) -- expect: 3	true	true	x
-- __call in method syntax, in tail position and with pcall
local M = setmetatable({}, {__call = function(_, v) return v * 2 end})
local holder = {m = M}
print(holder.m(21)) -- expect: 42
local function tail(v) return M(v) end
print(tail(4)) -- expect: 8
print(pcall(M, 5)) -- expect: true	10
print(pcall(setmetatable({}, {__call = function() error("inside call") end}))) -- expect: false	meta_call.lua:21: inside call
-- __call is looked up raw in the metatable; __index on the metatable is ignored
local weird = setmetatable({}, setmetatable({}, {__index = {__call = function() return "no" end}}))
print(pcall(weird)) -- expect: false	attempt to call a table value
-- calling non-callables
print(pcall(function() local t = {} t() end)) -- expect: false	meta_call.lua:26: attempt to call a table value (local 't')
-- __call with many arguments and results
local many = setmetatable({}, {__call = function(_, ...) return ... end})
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)) -- expect: 1	2	3	4	5	6	7	8	9	10
local args = {}
for i = 1, 200 do args[i] = i end
print(select("#", many(table.unpack(args)))) -- expect: 200
-- library functions that need a function reject callable tables
print(pcall(coroutine.wrap, setmetatable({}, {__call = print}))) -- expect: false	bad argument #1 to 'coroutine.wrap' (function expected, got table)
