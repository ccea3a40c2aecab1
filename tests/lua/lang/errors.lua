-- error, pcall, xpcall: levels, non-string error objects, handlers, nesting, tracebacks.
print(pcall(error, "msg"))
print(pcall(error, "msg", 0))
print(pcall(error))
print(pcall(error, nil))
local function lvl1() error("at level 1", 1) end
local function lvl2() error("at level 2", 2) end
local function calls2() lvl2() end     -- line 8: level 2 blames this line
print(pcall(lvl1))
print(pcall(calls2))
-- non-string error objects are passed through untouched
local eobj = {code = 42}
local ok, e = pcall(error, eobj)
print(ok, e == eobj, e.code)
print(pcall(error, 123))
print(pcall(error, 1.5, 2))
print(pcall(error, true))
print(select("#", pcall(error)))
-- errors with a __tostring object
local E = setmetatable({}, {__tostring = function() return "custom error object" end})
print(select(2, pcall(error, E)) == E)
-- pcall returns all results on success
print(pcall(function(...) return ... end, 1, nil, 3))
print(pcall(pcall, error, "nested"))
print(pcall(pcall))
-- xpcall with a handler; handler gets the original error object
print(xpcall(function() error("E1") end, function(m) return "H:" .. m end))
print(xpcall(function() error({1, 2}) end, function(m) return type(m), #m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(error, function(m) return m end, "direct"))
-- error in the handler
print(xpcall(function() error("first") end, function(m) error("in handler") end))
-- handler receives runtime errors with position
print(xpcall(function() local x = nil; return x.y end, function(m) return "handled: " .. m end))
-- traceback from a handler
local tbok, tb = xpcall(function() local function inner() error("deep") end inner() end, debug.traceback)
print(tbok, tb:match("^[^\n]+"), tb:find("stack traceback:", 1, true) ~= nil)
-- error levels pointing into C / beyond the stack
print(pcall(error, "lvl3", 3))
local function wrapper() error("from wrapper", 2) end
print(pcall(wrapper))
-- error rethrown keeps its position only once
print(pcall(function() local ok, m = pcall(error, "inner"); error(m, 0) end))
print(pcall(function() local ok, m = pcall(error, "inner"); error(m) end))
-- runtime error messages include variable info
print(pcall(function() local t = {} return t.a.b end))
print(pcall(function() return undefinedglobal.field end))
print(pcall(function() local s = "x" return s:nomethod() end))
print(pcall(function() local t = {} t.m() end))
print(pcall(function() return ("x")() end))
-- error message with non-string in concat at runtime
print(pcall(function() local a = {} return "x" .. a end))
-- assert
print(pcall(assert, false))
print(pcall(assert, nil, "custom assert"))
print(select(2, pcall(assert, false, {tag = "obj"})).tag)
print(assert(1, 2, 3))
print(pcall(assert))
-- deep pcall nesting
local function nest(n) if n == 0 then error("bottom", 0) end return pcall(nest, n - 1) end
local r = {nest(150)}
print(#r, r[1], r[150], r[151])
-- error objects survive coroutine boundaries
local co = coroutine.create(function() error(setmetatable({}, {__index = {kind = "special"}})) end)
local cok, cerr = coroutine.resume(co)
print(cok, cerr.kind)
-- tostring of error values in uncaught errors is done by the host: checked in tests/errors
print(type(debug.traceback()), debug.traceback("msg", 1):match("^msg\nstack traceback:") ~= nil)
print(debug.traceback(12):match("^12\nstack traceback:\n") ~= nil, type(debug.traceback(nil)), type(debug.traceback({})))
