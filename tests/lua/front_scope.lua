-- front end: scopes, upvalues, loops, goto, varargs, calls, tail calls, to-be-closed variables.
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local w = {}
local j = 0
while j < 3 do j = j + 1; local jj = j; w[j] = function() jj = jj + 10; return jj end end
print(w[1](), w[1](), w[2]())
local r = {}
local k = 0
repeat local kk = k; r[#r + 1] = function() return kk end; k = k + 1 until kk >= 2
print(#r, r[1](), r[3]())
local gen = {}
for _, v in ipairs({"a", "b"}) do gen[#gen + 1] = function() return v end end
print(gen[1](), gen[2]())
local function counter()
  local c = 0
  return function() c = c + 1; return c end, function() return c end
end
local inc, get = counter()
inc(); inc()
print(get())
local function outer()
  local v = 1
  return function() return function() v = v * 2; return v end end
end
local deep = outer()()
print(deep(), deep())
local acc = {}
for i = 10, 1, -4 do acc[#acc + 1] = i end
for i = 1.0, 2.0, 0.5 do acc[#acc + 1] = i end
for i = math.maxinteger - 1, math.maxinteger do acc[#acc + 1] = i end
for i = math.mininteger, math.mininteger + 2, 2 do acc[#acc + 1] = i end
print(table.concat(acc, " "))
for i = 1, 0 do print("never") end
local total = 0
for a = 1, 3 do
  for b = 1, 3 do
    if b == 2 then goto continue end
    total = total + a * b
    ::continue::
  end
end
print(total)
do
  local n = 0
  ::again::
  n = n + 1
  if n < 5 then goto again end
  print(n)
end
local function va(...)
  local a, b = ...
  return select("#", ...), a, b, ...
end
print(va())
print(va(1, nil, 3))
print((va(1, 2)))
local function pk(...) return {...}, {n = select("#", ...), ...} end
local t1, t2 = pk(nil, nil)
print(#t1, t2.n)
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(200000))
local obj = {v = 5}
function obj:get(d) return self.v + (d or 0) end
function obj.static(x) return x * 2 end
print(obj:get(), obj:get(1), obj.static(4), obj["get"](obj, 2))
local str = "abc"
print(str:upper(), ("x"):rep(3), #str:rep(2))
do
  local log = {}
  do
    local a <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "a" end})
    local b <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "b" end})
    local c <close> = nil
    log[#log + 1] = "body"
  end
  print(table.concat(log, " "))
end
local function withclose()
  local z <close> = setmetatable({}, {__close = function() io.write("closed, ") end})
  return "ret"
end
print(withclose())
for i = 1, 2 do
  local y <close> = setmetatable({}, {__close = function() io.write("cy", i, ";") end})
  if i == 1 then goto cont end
  io.write("body", i, ";")
  ::cont::
end
print()
print(pcall(function()
  local e <close> = setmetatable({}, {__close = function(_, err) io.write("err:", tostring(err):match("boom"), ",") end})
  error("boom")
end))
local ok, msg = pcall(function() local q <close> = 42 end)
print(ok, msg:match("variable 'q' got a non%-closable value") ~= nil)

-- expected output (validated with PUC Lua 5.4):
-- expect: 1	2	3
-- expect: 11	21	12
-- expect: 3	0	2
-- expect: a	b
-- expect: 2
-- expect: 2	4
-- expect: 10 6 2 1.0 1.5 2.0 9223372036854775806 9223372036854775807 -9223372036854775808 -9223372036854775806
-- expect: 24
-- expect: 5
-- expect: 0	nil	nil
-- expect: 3	1	nil	1	nil	3
-- expect: 2
-- expect: 0	2
-- expect: done
-- expect: 5	6	8	7
-- expect: ABC	xxx	6
-- expect: body b a
-- expect: closed, ret
-- expect: cy1;body2;cy2;
-- expect: err:boom,false	front_scope.lua:94: boom
-- expect: false	true
