-- jit_semantics.lua: the operations the native tier translates inline, on edge values.
-- Plain Lua: the interpreter (and lua5.4) must print the expectations below; tests/jit/jit.sh
-- runs this file again under --compile=all and requires the same output.
local fmt = string.format
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if math.type(v) == "float" then t[i] = fmt("%.17g", v) .. "f"
    else t[i] = tostring(v) end
  end
  print(table.concat(t, " "))
end

local maxi, mini = math.maxinteger, math.mininteger
local inf, nan = math.huge, 0 / 0

-- arithmetic on two registers: integers wrap, mixed operands are floats
local function ar(a, b)
  return a + b, a - b, a * b, a / b
end
local function ar2(a, b) return a % b, a // b, a ^ b end
show(ar(3, 4))
show(ar(maxi, 1))
show(ar(mini, -1))
show(ar(2.5, 4))
show(ar(3, 0.5))
show(ar(-0.0, 0.0))
show(ar2(7, 3))
show(ar2(-7, 3))
show(ar2(7, -3))
show(ar2(-7, -3))
show(ar2(mini, -1))
show(ar2(7.5, 2))
show(ar2(-7.5, 2))
show(ar2(7, -2.5))
show(ar2(5.0, inf))
show(ar2(-5.0, inf))
show(ar2(3, 2))
show(ar2(2, 0.5))
show(pcall(ar2, 1, 0))
show(ar2(1, 0.0))
show(ar2(-1, 0.0))

-- constant and immediate operands (K and I forms)
local function kf(a)
  return a + 1, a - 3, a * 2, a % 4, a // 4, a / 2, a ^ 2, a + 0.5, a % -3, a // -3
end
show(kf(10))
show(kf(-10))
show(kf(maxi))
show(kf(2.25))
show(kf(-7.5))

-- bitwise (integers inline; other numbers take the interpreter's path)
local function bw(a, b)
  return a & b, a | b, a ~ b, a << b, a >> b, ~a
end
local function bwi(a)
  return a >> 1, 1 << a, a & 0xff, a | 1, a ~ 5, a << 63, a >> 64
end
show(bw(12, 10))
show(bw(-1, 63))
show(bw(1, 64))
show(bw(1, -1))
show(bw(-8, -2))
show(bw(3.0, 1))
show(bwi(6))
show(bwi(-6))
show(bwi(70))

-- unary minus, not
local function un(a) return -a, not a end
show(un(5))
show(un(mini))
show(un(0.0))
show(pcall(un, nil))
show(pcall(un, "2"))

-- comparisons with their jumps
local function cmp(a, b)
  local r = {}
  if a < b then r[#r + 1] = "lt" end
  if a <= b then r[#r + 1] = "le" end
  if a == b then r[#r + 1] = "eq" end
  if a ~= b then r[#r + 1] = "ne" end
  if not (a < b) then r[#r + 1] = "nlt" end
  return table.concat(r, ",")
end
show(cmp(1, 2), cmp(2, 1), cmp(2, 2))
show(cmp(1.5, 2.5), cmp(nan, nan), cmp(-0.0, 0.0))
show(cmp(1, 1.0), cmp(maxi, 2.0 ^ 63), cmp("a", "b"))
local function cmpi(a)
  local r = 0
  if a < 3 then r = r + 1 end
  if a <= 3 then r = r + 2 end
  if a > 3 then r = r + 4 end
  if a >= 3 then r = r + 8 end
  if a == 3 then r = r + 16 end
  if a ~= -1 then r = r + 32 end
  return r
end
show(cmpi(3), cmpi(2), cmpi(4), cmpi(3.0), cmpi(2.5), cmpi(nan), cmpi(-1), cmpi(-1.0))
show(pcall(cmpi, "3"))
local function cmpk(a)
  local r = 0
  if a == 1000 then r = r + 1 end
  if a == 0.25 then r = r + 2 end
  if a == "s" then r = r + 4 end
  if a == nil then r = r + 8 end
  if a == true then r = r + 16 end
  if a == false then r = r + 32 end
  return r
end
show(cmpk(1000), cmpk(1000.0), cmpk(0.25), cmpk("s"), cmpk(nil), cmpk(true), cmpk(false), cmpk({}))
local function tests(a, b)
  local x = a and b
  local y = a or b
  if a then return x, y, 1 else return x, y, 2 end
end
show(tests(1, 2))
show(tests(nil, 2))
show(tests(false, nil))

-- numeric for loops: integer counts (no overflow), float steps, skipped loops
local function isum(a, b, c)
  local s, n = 0, 0
  for i = a, b, c do s = s + i; n = n + 1 end
  return s, n
end
show(isum(1, 10, 1))
show(isum(10, 1, -3))
show(isum(1, 0, 1))
show(isum(maxi - 2, maxi, 1))
show(isum(mini, mini + 2, 1))
show(isum(mini, maxi, maxi))
show(isum(maxi, mini, mini))
show(isum(1, 3.7, 1))
show(isum(1, -inf, 1))
show(isum(1.0, 2, 0.25))
show(isum(0, 1, 0.1))
show(isum(3, 1, -0.5))
show(pcall(isum, 1, 10, 0))
show(pcall(isum, 1, 10, 0.0))
show(pcall(isum, 1, "x", 1))
show(isum(1, "3", 1))

-- loads, moves, upvalues, globals
local up1, up2 = 41, "upv"
G_INT, G_STR = 7, "glob"
local function loads(a)
  local x, y, z = nil, true, false
  local k1, k2, k3 = 123456789012, 1.5e300, "a string constant"
  local b = a
  return x, y, z, k1, k2, k3, b, up1 + 1, up2, G_INT * 2, G_STR, G_MISSING
end
show(loads(9))

-- results: zero, one and several values, into calls that want fewer or more
local function r0() end
local function r1(a) return a end
local function r3(a) return a, a + 1, a + 2 end
show(r0())
show(r1(5), (r3(1)))
show(r3(10))
show(select("#", r0()), select("#", r1(nil)), select("#", r3(0)))
local a1, a2, a3 = r1(7)
show(a1, a2, a3)

-- an integer accumulator that wraps around, a float that becomes inf
local function acc(n, s)
  for i = 1, n do s = s + maxi end
  return s
end
show(acc(3, 0), acc(3, 0.0), acc(2000, 1e305))

-- Expected output (lua5.4 and the interpreter agree):
-- expect: 7 -1 12 0.75f
-- expect: -9223372036854775808 9223372036854775806 9223372036854775807 9.2233720368547758e+18f
-- expect: 9223372036854775807 -9223372036854775807 -9223372036854775808 9.2233720368547758e+18f
-- expect: 6.5f -1.5f 10f 0.625f
-- expect: 3.5f 2.5f 1.5f 6f
-- expect: 0f -0f -0f -nanf
-- expect: 1 2 343f
-- expect: 2 -3 -343f
-- expect: -2 -3 0.0029154518950437317f
-- expect: -1 2 -0.0029154518950437317f
-- expect: 0 -9223372036854775808 -1.0842021724855044e-19f
-- expect: 1.5f 3f 56.25f
-- expect: 0.5f -4f 56.25f
-- expect: -0.5f -3f 0.0077135606736576986f
-- expect: 5f 0f inff
-- expect: inff -0f inff
-- expect: 1 1 9f
-- expect: 0f 4f 1.4142135623730951f
-- expect: false jit_semantics.lua:22: attempt to perform 'n%0'
-- expect: -nanf inff 1f
-- expect: -nanf -inff 1f
-- expect: 11 7 20 2 2 5f 100f 10.5f -2 -4
-- expect: -9 -13 -20 2 -3 -5f 100f -9.5f -1 3
-- expect: -9223372036854775808 9223372036854775804 -2 3 2305843009213693951 4.6116860184273879e+18f 8.5070591730234616e+37f 9.2233720368547758e+18f -2 -3074457345618258603
-- expect: 3.25f -0.75f 4.5f 2.25f 0f 1.125f 5.0625f 2.75f -0.75f -1f
-- expect: -6.5f -10.5f -15f 0.5f -2f -3.75f 56.25f -7f -1.5f 2f
-- expect: 8 14 6 12288 0 -13
-- expect: 63 -1 -64 -9223372036854775808 1 0
-- expect: 0 65 65 0 0 -2
-- expect: 1 -1 -2 0 2 -2
-- expect: -8 -2 6 4611686018427387902 -32 7
-- expect: 1 3 2 6 1 -4
-- expect: 3 64 6 7 3 0 0
-- expect: 9223372036854775805 0 250 -5 -1 0 0
-- expect: 35 0 70 71 67 0 0
-- expect: -5 false
-- expect: -9223372036854775808 false
-- expect: -0f false
-- expect: false jit_semantics.lua:73: attempt to perform arithmetic on a nil value (local 'a')
-- expect: true -2 false
-- expect: lt,le,ne ne,nlt le,eq,nlt
-- expect: lt,le,ne ne,nlt le,eq,nlt
-- expect: le,eq,nlt lt,le,ne lt,le,ne
-- expect: 58 35 44 58 35 32 3 3
-- expect: false jit_semantics.lua:95: attempt to compare string with number
-- expect: 1 1 2 4 8 16 32 0
-- expect: 2 1 1
-- expect: nil 2 2
-- expect: false nil 2
-- expect: 55 10
-- expect: 22 4
-- expect: 0 0
-- expect: 9223372036854775802 3
-- expect: -9223372036854775805 3
-- expect: -3 3
-- expect: 9223372036854775806 2
-- expect: 6 3
-- expect: 0 0
-- expect: 7.5f 5
-- expect: 5.5f 11
-- expect: 10f 5
-- expect: false jit_semantics.lua:128: 'for' step is zero
-- expect: false jit_semantics.lua:128: 'for' step is zero
-- expect: false jit_semantics.lua:128: bad 'for' limit (number expected, got string)
-- expect: 6 3
-- expect: nil true false 123456789012 1.5000000000000001e+300f a string constant 9 42 upv 14 glob nil
-- expect:
-- expect: 5 1
-- expect: 10 11 12
-- expect: 0 1 3
-- expect: 7 nil nil
-- expect: 9223372036854775805 2.7670116110564327e+19f 9.9999999999999994e+304f
