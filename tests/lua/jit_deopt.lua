-- jit_deopt.lua: values that change type mid-loop, a hook set while a loop runs, errors and
-- collections inside loops.  Plain Lua (lua5.4 prints the same); tests/jit/jit.sh runs it
-- under --compile=all too, where these are native frames leaving to the interpreter.

-- a function whose globals come from env (GETTABUP on the upvalue _ENV)
local function with(env, src)
  return load(src, "=with", "t", env)()
end

-- 1. the accumulator becomes a string in the middle of the loop: the add's guard fails
local function retype(n)
  local s = 0
  for i = 1, n do
    s = s + 1
    if i == 700 then s = "5" end
  end
  return s
end
print(retype(1000), math.type(retype(1000)), retype(500))  -- expect: 305	integer	500

-- 2. an integer accumulator that becomes a float, and one that wraps around
local function tofloat(n, x)
  local s = 0
  for i = 1, n do
    if i == x then s = s + 0.5 end
    s = s + i
  end
  return s
end
print(tofloat(10, 5), tofloat(10, 0), tofloat(3, 3))  -- expect: 55.5	55	6.5
local function wrap(n)
  local s = math.maxinteger - 2
  for i = 1, n do s = s + 1 end
  return s
end
print(wrap(2), wrap(3), wrap(5))  -- expect: 9223372036854775807	-9223372036854775808	-9223372036854775806

-- 3. a global that changes type between iterations (__index through the helper)
local seq = 0
local f3 = with(setmetatable({}, { __index = function(_, k)
  seq = seq + 1
  if seq > 3 then return "2" end
  return 1
end }), "return function(n) local s = 0 for i = 1, n do s = s + step end return s end")
print(f3(6))  -- expect: 9

-- 4. a hook set while the loop runs: the rest of the call runs with line events
local lines = {}
local f4 = with(setmetatable({}, { __index = function(_, k)
  if k == "trigger" and not next(lines) then
    debug.sethook(function(_, line) lines[#lines + 1] = line end, "l")
  end
  return 0
end }), [[return function(n)
  local s = 0
  for i = 1, n do
    s = s + trigger
    s = s + i
  end
  return s
end]])
local r4 = f4(3)
debug.sethook()
print(r4, table.concat(lines, " "))  -- expect: 6	53 5 3 4 50 53 5 3 4 50 53 5 3 7 63

-- 5. errors raised while a loop runs report the loop's line
local f5 = with(setmetatable({}, { __index = function(_, k)
  error("no global '" .. k .. "'", 2)
end }), [[return function(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s + undefinedvar
end]])
print(pcall(f5, 10))  -- expect: false	with:6: no global 'undefinedvar'
local f5b = with(setmetatable({}, { __index = function(_, k)
  local info = debug.getinfo(2, "l")
  return info.currentline
end }), [[return function(n)
  local s = 0
  for i = 1, n do
    s = s +
      where
  end
  return s
end]])
print(f5b(2))  -- expect: 10
local function arithnil(a)
  local s = 0
  for i = 1, 3 do
    s = s + a
  end
  return s
end
print(pcall(arithnil, 1))  -- expect: true	3
print(pcall(arithnil, nil))  -- expect: false	jit_deopt.lua:92: attempt to perform arithmetic on a nil value (local 'a')
local function idiv(a, b) local q = a // b return q end
print(pcall(idiv, 7, 2))  -- expect: true	3
print(pcall(idiv, 7, 0))  -- expect: false	jit_deopt.lua:98: attempt to divide by zero

-- 6. full collections inside a loop while a table lives only in the frame's registers
local f6 = with(setmetatable({}, { __index = function()
  local junk = {}
  for i = 1, 200 do junk[i] = { i } end
  collectgarbage()
  return 1
end }), "return function(t, n) local s = 0 for i = 1, n do s = s + tick end return t, s end")
local t6, s6 = f6({ "kept", {} }, 5)
collectgarbage()
print(t6[1], type(t6[2]), s6)  -- expect: kept	table	5
