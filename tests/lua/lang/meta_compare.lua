-- __eq, __lt, __le: when they are called, operand order, result conversion.
local log = {}
local E = {__eq = function(a, b) log[#log + 1] = "eq"; return a.id == b.id end}
local x, y, z = setmetatable({id = 1}, E), setmetatable({id = 1}, E), setmetatable({id = 2}, E)
print(x == y, x ~= y, x == z, x ~= z, #log) -- expect: true	false	false	true	4
-- __eq is not called for identical objects, or for different types
log = {}
print(x == x, x == 1, x == "1", x == nil, #log) -- expect: true	false	false	false	0
-- __eq from either operand; result converted to boolean
local other = setmetatable({id = 1}, {__eq = function() return 1 end})
local plain = {id = 1}
print(plain == x, x == plain, plain == other, other == plain) -- expect: true	true	true	true
local nilres = setmetatable({}, {__eq = function() return nil end})
print(nilres == {}, nilres ~= {}) -- expect: false	true
-- rawequal ignores __eq
print(rawequal(x, y), rawequal(x, x)) -- expect: false	true
-- __eq is not used by table lookups
local keyed = {[x] = "x"}
print(keyed[y], keyed[x]) -- expect: nil	x
-- __lt and __le
local N = {}
N.__lt = function(a, b) return a.v < b.v end
N.__le = function(a, b) return a.v <= b.v end
local function n(v) return setmetatable({v = v}, N) end
local one, two = n(1), n(2)
print(one < two, one > two, one <= two, one >= two, two <= two, two >= one) -- expect: true	false	true	false	true	true
-- mixed operands use the metamethod of whichever has one
local M = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end, __le = function(a, b) return type(b) == "number" end})
print(1 < M, M < 1, M <= 1, 1 <= M, M > 1, M >= 1) -- expect: true	false	true	false	true	false
-- results converted to booleans
local T = setmetatable({}, {__lt = function() return "yes" end, __le = function() return false end})
print(T < T, T <= T, not (T < T)) -- expect: true	false	false
-- lua 5.4 built with LUA_COMPAT_5_3 (the default makefile) still emulates __le as not __lt(b, a)
local onlyLt = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return onlyLt <= onlyLt end)) -- expect: true	false
-- comparing incompatible values
print(pcall(function() return {} < {} end)) -- expect: false	meta_compare.lua:37: attempt to compare two table values
print(pcall(function() return 1 < "2" end)) -- expect: false	meta_compare.lua:38: attempt to compare number with string
print(pcall(function() return {} <= 1 end)) -- expect: false	meta_compare.lua:39: attempt to compare table with number
print(pcall(function() return "a" >= nil end)) -- expect: false	meta_compare.lua:40: attempt to compare nil with string
print(pcall(function() local a, b = true, false return a < b end)) -- expect: false	meta_compare.lua:41: attempt to compare two boolean values
-- numbers and strings compare natively
print(1 < 2, 2.5 <= 2.5, "a" < "b", math.huge > math.maxinteger, -math.huge < math.mininteger) -- expect: true	true	true	true	true
print(0/0 == 0/0, 0/0 < 1, 0/0 >= 0/0, 1 ~= 0/0) -- expect: false	false	false	true
-- __eq on userdata-like full tables with different metatables both having __eq
local A1 = setmetatable({}, {__eq = function() return "A" end})
local A2 = setmetatable({}, {__eq = function() return false end})
print(A1 == A2, A2 == A1) -- expect: true	false
-- __lt with many comparisons in sort
local items = {}
for i = 1, 20 do items[i] = n((i * 7) % 20) end
table.sort(items)
local out = {}
for i = 1, 20 do out[i] = items[i].v end
print(table.concat(out, " ")) -- expect: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19
