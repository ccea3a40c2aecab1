-- auxiliary library (src/lib/auxlib.c): traceback elision, loadfile preambles and
-- messages, argument errors, luaL_tolstring, luaL_Buffer growth.

-- traceback: long stacks keep 10 levels at the top and 11 at the bottom; the elision
-- line reports one less than the levels actually left out (as Lua 5.4 does)
local function rec(n) if n == 0 then return debug.traceback("msg", 1) end return (rec(n - 1)) end
for _, n in ipairs{0, 19, 20, 21, 40} do
  local s = rec(n)
  local _, lines = s:gsub("\n", "")
  print(n, lines, s:match("%.%.%.\t%(skipping %d+ levels%)") or "-")
  -- expect: 0	4	-
  -- expect: 19	23	-
  -- expect: 20	23	...	(skipping 1 levels)
  -- expect: 21	23	...	(skipping 2 levels)
  -- expect: 40	23	...	(skipping 21 levels)
end
local tb = rec(30)
print(select(2, tb:gsub("in upvalue 'rec'", "")), select(2, tb:gsub("in local 'rec'", ""))) -- expect: 18	1
print(debug.traceback("x", 100))
-- expect: x
-- expect: stack traceback:
print((debug.traceback(12):gsub("\n.*", "")), type(debug.traceback({}))) -- expect: 12	table
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
print((debug.traceback(co, "in co"):gsub("\n.*", ""))) -- expect: in co
local function tail(n) if n == 0 then return debug.traceback() end return tail(n - 1) end
print(select(2, tail(2):gsub("%(%.%.%.tail calls%.%.%.%)", ""))) -- expect: 1

-- loadfile: BOM, '#' first line, precompiled chunks, and the error messages
local name = os.tmpname()
local function loads(bytes, mode)
  local f = assert(io.open(name, "wb")); f:write(bytes); f:close()
  local fn, err = loadfile(name, mode)
  if not fn then return "error: " .. err:gsub(name, "F", 1) end
  return fn()
end
print(loads("\239\187\191return 'bom'")) -- expect: bom
print(loads("\239\187\191#!/bin/lua\nreturn debug.getinfo(1, 'l').currentline")) -- expect: 2
print(loads("#!/bin/lua")) -- expect: 
print(loads("")) -- expect: 
print(loads("\239\187print(1)")) -- expect: error: F:1: unexpected symbol near '<\239>'
local dumped = string.dump(load("return 'binary', ..."))
print(loads(dumped)) -- expect: binary
print(loads("# comment\n" .. dumped)) -- expect: binary
print(loads(dumped, "t")) -- expect: error: attempt to load a binary chunk (mode is 't')
print(loads("return 1", "b")) -- expect: error: attempt to load a text chunk (mode is 'b')
os.remove(name)
print((select(2, loadfile(name)):gsub(name, "F", 1))) -- expect: cannot open F: No such file or directory
print((select(2, loadfile(".")))) -- expect: cannot read .: Is a directory

-- argument errors: method calls do not count self
local obj = {rep = string.rep}
print(pcall(function() return obj:rep() end)) -- expect: false	own_aux.lua:53: calling 'rep' on bad self (string expected, got table)
print(pcall(function() return ("x"):rep({}) end)) -- expect: false	own_aux.lua:54: bad argument #1 to 'rep' (number expected, got table)
print(pcall(string.rep)) -- expect: false	bad argument #1 to 'string.rep' (string expected, got no value)
print(pcall(string.rep, setmetatable({}, {__name = "MyType"}))) -- expect: false	bad argument #1 to 'string.rep' (string expected, got MyType)
print(pcall(string.rep, "x", 1.5)) -- expect: false	bad argument #2 to 'string.rep' (number has no integer representation)
print(pcall(io.stdout.write, 1)) -- expect: false	bad argument #1 to '?' (FILE* expected, got number)

-- luaL_tolstring
print(tostring(nil), tostring(false), tostring(-0.0), tostring(2^63), tostring(1e15), math.mininteger) -- expect: nil	false	-0.0	9.2233720368548e+18	1e+15	-9223372036854775808
print(tostring(setmetatable({}, {__tostring = function() return "custom" end}))) -- expect: custom
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end}))) -- expect: false	'__tostring' must return a string
print((tostring(setmetatable({}, {__name = "Named"})):gsub("0x%x+", "ADDR"))) -- expect: Named: ADDR

-- buffers that outgrow their first block, from several sources at once
local parts = {}
for i = 1, 3000 do parts[i] = ("%d:%s"):format(i, ("ab"):rep(i % 7)) end
local joined = table.concat(parts, ",")
print(#joined, joined:sub(1, 20), joined:sub(-12)) -- expect: 34888	1:ab,2:abab,3:ababab	000:abababab
print(#string.rep("xyz", 100000, "--"), #(joined:gsub("%d", "<%0>")))
-- expect: 499998	56674
