-- load: text chunks from strings and reader functions, chunk names, modes, env; string.dump round trips.
local f = load("return 1 + 1")
print(f()) -- expect: 2
print(load("syntax error here")) -- expect: nil	[string "syntax error here"]:1: syntax error near 'error'
print(load("return ...", "=varargs")(1, 2, 3)) -- expect: 1	2	3
-- reader function: pieces are concatenated; nil or empty string ends
local pieces = {"return ", "'from", " reader'", nil}
local i = 0
print(load(function() i = i + 1; return pieces[i] end)()) -- expect: from reader
i = 0
local chars = "local a = 10 return a * 2"
print(load(function() i = i + 1; return chars:sub(i, i) end)()) -- expect: 20
print(type(load(function() return nil end)), load(function() return nil end)()) -- expect: function
print(pcall(load, function() return {} end)) -- expect: true	nil	reader function must return a string
-- chunk names appear in error messages
print(pcall(load("error('x')", "=custom name"))) -- expect: false	custom name:1: x
print(pcall(load("error('x')", "@file.lua"))) -- expect: false	file.lua:1: x
print(pcall(load("\n\nerror('x')", "literal source"))) -- expect: false	[string "literal source"]:3: x
print(pcall(load("error('x')"))) -- expect: false	[string "error('x')"]:1: x
print(pcall(load("error('x')", "a very long chunk name that goes on and on and on and on and on and on"))) -- expect: false	[string "a very long chunk name that goes on and on an..."]:1: x
-- env parameter: the chunk's first upvalue _ENV
local env = {y = 5}
local g = load("x = 1; return y", "chunk", "t", env)
print(g(), env.x, rawget(_G, "x")) -- expect: 5	1	nil
local h = load("return print", "c", "t", {})
print(h()) -- expect: nil
print(load("return _ENV", "c", "t", nil)() == nil) -- expect: true
-- mode checks
print(load("return 1", "m", "b")) -- expect: nil	attempt to load a text chunk (mode is 'b')
local dumped = string.dump(function() return "dumped" end)
print(load(dumped, "d", "t")) -- expect: nil	attempt to load a binary chunk (mode is 't')
print(load(dumped, "d", "b")()) -- expect: dumped
print(load(dumped, "d", "bt")(), dumped:byte(1) == 27, dumped:sub(2, 4)) -- expect: dumped	true	Lua
-- string.dump round trip: upvalues become fresh (nil) and can be set with debug.setupvalue
local function adder(a, b) return a + b end
local d = string.dump(adder)
local loaded = load(d)
print(loaded(2, 3), loaded ~= adder) -- expect: 5	true
local up = 10
local function useup(x) return x + up end
local re = load(string.dump(useup))
print(pcall(re, 1)) -- expect: false	load.lua:40: attempt to perform arithmetic on a table value (upvalue 'up')
debug.setupvalue(re, 1, 5)
print(re(1)) -- expect: 6
-- a dumped main chunk gets _ENV as its first upvalue
local mainf = load("local a = ... return (a or 0) + 1, type(print)")
local r1, r2 = load(string.dump(mainf))(41)
print(r1, r2) -- expect: 42	function
-- strip removes debug info: no line numbers in errors, no local names
local function failing() local localname = nil; return localname.x end
local full = load(string.dump(failing))
local stripped = load(string.dump(failing, true))
print(pcall(full)) -- expect: false	load.lua:50: attempt to index a nil value (local 'localname')
print(pcall(stripped)) -- expect: false	?:-1: attempt to index a nil value
print(#string.dump(failing, true) < #string.dump(failing)) -- expect: true
print(debug.getinfo(full, "S").source == debug.getinfo(failing, "S").source, debug.getlocal(full, 1), debug.getlocal(stripped, 1)) -- expect: true	nil	nil
-- dumping functions with nested protos, constants of every kind
local function rich()
  local t = {1, 2.5, "str", true, false, nil, math.maxinteger, math.mininteger, -0.0, 1e300, ("long"):rep(20)}
  local function nested(k) return t[k] end
  return nested(3), nested(7), nested(11):sub(1, 8), #t, nested(9)
end
print(load(string.dump(rich))()) -- expect: str	9223372036854775807	longlong	11	-0.0
print(load(string.dump(rich, true))()) -- expect: str	9223372036854775807	longlong	11	-0.0
-- dump of a C function fails
print(pcall(string.dump, print)) -- expect: false	unable to dump given function
-- binary chunks are rejected when truncated or corrupted
print(load(dumped:sub(1, 10)) == nil) -- expect: true
print(load(dumped:sub(1, #dumped // 2)) == nil) -- expect: true
local tampered = dumped:sub(1, 4) .. string.char(0x99) .. dumped:sub(6)
print(load(tampered) == nil) -- expect: true
-- load with a leading # line is not skipped by load (only by loadfile)
print(load("#!shebang\nreturn 1")) -- expect: nil	[string "#!shebang..."]:1: unexpected symbol near '#'
-- dofile / loadfile on a temp file
local name = os.tmpname()
local fh = assert(io.open(name, "w"))
fh:write("#!/usr/bin/env lua\nreturn 'from file', ...\n")
fh:close()
print(loadfile(name)("arg")) -- expect: from file	arg
print(dofile(name)) -- expect: from file
local lf = loadfile(name, "t", {})
print(lf()) -- expect: from file
os.remove(name)
print(loadfile("/nonexistent/file.lua")) -- expect: nil	cannot open /nonexistent/file.lua: No such file or directory
