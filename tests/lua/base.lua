-- base library: tonumber, select, error/assert, metatables, raw access, iteration, load, pcall, collectgarbage.

-- tonumber without base
local cases = {"10", " 10 ", "0x1p4", "1e", "", " ", "0x", "1 2", "inf", "nan", "1e500", ".5", "5.", "0x.8", "  -0x10  ", "1\0", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "0x7fffffffffffffffff", "\t0x10\t"}
for _, s in ipairs(cases) do print(string.format("%q", s), tonumber(s), math.type(tonumber(s))) end
-- expect: "10"	10	integer
-- expect: " 10 "	10	integer
-- expect: "0x1p4"	16.0	float
-- expect: "1e"	nil	nil
-- expect: ""	nil	nil
-- expect: " "	nil	nil
-- expect: "0x"	nil	nil
-- expect: "1 2"	nil	nil
-- expect: "inf"	nil	nil
-- expect: "nan"	nil	nil
-- expect: "1e500"	inf	float
-- expect: ".5"	0.5	float
-- expect: "5."	5.0	float
-- expect: "0x.8"	0.5	float
-- expect: "  -0x10  "	-16	integer
-- expect: "1\0"	nil	nil
-- expect: "9223372036854775807"	9223372036854775807	integer
-- expect: "9223372036854775808"	9.2233720368548e+18	float
-- expect: "-9223372036854775808"	-9223372036854775808	integer
-- expect: "0x7fffffffffffffffff"	-1	integer
-- expect: "\0090x10\9"	16	integer
print(tonumber(nil), tonumber({}), tonumber(true), tonumber(1.5), tonumber(3), tonumber(-0.0)) -- expect: nil	nil	nil	1.5	3	-0.0
print(pcall(tonumber)) -- expect: false	bad argument #1 to 'tonumber' (value expected)

-- tonumber with base
for _, c in ipairs{{"ff",16},{"FF",16},{"zz",36},{"ZZ",36},{"10",2},{"12",2},{" 11 ",3},{"-11",3},{"",10},{"  ",10},{"1 1",10},{"7fffffffffffffff",16},{"ffffffffffffffff",16},{"10000000000000000",16},{"1.0",10},{"1\0",10},{"0x10",16},{"8",8},{"777",8}} do
  print(string.format("%q", c[1]), c[2], tonumber(c[1], c[2]))
  -- expect: "ff"	16	255
  -- expect: "FF"	16	255
  -- expect: "zz"	36	1295
  -- expect: "ZZ"	36	1295
  -- expect: "10"	2	2
  -- expect: "12"	2	nil
  -- expect: " 11 "	3	4
  -- expect: "-11"	3	-4
  -- expect: ""	10	nil
  -- expect: "  "	10	nil
  -- expect: "1 1"	10	nil
  -- expect: "7fffffffffffffff"	16	9223372036854775807
  -- expect: "ffffffffffffffff"	16	-1
  -- expect: "10000000000000000"	16	0
  -- expect: "1.0"	10	nil
  -- expect: "1\0"	10	nil
  -- expect: "0x10"	16	nil
  -- expect: "8"	8	nil
  -- expect: "777"	8	511
end
print(pcall(tonumber, "10", 1)) -- expect: false	bad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber, "10", 37)) -- expect: false	bad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber, "10", 2.5)) -- expect: false	bad argument #2 to 'tonumber' (number has no integer representation)
print(pcall(tonumber, 10, 16)) -- expect: false	bad argument #1 to 'tonumber' (string expected, got number)
print(tonumber("10", "16"), tonumber("10", 16.0)) -- expect: 16	16

-- select
print(select('#'), select('#', nil, nil), select(2, 'a', 'b', 'c')) -- expect: 0	2	b	c
print(select(-1, 'a', 'b'), select(-2, 'a', 'b')) -- expect: b	a	b
print(select(5, 'a')) -- expect: 
print(select('#x', 1, 2)) -- expect: 2
print(pcall(select, 0, 1)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, -3, 1, 2)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, 'x')) -- expect: false	bad argument #1 to 'select' (number expected, got string)
print(pcall(select, math.mininteger, 1)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(select(math.maxinteger, 1, 2)) -- expect: 

-- error and assert
print(pcall(error, "m", 0)) -- expect: false	m
print(pcall(error, "m")) -- expect: false	m
print(pcall(error, "m", 1)) -- expect: false	m
local function lvl2() error("deep", 2) end
print(pcall(function() lvl2() end)) -- expect: false	base.lua:75: deep
print(pcall(error, {1} ~= nil)) -- expect: false	true
print(pcall(error, nil)) -- expect: false	nil
print(pcall(error, 42)) -- expect: false	42
print(pcall(error)) -- expect: false	nil
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E!" end}))
print(ok, tostring(e)) -- expect: false	E!
print(pcall(error, "m", "x")) -- expect: false	bad argument #2 to 'error' (number expected, got string)
print(pcall(assert, 1, 2, 3)) -- expect: true	1	2	3
print(pcall(assert, false)) -- expect: false	assertion failed!
print(pcall(assert, nil, "custom")) -- expect: false	custom
print(pcall(assert, false, 42)) -- expect: false	42
print(pcall(assert, false, nil)) -- expect: false	nil
print(select('#', pcall(assert, false, nil))) -- expect: 2
print(pcall(assert)) -- expect: false	bad argument #1 to 'assert' (value expected)
local ok2, e2 = pcall(assert, false, {code = 7})
print(ok2, e2.code) -- expect: false	7

-- getmetatable / setmetatable
local mt = {__metatable = "locked"}
local t = setmetatable({}, mt)
print(getmetatable(t), pcall(setmetatable, t, nil)) -- expect: locked	false	cannot change a protected metatable
print(pcall(setmetatable, t, {})) -- expect: false	cannot change a protected metatable
print(pcall(setmetatable, 1, {})) -- expect: false	bad argument #1 to 'setmetatable' (table expected, got number)
print(pcall(setmetatable, {}, 1)) -- expect: false	bad argument #2 to 'setmetatable' (nil or table expected, got number)
print(pcall(setmetatable, {})) -- expect: false	bad argument #2 to 'setmetatable' (nil or table expected, got no value)
print(getmetatable(setmetatable({}, nil)), getmetatable(1), getmetatable("").__index == string) -- expect: nil	nil	true
local m2 = {}
print(getmetatable(setmetatable({}, m2)) == m2, setmetatable(t == t and {} or nil, nil) ~= nil) -- expect: true	true
print(pcall(getmetatable)) -- expect: false	bad argument #1 to 'getmetatable' (value expected)

-- raw functions
print(rawequal(t, t), rawequal(t, {}), rawequal("a", "a"), rawequal(1, 1.0), rawequal(0, "0")) -- expect: true	false	true	true	false
print(pcall(rawequal, 1)) -- expect: false	bad argument #2 to 'rawequal' (value expected)
print(rawlen({1, 2, 3}), rawlen("abcd"), rawlen(setmetatable({1}, {__len = function() return 9 end}))) -- expect: 3	4	1
print(pcall(rawlen, 1)) -- expect: false	bad argument #1 to 'rawlen' (table or string expected, got number)
print(pcall(rawlen)) -- expect: false	bad argument #1 to 'rawlen' (table or string expected, got no value)
local ix = setmetatable({}, {__index = function() return 1 end, __newindex = function() error("no") end})
print(ix.x, rawget(ix, "x")) -- expect: 1	nil
print(pcall(rawget, 1, 2)) -- expect: false	bad argument #1 to 'rawget' (table expected, got number)
print(pcall(rawget, {})) -- expect: false	bad argument #2 to 'rawget' (value expected)
print(rawset(ix, "a", 1) == ix, rawget(ix, "a")) -- expect: true	1
print((pcall(rawset, {}, nil, 1))) -- expect: false
print((pcall(rawset, {}, 0/0, 1))) -- expect: false
print(pcall(rawset, {}, "k")) -- expect: false	bad argument #3 to 'rawset' (value expected)

-- pairs, ipairs, next
local p = setmetatable({}, {__pairs = function(tt) return function(_, k) if not k then return 1, "one" end end, tt, nil end})
for k, v in pairs(p) do print("pairs", k, v) end -- expect: pairs	1	one
local ip = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(ip) do print("ipairs", i, v) end
-- expect: ipairs	1	10
-- expect: ipairs	2	20
-- expect: ipairs	3	30
for i, v in ipairs({1, 2, nil, 4}) do print("ip", i, v) end
-- expect: ip	1	1
-- expect: ip	2	2
print(next({}), next({10})) -- expect: nil	1	10
print(pcall(next, {}, "nokey")) -- expect: false	invalid key to 'next'
print(pcall(next)) -- expect: false	bad argument #1 to 'next' (table expected, got no value)
print(pcall(pairs)) -- expect: false	bad argument #1 to 'pairs' (value expected)
print(pcall(ipairs)) -- expect: false	bad argument #1 to 'ipairs' (value expected)
print(select('#', ipairs({})), select(3, ipairs({}))) -- expect: 3	0
local cnt = 0
for k, v in pairs({a = 1, b = 2, 3, 4}) do cnt = cnt + 1 end
print(cnt) -- expect: 4
print(pcall(function() for k in pairs(nil) do end end)) -- expect: false	base.lua:141: bad argument #1 to 'for iterator' (table expected, got nil)

-- type, tostring
print(type(nil), type(1), type("s"), type({}), type(print), type(true), type(coroutine.create(print)), type(io.stdout)) -- expect: nil	number	string	table	function	boolean	thread	userdata
print(pcall(type)) -- expect: false	bad argument #1 to 'type' (value expected)
print(tostring(setmetatable({}, {__tostring = function() return "TS" end}))) -- expect: TS
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end}))) -- expect: true	1
print(tostring(setmetatable({}, {__name = "MyType"})):match("^MyType: ") ~= nil) -- expect: true
print(tostring(1e100), tostring(-0.0), tostring(1/0), tostring(-1/0), tostring(math.mininteger), tostring(2^63), tostring(10 // 3), tostring(7 / 2)) -- expect: 1e+100	-0.0	inf	-inf	-9223372036854775808	9.2233720368548e+18	3	3.5
print(tostring(nil), tostring(true), tostring("x")) -- expect: nil	true	x
print(pcall(tostring)) -- expect: false	bad argument #1 to 'tostring' (value expected)
print(setmetatable({}, {__tostring = function() return "printed via __tostring" end})) -- expect: printed via __tostring
print(1, nil, false, "s", 2.5) -- expect: 1	nil	false	s	2.5
print() -- expect: 

-- load
print(load("return 1 + 1")()) -- expect: 2
print(load("syntax error here")) -- expect: nil	[string "syntax error here"]:1: syntax error near 'error'
print(load("return ...", "chunk")(7, 8)) -- expect: 7	8
local parts = {"return ", "1", " + ", "41"}
local i = 0
print(load(function() i = i + 1; return parts[i] end)()) -- expect: 42
local j = 0
print(load(function() j = j + 1; if j == 1 then return "return 'x'" end return "" end)()) -- expect: x
local env = {y = 5}
print(load("return y", "c", "t", env)()) -- expect: 5
print(load("y = 9", "=c", "t", env)(), env.y) -- expect: nil	9
print(load("return _ENV", "c", "t", nil)()) -- expect: nil
print(load("return 1", "=c", "b")) -- expect: nil	attempt to load a text chunk (mode is 'b')
print(load(string.dump(function() return 2 end), "d", "t")) -- expect: nil	attempt to load a binary chunk (mode is 't')
print(load(string.dump(function() return 2 end), "d", "b")()) -- expect: 2
print(pcall(load, "x", "c", "q")) -- expect: true	nil	attempt to load a text chunk (mode is 'q')
print(load(function() return nil end) ~= nil) -- expect: true
print(pcall(load)) -- expect: false	bad argument #1 to 'load' (function expected, got no value)
print(pcall(load, {})) -- expect: false	bad argument #1 to 'load' (function expected, got table)
print(pcall(load("error('inchunk')", "=name"))) -- expect: false	name:1: inchunk
print(pcall(load("error('inchunk')", "@file.lua"))) -- expect: false	file.lua:1: inchunk
print(pcall(load("error('inchunk')"))) -- expect: false	[string "error('inchunk')"]:1: inchunk
print(pcall(load("local a = ... error(a)", "=(args)"), "boom")) -- expect: false	(args):1: boom
print(pcall(load(function() return nil end))) -- expect: true
local upv = load("local a = 1; return function() return a, x end")()
print(upv()) -- expect: 1	nil

-- loadfile and dofile
local fname = os.tmpname()
local f = assert(io.open(fname, "w"))
f:write("local a, b = ... return (a or 1) + (b or 2), x")
f:close()
print(loadfile(fname)(10, 20)) -- expect: 30	nil
print(loadfile(fname, "t", {x = "envx"})()) -- expect: 3	envx
print(loadfile(fname, "b")) -- expect: nil	attempt to load a text chunk (mode is 'b')
print(dofile(fname)) -- expect: 3	nil
f = assert(io.open(fname, "w"))
f:write("error('from dofile')")
f:close()
print(select(2, pcall(dofile, fname)) == fname .. ":1: from dofile") -- expect: true
f = assert(io.open(fname, "w"))
f:write("x = = 1")
f:close()
print(select(2, loadfile(fname)) == fname .. ":1: unexpected symbol near '='") -- expect: true
print(select(2, pcall(dofile, fname)) == fname .. ":1: unexpected symbol near '='") -- expect: true
os.remove(fname)
print(loadfile(fname) == nil) -- expect: true

-- pcall and xpcall
print(pcall(pcall)) -- expect: false	bad argument #1 to 'pcall' (value expected)
print(pcall(pcall, error)) -- expect: true	false	nil
print(pcall(pcall, error, "e")) -- expect: true	false	e
print(xpcall(function(...) return ... end, print, 1, 2, 3)) -- expect: true	1	2	3
print(xpcall(error, function(m) return "H:" .. tostring(m) end, "msg")) -- expect: false	H:msg
print(xpcall(function() error({}) end, function(m) return type(m) end)) -- expect: false	table
print(xpcall(function() local x = nil; return x.f end, function(m) return "handled: " .. m end)) -- expect: false	handled: base.lua:212: attempt to index a nil value (local 'x')
print(pcall(xpcall, print)) -- expect: false	bad argument #2 to 'xpcall' (function expected, got no value)
print(pcall(xpcall)) -- expect: false	bad argument #2 to 'xpcall' (function expected, got no value)
print(select('#', pcall(function() end))) -- expect: 1
print(pcall(setmetatable({}, {__call = function(_, a) return "called", a end}), "arg")) -- expect: true	called	arg

-- collectgarbage
print(collectgarbage(), collectgarbage("collect"), type(collectgarbage("count")), math.type(collectgarbage("count"))) -- expect: 0	0	number	float
print(collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"), collectgarbage("isrunning")) -- expect: 0	false	0	true
print(type(collectgarbage("step", 0)), type(collectgarbage("step"))) -- expect: boolean	boolean
print(collectgarbage("setpause", 160), collectgarbage("setpause", 200), collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 100)) -- expect: 200	160	100	300
print(collectgarbage("generational"), collectgarbage("generational", 20, 100), collectgarbage("incremental", 200, 100, 13), collectgarbage("incremental")) -- expect: generational	generational	generational	incremental
print(pcall(collectgarbage, "bogus")) -- expect: false	bad argument #1 to 'collectgarbage' (invalid option 'bogus')
print(pcall(collectgarbage, 1)) -- expect: false	bad argument #1 to 'collectgarbage' (invalid option '1')
print(pcall(collectgarbage, "step", "x")) -- expect: false	bad argument #2 to 'collectgarbage' (number expected, got string)

-- warn: argument checks (messages go to stderr and are off by default)
print(pcall(warn)) -- expect: false	bad argument #1 to 'warn' (string expected, got no value)
print(pcall(warn, "a", 1)) -- expect: true
print(pcall(warn, "@off")) -- expect: true

-- globals
print(_VERSION, _G._G == _G, _G.print == print) -- expect: Lua 5.4	true	true
