-- vm_errors.lua: runtime error messages (variable names from the bytecode, positions)
local function e(f, ...) local ok, m = pcall(f, ...) return m end
print(e(function() local t; t.x = 1 end)) -- expect: vm_errors.lua:3: attempt to index a nil value (local 't')
print(e(function() local t = {}; t.a.b.c = 1 end)) -- expect: vm_errors.lua:4: attempt to index a nil value (field 'a')
print(e(function() return nofunc() end)) -- expect: vm_errors.lua:5: attempt to call a nil value (global 'nofunc')
print(e(function() local s = "x"; return s.y.z end)) -- expect: vm_errors.lua:6: attempt to index a nil value (field 'y')
print(e(function() return math.nofn() end)) -- expect: vm_errors.lua:7: attempt to call a nil value (field 'nofn')
print(e(function() local t = {}; return t:nometh() end)) -- expect: vm_errors.lua:8: attempt to call a nil value (method 'nometh')
print(e(function() return #nil end)) -- expect: vm_errors.lua:9: attempt to get length of a nil value
print(e(function() local a = {}; return a < 1 end)) -- expect: vm_errors.lua:10: attempt to compare table with number
print(e(function() return 1 < "x" end)) -- expect: vm_errors.lua:11: attempt to compare number with string
print(e(function() return "a" < 1 end)) -- expect: vm_errors.lua:12: attempt to compare string with number
print(e(function() local t = {}; return t .. "x" end)) -- expect: vm_errors.lua:13: attempt to concatenate a table value (local 't')
print(e(function() local t = {}; return "x" .. t end)) -- expect: vm_errors.lua:14: attempt to concatenate a table value (local 't')
print(e(function() local t = {}; return "x" .. 1 .. t .. "y" end)) -- expect: vm_errors.lua:15: attempt to concatenate a table value (local 't')
print(e(function() local x = 1.5; return x | 1 end)) -- expect: vm_errors.lua:16: number (local 'x') has no integer representation
print(e(function() local x = "1.5"; return x | 1 end)) -- expect: vm_errors.lua:17: attempt to perform bitwise operation on a string value (local 'x')
print(e(function() return 2^63 | 0 end)) -- expect: vm_errors.lua:18: number has no integer representation
print(e(function() local u = undefinedglobal; return u.x end)) -- expect: vm_errors.lua:19: attempt to index a nil value (local 'u')
local up2
print(e(function() return up2.x end)) -- expect: vm_errors.lua:21: attempt to index a nil value (upvalue 'up2')
print(e(function() return up2() end)) -- expect: vm_errors.lua:22: attempt to call a nil value (upvalue 'up2')
print(e(function() up2.field = 1 end)) -- expect: vm_errors.lua:23: attempt to index a nil value (upvalue 'up2')
print(e(function() return up2 + 1 end)) -- expect: vm_errors.lua:24: attempt to perform arithmetic on a nil value (upvalue 'up2')
print(e(function() local a; a() end)) -- expect: vm_errors.lua:25: attempt to call a nil value (local 'a')
print(e(function() local t = {}; t.x.y() end)) -- expect: vm_errors.lua:26: attempt to index a nil value (field 'x')
print(e(function() local t = {}; t[1]() end)) -- expect: vm_errors.lua:27: attempt to call a nil value (field 'integer index')
print(e(function() local t = {{}}; t[1].f() end)) -- expect: vm_errors.lua:28: attempt to call a nil value (field 'f')
print(e(function() (nil)() end)) -- expect: vm_errors.lua:29: attempt to call a nil value
print(e(function() ("str")() end)) -- expect: vm_errors.lua:30: attempt to call a string value (constant 'str')
print(e(function() return -nil end)) -- expect: vm_errors.lua:31: attempt to perform arithmetic on a nil value
print(e(function() return -{} end)) -- expect: vm_errors.lua:32: attempt to perform arithmetic on a table value
print(e(function() return ~1.5 end)) -- expect: vm_errors.lua:33: number has no integer representation
print(e(function() local t = {}; return ~t end)) -- expect: vm_errors.lua:34: attempt to perform bitwise operation on a table value (local 't')
print(e(function() local z = 0; return 1 // z end)) -- expect: vm_errors.lua:35: attempt to divide by zero
print(e(function() local z = 0; return 1 % z end)) -- expect: vm_errors.lua:36: attempt to perform 'n%0'
print(e(function() local t = setmetatable({}, {__name = "MyType"}); return t + 1 end)) -- expect: vm_errors.lua:37: attempt to perform arithmetic on a MyType value (local 't')
print(e(function() local t = setmetatable({}, {__name = "MyType"}); return t < t end)) -- expect: vm_errors.lua:38: attempt to compare two MyType values
print(e(function() local t = setmetatable({}, {__name = "MyType"}); return t .. "" end)) -- expect: vm_errors.lua:39: attempt to concatenate a MyType value (local 't')
print(e(function() return {} < 2 end)) -- expect: vm_errors.lua:40: attempt to compare table with number
print(e(function() return 2 > {} end)) -- expect: vm_errors.lua:41: attempt to compare table with number
print(e(function() local a = nil; return a >= 3 end)) -- expect: vm_errors.lua:42: attempt to compare number with nil
print(e(function() local a = nil; return 3.5 < a end)) -- expect: vm_errors.lua:43: attempt to compare number with nil
print(e(function() return {} // 1 end)) -- expect: vm_errors.lua:44: attempt to perform arithmetic on a table value
print(e(function() return {} == {} end)) -- expect: false
print(e(function() local x <close> = 42 end)) -- expect: vm_errors.lua:46: variable 'x' got a non-closable value
print(e(function() for x in nil do end end)) -- expect: vm_errors.lua:47: attempt to call a nil value (for iterator 'for iterator')
print(e(function() local a = {}; a[nil] = 1 end) ~= nil) -- expect: true
print(e(function() error("msg") end)) -- expect: vm_errors.lua:49: msg
print(e(function() error("msg", 0) end)) -- expect: msg
print(e(function() error("msg", 2) end)) -- expect: msg
print(e(function() error() end)) -- expect: nil
print(e(function() error({code = 7}) end).code) -- expect: 7
print(e(function() local t = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end}); return t.a end)) -- expect: vm_errors.lua:54: C stack overflow
print(e(function() local t = setmetatable({}, {}); getmetatable(t).__index = t; return t.x end)) -- expect: vm_errors.lua:55: '__index' chain too long; possible loop
print(e(function() local t = setmetatable({}, {}); getmetatable(t).__newindex = t; t.x = 1 end)) -- expect: vm_errors.lua:56: '__newindex' chain too long; possible loop
print(e(function() local t = setmetatable({}, {__index = 5}); return t.x end)) -- expect: vm_errors.lua:57: attempt to index a number value
print(e(function() local t = setmetatable({}, {__newindex = true}); t.x = 1 end)) -- expect: vm_errors.lua:58: attempt to index a boolean value
print(e(function() local mt = {}; mt.__index = mt; local t = setmetatable({}, mt); return t.a.b end)) -- expect: vm_errors.lua:59: attempt to index a nil value (field 'a')
print(e(function() local s = "abc"; return s.x.y end)) -- expect: vm_errors.lua:60: attempt to index a nil value (field 'x')
print(e(function() local n = 5; return n.x end)) -- expect: vm_errors.lua:61: attempt to index a number value (local 'n')
print(e(function() return _ENV.nothing.x end)) -- expect: vm_errors.lua:62: attempt to index a nil value (global 'nothing')
print(e(function(...) local a = ...; return a.x end)) -- expect: vm_errors.lua:63: attempt to index a nil value (local 'a')
print(e(function(p) return p.x end)) -- expect: vm_errors.lua:64: attempt to index a nil value (local 'p')
print(e(function() local t = {n = nil}; return t.n + 1 end)) -- expect: vm_errors.lua:65: attempt to perform arithmetic on a nil value (field 'n')
print(e(function() local t = {}; return t[1] + 1 end)) -- expect: vm_errors.lua:66: attempt to perform arithmetic on a nil value (field 'integer index')
print(e(function() return ("x"):bad() end)) -- expect: vm_errors.lua:67: attempt to call a nil value (method 'bad')
print(e(function() return string.nothing("x") end)) -- expect: vm_errors.lua:68: attempt to call a nil value (field 'nothing')
-- message handlers
print(xpcall(function() error("E1") end, function(m) return "handled: " .. m end)) -- expect: false	handled: vm_errors.lua:70: E1
print(xpcall(function() error("E1") end, function(m) error("again") end)) -- expect: false	error in error handling
print(xpcall(function() local function f() return f() + 1 end return f() end, function(m) return "H" end)) -- expect: false	H
print(xpcall(function() return 1, 2, 3 end, print)) -- expect: true	1	2	3
print(select('#', pcall(error))) -- expect: 2
-- error values of any type travel through pcall
print(pcall(error, nil)) -- expect: false	nil
print(pcall(error, 42)) -- expect: false	42
print(pcall(error, true)) -- expect: false	true
local ok, t = pcall(error, setmetatable({}, {__tostring = function() return "TS" end}))
print(ok, tostring(t)) -- expect: false	TS
