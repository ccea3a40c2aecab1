-- own_vm_edges.lua: behaviour pinned for the rewritten interpreter pieces (for-loop
-- preparation, ==, #, chunk ids, lua_getinfo options, locals, hooks, error names).

-- numeric for: integer counts near the integer limits, float limits, NaN, errors
local function run(a, b, c)
  local out = {}
  if c then for i = a, b, c do out[#out + 1] = tostring(i) end
  else for i = a, b do out[#out + 1] = tostring(i) end end
  return table.concat(out, " ")
end
print(run(1, 3.7)) -- expect: 1 2 3
print(run(3, 0.5, -1)) -- expect: 3 2 1
print(run(math.maxinteger - 2, math.huge)) -- expect: 9223372036854775805 9223372036854775806 9223372036854775807
print(run(math.mininteger + 2, -math.huge, -1)) -- expect: -9223372036854775806 -9223372036854775807 -9223372036854775808
print(run(1, -math.huge), run(1, 0/0), run(1, 0)) -- expect: 		
print(run(0.5, 2), run(1, 2, 0.5), run(2, 1, -0.25)) -- expect: 0.5 1.5	1.0 1.5 2.0	2.0 1.75 1.5 1.25 1.0
print(run(math.mininteger, math.mininteger + 20, 7)) -- expect: -9223372036854775808 -9223372036854775801 -9223372036854775794
print(run(math.maxinteger, math.maxinteger - 20, -7)) -- expect: 9223372036854775807 9223372036854775800 9223372036854775793
print(run(math.mininteger, math.maxinteger, math.maxinteger)) -- expect: -9223372036854775808 -1 9223372036854775806
print(run(math.maxinteger, math.mininteger, math.mininteger)) -- expect: 9223372036854775807 -1
print(run(1, "3"), run("1", 2), run(1.0, "2")) -- expect: 1 2 3	1.0 2.0	1.0 2.0
print(pcall(run, 1, 2, 0)) -- expect: false	own_vm_edges.lua:7: 'for' step is zero
print(pcall(run, 1, 2, 0.0)) -- expect: false	own_vm_edges.lua:7: 'for' step is zero
print(pcall(run, 1, {})) -- expect: false	own_vm_edges.lua:8: bad 'for' limit (number expected, got table)
print(pcall(run, {}, 1)) -- expect: false	own_vm_edges.lua:8: bad 'for' initial value (number expected, got table)
print(pcall(run, 1.0, 2, {})) -- expect: false	own_vm_edges.lua:7: bad 'for' step (number expected, got table)
print(pcall(run, {}, {}, 0)) -- expect: false	own_vm_edges.lua:7: bad 'for' limit (number expected, got table)

-- equality and length
local eqmt = {__eq = function() return true end}
local u = setmetatable({}, eqmt)
print(u == setmetatable({}, {}), setmetatable({}, {}) == u, rawequal(u, setmetatable({}, eqmt))) -- expect: true	true	false
print(1 == 1.0, 2^53 == 2^53 + 1, math.maxinteger + 0.0 == math.maxinteger, 0/0 == 0/0) -- expect: true	true	false	false
local s1, s2 = ("ab"):rep(30), ("ab"):rep(30)
print(s1 == s2, "x" .. 1 == "x1", #s1, #"", #{1, 2, 3}) -- expect: true	true	60	0	3
print(#setmetatable({}, {__len = function() return 42 end})) -- expect: 42
print(pcall(function() return #5 end)) -- expect: false	own_vm_edges.lua:37: attempt to get length of a number value

-- constant folding and integer arithmetic
print(7 // 2, 7 % -2, -7 // 2, 3 | 5.0, 1 << 64, 1 << 63, -1 >> 1, ~5, 2^2, 7 / 2) -- expect: 3	-1	-4	7	0	-9223372036854775808	9223372036854775807	-6	4.0	3.5
print(math.mininteger // -1, math.mininteger % -1, 3.5 // 0, -(-9223372036854775807 - 1)) -- expect: -9223372036854775808	0	inf	-9223372036854775808
print(pcall(load("return 1 // 0"))) -- expect: false	[string "return 1 // 0"]:1: attempt to divide by zero
print(pcall(load("return 1 % 0"))) -- expect: false	[string "return 1 % 0"]:1: attempt to perform 'n%0'
print(pcall(function() return 1.5 | 1 end)) -- expect: false	own_vm_edges.lua:44: number has no integer representation

-- chunk ids in messages
for _, n in ipairs{1, 44, 59, 60, 61, 100} do
  local name = string.rep("x", n)
  print(n, select(2, pcall(load("error('e')", "=" .. name)))) -- expect: 1	x:1: e
  print(n, select(2, pcall(load("error('e')", "@" .. name)))) -- expect: 1	x:1: e
  print(n, select(2, pcall(load("error('e')", name)))) -- expect: 1	[string "x"]:1: e
  print(n, select(2, pcall(load("error('e')", name .. "\nline2"))))
  -- expect: 1	[string "x..."]:1: e
  -- expect: 44	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 44	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 44	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]:1: e
  -- expect: 44	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 59	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 59	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 59	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 59	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 60	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 60	...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 60	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 60	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 61	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 61	...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 61	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 61	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 100	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 100	...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:1: e
  -- expect: 100	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
  -- expect: 100	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
end

-- lua_getinfo, locals, hooks
print((pcall(debug.getinfo, 1, "X"))) -- expect: false
local function va(...)
  local a = 1
  return debug.getlocal(1, -1), debug.getlocal(1, -3), debug.getlocal(1, 1), debug.getlocal(1, 3)
end
print(va(10, 20)) -- expect: (vararg)	nil	a	(temporary)	nil
print(debug.getlocal(print, 1), debug.getlocal(va, 1), debug.getlocal(run, 2)) -- expect: nil	nil	b
local co = coroutine.create(function(x, y) coroutine.yield() end)
coroutine.resume(co, 1, 2)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2), debug.getlocal(co, 1, 5)) -- expect: x	y	nil
local t = debug.getinfo(string.rep, "Su")
print(t.what, t.short_src, t.nups, t.nparams, t.isvararg) -- expect: C	[C]	0	0	true
t = debug.getinfo(va, "Sut")
print(t.what, t.nparams, t.isvararg, t.nups, t.istailcall) -- expect: Lua	0	true	1	false
local function fx(a, b) return a + b, a - b end
debug.sethook(function(ev)
  local i = debug.getinfo(2, "nr")
  if i.name == "va" or i.name == "fx" then print(ev, i.name, i.ftransfer, i.ntransfer) end
end, "cr")
va(1, 2, 3)
-- expect: call	va	0	0
-- expect: return	va	2	5
fx(5, 3)
-- expect: call	fx	1	2
-- expect: return	fx	3	2
debug.sethook()
debug.sethook(function() end, "l", 5)
print(select(2, debug.gethook()), select(3, debug.gethook())) -- expect: l	5
debug.sethook()
print(debug.gethook()) -- expect: nil

-- names in error messages
local named = setmetatable({}, {__name = "MyType"})
print(pcall(function() local x; x.y = 1 end)) -- expect: false	own_vm_edges.lua:110: attempt to index a nil value (local 'x')
print(pcall(function() return named + 1 end)) -- expect: false	own_vm_edges.lua:111: attempt to perform arithmetic on a MyType value (upvalue 'named')
print(pcall(function() return named < named end)) -- expect: false	own_vm_edges.lua:112: attempt to compare two MyType values
print(pcall(function() return 1 < {} end)) -- expect: false	own_vm_edges.lua:113: attempt to compare number with table
print(pcall(function() return {} < {} end)) -- expect: false	own_vm_edges.lua:114: attempt to compare two table values
print(pcall(function() local a = {}; a.b.c = 1 end)) -- expect: false	own_vm_edges.lua:115: attempt to index a nil value (field 'b')
print(pcall(function() undefinedglobal() end)) -- expect: false	own_vm_edges.lua:116: attempt to call a nil value (global 'undefinedglobal')
print(pcall(function() for k in 1 do end end)) -- expect: false	own_vm_edges.lua:117: attempt to call a number value (for iterator 'for iterator')
print(pcall(function() return ("x"):nomethod() end)) -- expect: false	own_vm_edges.lua:118: attempt to call a nil value (method 'nomethod')
print(pcall(function() return #io.stdout end)) -- expect: false	own_vm_edges.lua:119: attempt to get length of a FILE* value (field 'stdout')
print(select(2, xpcall(error, function(m) return "H:" .. tostring(m) end, "boom"))) -- expect: H:boom
