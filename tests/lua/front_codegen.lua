-- front end: expressions, constant folding, immediates, and/or/not, comparisons, concat chains.
local a, b, f = 10, 3, 2.5
print(a + 1, a - 1, a * 2, a / 4, a // 3, a % 3, a ^ 2, 1 + a, 1 - a, 2 * a, 100 // a, 2 ^ a)
print(a & 6, a | 5, a ~ 3, a << 2, a >> 1, 1 << a, 256 >> a, ~a, -a, a + f, f * a)
print(2 ^ 53, 7 // 0.0, -7 // 0.0, 0.0 / 1, -0.0, 3 % -2, -3 % 2, 5.5 % 2, 1 // -1)
print(1 << 63, 1 << 64, -1 >> 63, 3 & 2.0, 0x7fffffffffffffff + 1 == math.mininteger)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(pcall(function() return 1 & 1.5 end))
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0, 1e308 * 10, math.type(2^2), math.type(10 // 2), math.type(10 / 2))
print(a < 11, a <= 10, a > 9, a >= 11, 11 < a, 9 <= a, 11 > a, 10 >= a, a < 10.5, 10.5 > a)
print(a == 10, a ~= 10, 10 == a, a == "10", nil == a, a == 10.0, a ~= 1.5, "x" == "x", {} == {})
local n, t, fa = nil, true, false
print(n and 1, t and 1, fa and 1, n or 2, t or 2, fa or 2, not n, not t, not 0, not not n)
print(1 and 2 or 3, nil and 2 or 3, false or nil, nil or false, n == nil and "nil" or "v")
print(a > 5 and "big" or "small", a > 50 and "big" or "small", (a > 5) == true)
local x = a > 5 and a < 20
local y = not (a > 5 or b > 5)
print(x, y, a < b or b < a, a == b and "eq" or "ne")
local s = "s"
print(s .. 1 .. 2.5 .. "x" .. a, a .. "", 1 .. 2)
print(#"abc", #{1, 2, 3}, -(-a), - -a)
local k <const> = 7
local ks <const> = "const"
print(k * 2, ks .. "!", k // 2, k + 0.5)
-- evaluation order in multiple assignment
local i, tt = 1, {}
i, tt[i] = i + 1, 20
print(i, tt[1], tt[2])
local p = {}
local q = p
p, p.x = {}, 5
print(q.x, p.x)
local x1, x2, x3 = (function() return 1, 2, 3 end)()
local y1, y2 = ((function() return 1, 2 end)())
print(x1, x2, x3, y1, y2)
local big = {}
for j = 1, 600 do big[#big + 1] = "v" .. j end
local code = "return {" .. table.concat(big, ",") .. "}"
local env = setmetatable({}, {__index = function(_, name) return name end})
local r = load(code, "=big", "t", env)()
print(#r, r[1], r[51], r[600])
local function three() return 1, 2, 3 end
local l = {three(), three()}
local m = {three(), (three())}
local o = {[1] = "a", "b", three()}
print(#l, #m, o[1], #o)

-- expected output (validated with PUC Lua 5.4):
-- expect: 11	9	20	2.5	3	1	100.0	11	-9	20	10	1024.0
-- expect: 2	15	9	40	5	1024	0	-11	-10	12.5	25.0
-- expect: 9.007199254741e+15	inf	-inf	0.0	-0.0	-1	1	1.5	-1
-- expect: -9223372036854775808	0	1	2	true
-- expect: false	front_codegen.lua:7: attempt to divide by zero
-- expect: false	front_codegen.lua:8: attempt to perform 'n%0'
-- expect: false	front_codegen.lua:9: number has no integer representation
-- expect: inf	-inf	true	inf	float	integer	float
-- expect: true	true	true	false	false	true	true	true	true	true
-- expect: true	false	true	false	false	true	true	true	false
-- expect: nil	1	false	2	true	2	true	false	false	false
-- expect: 2	3	nil	false	nil
-- expect: big	small	true
-- expect: true	false	true	ne
-- expect: s12.5x10	10	12
-- expect: 3	3	10	10
-- expect: 14	const!	3	7.5
-- expect: 2	20	nil
-- expect: 5	nil
-- expect: 1	2	3	1	nil
-- expect: 600	v1	v51	v600
-- expect: 4	2	b	4
