-- Arithmetic, bitwise and unary metamethods: dispatch order, operands, results.
local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
local function val(o) return type(o) == "table" and o.x or o end
local events = {"add", "sub", "mul", "div", "mod", "pow", "idiv", "band", "bor", "bxor", "shl", "shr"}
for _, e in ipairs(events) do
  V["__" .. e] = function(a, b) return e .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")" end
end
V.__unm = function(a, b) return "unm(" .. val(a) .. "," .. tostring(val(b)) .. ")" end
V.__bnot = function(a, b) return "bnot(" .. val(a) .. "," .. tostring(val(b)) .. ")" end
local a, b = v(1), v(2)
print(a + b, a - 3, 3 * a, a / b, 7 % a, a ^ 2) -- expect: add(1,2)	sub(1,3)	mul(3,1)	div(1,2)	mod(7,1)	pow(1,2)
print(a // b, a & 1, 1 | a, a ~ b, a << 2, 2 >> a) -- expect: idiv(1,2)	band(1,1)	bor(1,1)	bxor(1,2)	shl(1,2)	shr(2,1)
print(-a, ~a) -- expect: unm(1,1)	bnot(1,1)
print(a + 1.5, "s" .. "", "10" + a) -- expect: add(1,1.5)	s	add(10,1)
-- the left operand's metamethod is tried first, then the right one
local L = setmetatable({}, {__add = function() return "left" end})
local R = setmetatable({}, {__add = function() return "right" end})
print(L + R, R + L, 1 + R, L + 1) -- expect: left	right	right	left
-- only the right operand has the metamethod
local onlyR = setmetatable({}, {__sub = function(x, y) return type(x) .. "-" .. type(y) end})
print(5 - onlyR, onlyR - 5) -- expect: number-table	table-number
-- bitwise metamethods are used for floats without integer representation and strings
local B
B = setmetatable({}, {__band = function(x, y) local function s(o) return o == B and "B" or tostring(o) end return "band " .. s(x) .. " " .. s(y) end})
print(1.5 & B, B & "x") -- expect: band 1.5 B	band B x
-- results are not truncated or adjusted
local multi = setmetatable({}, {__add = function() return 1, 2, 3 end})
print(multi + 1) -- expect: 1
local nilres = setmetatable({}, {__mul = function() end})
print(nilres * 2) -- expect: nil
-- metamethods on strings: string library arithmetic metamethods coerce
print("10" + 5, "3" * "4", "2" ^ "3", -"5", "7" // "2", "7" % "4", "1e1" / 2) -- expect: 15	12	8.0	-5	3	3	5.0
-- missing metamethod errors
print(pcall(function() return {} + 1 end)) -- expect: false	meta_arith.lua:36: attempt to perform arithmetic on a table value
print(pcall(function() local t = {} return t * 2 end)) -- expect: false	meta_arith.lua:37: attempt to perform arithmetic on a table value (local 't')
print(pcall(function() return -{} end)) -- expect: false	meta_arith.lua:38: attempt to perform arithmetic on a table value
print(pcall(function() local s = setmetatable({}, {}) return s & 1 end)) -- expect: false	meta_arith.lua:39: attempt to perform bitwise operation on a table value (local 's')
print(pcall(function() return 1.5 | 1 end)) -- expect: false	meta_arith.lua:40: number has no integer representation
print(pcall(function() return ~{} end)) -- expect: false	meta_arith.lua:41: attempt to perform bitwise operation on a table value
-- __unm and __len get the operand twice (5.4 passes it as second argument too)
local U = setmetatable({}, {__unm = function(x, y) return rawequal(x, y) end, __len = function(x, y) return rawequal(x, y) end})
print(-U, #U) -- expect: true	true
-- inherited metatables through __index do not provide metamethods
local proto = {__add = function() return "proto" end}
local viaIndex = setmetatable({}, setmetatable({}, {__index = proto}))
print(pcall(function() return viaIndex + 1 end)) -- expect: false	meta_arith.lua:48: attempt to perform arithmetic on a table value (upvalue 'viaIndex')
-- metamethod that errors
local E = setmetatable({}, {__div = function() error("div failed", 0) end})
print(pcall(function() return E / 1 end)) -- expect: false	div failed
-- integer and float arithmetic with metamethod fallback in loops
local Acc = {}
Acc.__add = function(x, y) return setmetatable({n = x.n + (type(y) == "table" and y.n or y)}, Acc) end
local acc = setmetatable({n = 0}, Acc)
for i = 1, 100 do acc = acc + i end
print(acc.n) -- expect: 5050
-- shifts: shifting by >= 64 gives 0, negative shifts reverse direction
print(1 << 63, 1 << 64, -1 >> 1, -1 >> 63, -1 >> 64, 1 << -1, 8 >> -1, 3 ~ 5, ~0, 5 & -1) -- expect: -9223372036854775808	0	9223372036854775807	1	0	0	16	6	-1	5
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ~ 0x0F, 2.0 << 1, "arith ok") -- expect: 15	255	240	4	arith ok
