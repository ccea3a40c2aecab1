-- arith.lua: arithmetic/bitwise fast paths and metamethod fallbacks (flipped operands, x - I, x << I), closures, varargs, loops, goto, constants.
local mt = {}
mt.__add = function(a, b) return "add(" .. tostring(type(a)=="table" and "T" or a) .. "," .. tostring(type(b)=="table" and "T" or b) .. ")" end
mt.__sub = function(a, b) return "sub(" .. tostring(type(a)=="table" and "T" or a) .. "," .. tostring(type(b)=="table" and "T" or b) .. ")" end
mt.__shl = function(a, b) return "shl(" .. tostring(type(a)=="table" and "T" or a) .. "," .. tostring(type(b)=="table" and "T" or b) .. ")" end
mt.__shr = function(a, b) return "shr(" .. tostring(type(a)=="table" and "T" or a) .. "," .. tostring(type(b)=="table" and "T" or b) .. ")" end
mt.__mul = function(a, b) return "mul(" .. tostring(type(a)=="table" and "T" or a) .. "," .. tostring(type(b)=="table" and "T" or b) .. ")" end
mt.__band = function(a, b) return "band(" .. tostring(type(a)=="table" and "T" or a) .. "," .. tostring(type(b)=="table" and "T" or b) .. ")" end
local x = setmetatable({}, mt)
print(x + 1, 1 + x, x - 1, x - 200, x + 1.5, 1.5 + x, x * 2, 2 * x)
print(x << 1, 1 << x, x >> 3, 3 >> x, x & 7, 7 & x, x - 1.5, x << 200)
local y = 10
print(y + 1, y - 1, y << 2, 2 << y, y >> 1, y * 3, y // 3, y % 3, y / 4, y ^ 2, y & 6, 6 | y)
for i = 1, 3 do io.write(i, " ") end
for i = 3.0, 1, -0.5 do io.write(i, " ") end
for k, v in ipairs({"a", "b"}) do io.write(k, v, " ") end
print()
local function va(...) local a, b = ... return select('#', ...), a, b end
print(va(1, nil, 3))
local function mk(n) local c = 0 return function() c = c + n return c end end
local f = mk(5); f(); print(f())
do local i = 1 ::top:: if i < 4 then io.write(i) i = i + 1 goto top end print() end
print(9007199254740993, 0.1, -0.0, math.maxinteger, math.mininteger, 1e300 * 10)
local long = string.rep("xyz", 30) print(#long, long:sub(1, 6))
print(pcall(function() local z; return z + 1 end))
print(pcall(function() local z; return z - 1 end))
print(pcall(function() local z = {}; return z << 1 end))
local t = {1, 2, 3, nil, 5, n = 7} print(#t, t.n, select('#', table.unpack(t)))
print(debug.getinfo(1, "l").currentline)
do local c <close> = setmetatable({}, {__close = function() print("closed") end}) end
print(string.format("%q", 1/3))
print("10" - 1, "3" * "4", 10 // 0.0, -7 // 2, -7 % 3, 7.5 % -2, 1 << 63, 1 << 64, -1 >> 1)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1.5 | 1 end))
print(pcall(function() local s = "a" return s + 1 end))
print(math.maxinteger + 1 == math.mininteger, 2^53, 3 / 2, 4 / 2, 7 // 2.0)
local cnt = 0
for i = math.maxinteger - 2, math.maxinteger do cnt = cnt + 1 end
for i = 1, 0 do cnt = cnt + 100 end
for i = 1.0, 2.0, 0.25 do cnt = cnt + 1 end
print(cnt, pcall(function() for i = 1, 10, 0 do end end))
local cmp = setmetatable({}, {__lt = function(a, b) return true end, __le = function() return false end})
print(cmp < 1, 1 < cmp, cmp <= 2.5, 2.5 >= cmp, cmp > 0, 3 == 3.0, "a" < "b")
local i = 0
while true do i = i + 1 if i % 2 == 0 then goto cont end if i > 7 then break end io.write(i, ",") ::cont:: end
print()
