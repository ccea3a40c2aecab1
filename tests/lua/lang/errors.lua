-- error, pcall, xpcall: levels, non-string error objects, handlers, nesting, tracebacks.
print(pcall(error, "msg")) -- expect: false	msg
print(pcall(error, "msg", 0)) -- expect: false	msg
print(pcall(error)) -- expect: false	nil
print(pcall(error, nil)) -- expect: false	nil
local function lvl1() error("at level 1", 1) end
local function lvl2() error("at level 2", 2) end
local function calls2() lvl2() end     -- line 8: level 2 blames this line
print(pcall(lvl1)) -- expect: false	errors.lua:6: at level 1
print(pcall(calls2)) -- expect: false	errors.lua:8: at level 2
-- non-string error objects are passed through untouched
local eobj = {code = 42}
local ok, e = pcall(error, eobj)
print(ok, e == eobj, e.code) -- expect: false	true	42
print(pcall(error, 123)) -- expect: false	123
print(pcall(error, 1.5, 2)) -- expect: false	1.5
print(pcall(error, true)) -- expect: false	true
print(select("#", pcall(error))) -- expect: 2
-- errors with a __tostring object
local E = setmetatable({}, {__tostring = function() return "custom error object" end})
print(select(2, pcall(error, E)) == E) -- expect: true
-- pcall returns all results on success
print(pcall(function(...) return ... end, 1, nil, 3)) -- expect: true	1	nil	3
print(pcall(pcall, error, "nested")) -- expect: true	false	nested
print(pcall(pcall)) -- expect: false	bad argument #1 to 'pcall' (value expected)
-- xpcall with a handler; handler gets the original error object
print(xpcall(function() error("E1") end, function(m) return "H:" .. m end)) -- expect: false	H:errors.lua:27: E1
print(xpcall(function() error({1, 2}) end, function(m) return type(m), #m end)) -- expect: false	table
print(xpcall(function(a, b) return a + b end, print, 3, 4)) -- expect: true	7
print(xpcall(error, function(m) return m end, "direct")) -- expect: false	direct
-- error in the handler
print(xpcall(function() error("first") end, function(m) error("in handler") end)) -- expect: false	error in error handling
-- handler receives runtime errors with position
print(xpcall(function() local x = nil; return x.y end, function(m) return "handled: " .. m end)) -- expect: false	handled: errors.lua:34: attempt to index a nil value (local 'x')
-- traceback from a handler
local tbok, tb = xpcall(function() local function inner() error("deep") end inner() end, debug.traceback)
print(tbok, tb:match("^[^\n]+"), tb:find("stack traceback:", 1, true) ~= nil) -- expect: false	errors.lua:36: deep	true
-- error levels pointing into C / beyond the stack
print(pcall(error, "lvl3", 3)) -- expect: false	lvl3
local function wrapper() error("from wrapper", 2) end
print(pcall(wrapper)) -- expect: false	from wrapper
-- error rethrown keeps its position only once
print(pcall(function() local ok, m = pcall(error, "inner"); error(m, 0) end)) -- expect: false	inner
print(pcall(function() local ok, m = pcall(error, "inner"); error(m) end)) -- expect: false	errors.lua:44: inner
-- runtime error messages include variable info
print(pcall(function() local t = {} return t.a.b end)) -- expect: false	errors.lua:46: attempt to index a nil value (field 'a')
print(pcall(function() return undefinedglobal.field end)) -- expect: false	errors.lua:47: attempt to index a nil value (global 'undefinedglobal')
print(pcall(function() local s = "x" return s:nomethod() end)) -- expect: false	errors.lua:48: attempt to call a nil value (method 'nomethod')
print(pcall(function() local t = {} t.m() end)) -- expect: false	errors.lua:49: attempt to call a nil value (field 'm')
print(pcall(function() return ("x")() end)) -- expect: false	errors.lua:50: attempt to call a string value (constant 'x')
-- error message with non-string in concat at runtime
print(pcall(function() local a = {} return "x" .. a end)) -- expect: false	errors.lua:52: attempt to concatenate a table value (local 'a')
-- assert
print(pcall(assert, false)) -- expect: false	assertion failed!
print(pcall(assert, nil, "custom assert")) -- expect: false	custom assert
print(select(2, pcall(assert, false, {tag = "obj"})).tag) -- expect: obj
print(assert(1, 2, 3)) -- expect: 1	2	3
print(pcall(assert)) -- expect: false	bad argument #1 to 'assert' (value expected)
-- deep pcall nesting
local function nest(n) if n == 0 then error("bottom", 0) end return pcall(nest, n - 1) end
local r = {nest(150)}
print(#r, r[1], r[150], r[151]) -- expect: 151	true	false	bottom
-- error objects survive coroutine boundaries
local co = coroutine.create(function() error(setmetatable({}, {__index = {kind = "special"}})) end)
local cok, cerr = coroutine.resume(co)
print(cok, cerr.kind) -- expect: false	special
-- tostring of error values in uncaught errors is done by the host: checked in tests/errors
print(type(debug.traceback()), debug.traceback("msg", 1):match("^msg\nstack traceback:") ~= nil) -- expect: string	true
print(debug.traceback(12):match("^12\nstack traceback:\n") ~= nil, type(debug.traceback(nil)), type(debug.traceback({}))) -- expect: true	string	table
