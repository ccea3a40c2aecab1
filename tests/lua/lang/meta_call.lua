-- __call: callable tables and userdata-like objects, nested __call, varargs and results.
local C = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(C(1, 2))
print(C())
print(select("#", C(nil, nil)))
-- the callable object is passed as the first argument
local obj = setmetatable({name = "obj"}, {__call = function(self, x) return self.name .. ":" .. x end})
print(obj("arg"))
-- nested __call: the __call value is itself a callable table
local inner = setmetatable({}, {__call = function(...) return select("#", ...), ... end})
local outer = setmetatable({}, {__call = inner})
local n, a1, a2, a3 = outer("x")
print(n, a1 == inner, a2 == outer, a3)
-- __call in method syntax, in tail position and with pcall
local M = setmetatable({}, {__call = function(_, v) return v * 2 end})
local holder = {m = M}
print(holder.m(21))
local function tail(v) return M(v) end
print(tail(4))
print(pcall(M, 5))
print(pcall(setmetatable({}, {__call = function() error("inside call") end})))
-- __call is looked up raw in the metatable; __index on the metatable is ignored
local weird = setmetatable({}, setmetatable({}, {__index = {__call = function() return "no" end}}))
print(pcall(weird))
-- calling non-callables
print(pcall(function() local t = {} t() end))
-- __call with many arguments and results
local many = setmetatable({}, {__call = function(_, ...) return ... end})
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
local args = {}
for i = 1, 200 do args[i] = i end
print(select("#", many(table.unpack(args))))
-- library functions that need a function reject callable tables
print(pcall(coroutine.wrap, setmetatable({}, {__call = print})))
