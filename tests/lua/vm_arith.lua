-- vm_arith.lua: integer/float arithmetic fast paths, division and modulo, shifts, comparisons
print(1 == 1.0, math.type(1), math.type(1.0), 3 / 2, 3 // 2, 3.0 // 2) -- expect: true	integer	float	1.5	1	1.0
print(-3 // 2, -3 % 2, 3 % -2, 5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2) -- expect: -2	1	-1	1.5	0.5	-0.5	-1.5
print(7 // 3, -7 // 3, 7 // -3, -7 // -3, 7 % 3, -7 % 3, 7 % -3, -7 % -3) -- expect: 2	-3	-3	2	1	2	-2	-1
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -7.5 % 2) -- expect: 3.0	-4.0	-0.5	0.5
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge) -- expect: 5.0	inf	-inf	-5.0
print(1 // 0.0, -1 // 0.0, 1 % 0.0 ~= 1 % 0.0) -- expect: inf	-inf	true
print(math.maxinteger + 1 == math.mininteger, math.mininteger // -1, math.mininteger % -1) -- expect: true	-9223372036854775808	0
print(math.maxinteger * 2, math.mininteger - 1 == math.maxinteger) -- expect: -2	true
print(3 % math.mininteger, math.mininteger % 3, math.mininteger // 3) -- expect: -9223372036854775805	1	-3074457345618258603
-- constants folded or not, with locals to force the VM path
local zero, one, m1 = 0, 1, -1
print(pcall(function() return one // zero end)) -- expect: false	vm_arith.lua:13: attempt to divide by zero
print(pcall(function() return one % zero end)) -- expect: false	vm_arith.lua:14: attempt to perform 'n%0'
print(one / zero, -one / zero, one // m1, math.mininteger // m1) -- expect: inf	-inf	-1	-9223372036854775808
-- shifts (logical, out of range gives 0)
print(1 << 63, 1 << 64, -1 >> 1, 1 << -1, 2 >> -1, -1 >> 63, -1 >> 64, -1 << 64) -- expect: -9223372036854775808	0	9223372036854775807	0	4	1	0	0
local sh = 70
print(1 << sh, 1 >> -sh, 5 >> 0, 5 << math.mininteger) -- expect: 0	0	5	0
print(7 & 3, 7 | 8, 7 ~ 2, ~0, ~5, 1.0 | 2, 3.0 ~ 1) -- expect: 3	15	5	-1	-6	3	2
print(pcall(function() local x = 1.5 return x | 1 end)) -- expect: false	vm_arith.lua:21: number (local 'x') has no integer representation
print(pcall(function() return 2^63 | 0 end)) -- expect: false	vm_arith.lua:22: number has no integer representation
print(pcall(function() local s = "a" return s & 1 end)) -- expect: false	vm_arith.lua:23: attempt to perform bitwise operation on a string value (local 's')
-- float formatting and special values
print(2^53, 2^63, -0.0, 1e15, 1e16, 1e100, 0.1, 1/3) -- expect: 9.007199254741e+15	9.2233720368548e+18	-0.0	1e+15	1e+16	1e+100	0.1	0.33333333333333
print(math.huge, -math.huge, 2^0.5, 10 / 3, 2^-1074 > 0) -- expect: inf	-inf	1.4142135623731	3.3333333333333	true
print(100 // 1.0, 1e15 // 1, -0.0 == 0.0, 1 / -0.0) -- expect: 100.0	1e+15	true	-inf
-- comparisons mixing integers and floats
print(1 < 1.5, 2 <= 2.0, 2 < 2.0, math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63) -- expect: true	true	false	true	true
print(math.mininteger == -2^63, 2^53 + 1 == 2^53, math.maxinteger == math.maxinteger + 0.0) -- expect: true	true	false
print(math.maxinteger < math.huge, math.mininteger > -math.huge, 1 < 0/0, 1 > 0/0, 0/0 == 0/0) -- expect: true	true	false	false	false
print(math.maxinteger - 1 < math.maxinteger + 0.0, math.maxinteger + 0.0 > math.maxinteger - 1) -- expect: true	true
print(2^63 > math.maxinteger, -2^63 >= math.mininteger, -2^63 > math.mininteger, -2^64 < math.mininteger) -- expect: true	true	false	true
local big = 9007199254740993
print(big == 2^53, big < 2^53 + 2, big > 2^53, big <= 2^53) -- expect: false	true	true	false
print(3 == 3.0000000000000001, -1 < -0.5, 1 >= 1.0) -- expect: true	true	true
-- immediate comparisons (LTI/GTI ...) with floats
local f = 2.5
print(f < 3, f > 2, f <= 2, f >= 3, f == 2.5, f ~= 2) -- expect: true	true	false	false	true	true
local n = 7
print(n < 10, n > 10, n <= 7, n >= 8, n == 7, n ~= 7) -- expect: true	false	true	false	true	false
-- strings compare by bytes
print("a" < "b", "a" < "ab", "Z" < "a", "" < "a", "a\0b" < "a\0c", "abc" <= "abc") -- expect: true	true	true	true	true	true
-- unary minus and not
local i, x = 5, 2.5
print(-i, -x, not nil, not 0, -math.mininteger == math.mininteger) -- expect: -5	-2.5	true	false	true
-- integer for and arithmetic overflow wrap
local acc = 0
for j = 1, 100 do acc = acc + math.maxinteger end
print(acc) -- expect: -100
-- string coercions go through the string metamethods
print("10" + 1, "3" * "4", 10 .. "", "0x10" + 0, "1e2" * 1) -- expect: 11	12	10	16	100.0
print(pcall(function() return "abc" + 1 end)) -- expect: false	vm_arith.lua:53: attempt to add a 'string' with a 'number'
