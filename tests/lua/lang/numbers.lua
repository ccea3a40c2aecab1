-- Integer and float subtypes: wraparound, //, %, conversions, math.type, formatting.
local maxi, mini = math.maxinteger, math.mininteger
print(maxi, mini) -- expect: 9223372036854775807	-9223372036854775808
print(maxi + 1 == mini, mini - 1 == maxi) -- expect: true	true
print(maxi * 2, mini * -1, -mini) -- expect: -2	-9223372036854775808	-9223372036854775808
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil)) -- expect: integer	float	nil	nil
print(1 == 1.0, math.type(3 // 1), math.type(3.0 // 1)) -- expect: true	integer	float
print(1, 1.0, -0.0, 1e15, 1e16, 2^53, 2^63, -2^63) -- expect: 1	1.0	-0.0	1e+15	1e+16	9.007199254741e+15	9.2233720368548e+18	-9.2233720368548e+18
print(100000000000000, 1e100, 123456789012345678) -- expect: 100000000000000	1e+100	123456789012345678
print(0x10, 0xff, 0xA.8p0, 0x.1p4, 0x7fffffffffffffff, 0xffffffffffffffff) -- expect: 16	255	10.5	1.0	9223372036854775807	-1
print(0x10000000000000000, 1e308 * 10, -1e308 * 10) -- expect: 0	inf	-inf
print(3 / 2, 4 / 2, 1 / 0, -1 / 0, math.type(4 / 2)) -- expect: 1.5	2.0	inf	-inf	float
print(0/0 ~= 0/0, math.huge == 1/0) -- expect: true	true
-- floor division and modulo: results rounded toward minus infinity
print(7 // 2, -7 // 2, 7 // -2, -7 // -2) -- expect: 3	-4	-4	3
print(7 % 3, -7 % 3, 7 % -3, -7 % -3) -- expect: 1	2	-2	-1
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2) -- expect: 3.0	-4.0	1.5	0.5
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge) -- expect: 5.0	inf	-inf	-5.0
print(1 // 0.0, -1 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0) -- expect: inf	-inf	true
print(mini // -1, mini % -1) -- expect: -9223372036854775808	0
print(pcall(function() return 1 // 0 end)) -- expect: false	numbers.lua:21: attempt to divide by zero
print(pcall(function() return 1 % 0 end)) -- expect: false	numbers.lua:22: attempt to perform 'n%0'
print(1 % 0.0 ~= 1 % 0.0, 3.5 % -0.0 ~= 3.5 % -0.0) -- expect: true	true
print(5.3 % 2 - 1.3 < 1e-12) -- expect: true
-- exponentiation and division always float
print(2^2, 2^-1, math.type(2^2), 10 / 5) -- expect: 4.0	0.5	float	2.0
-- float -> integer conversions
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(2^63)) -- expect: 3	nil	nil
print(math.tointeger(-2^63), math.tointeger(0.0 / 0.0), math.tointeger(-0.0)) -- expect: -9223372036854775808	nil	0
print(3.0 | 0, pcall(function() return 3.5 | 0 end)) -- expect: 3	false	numbers.lua:30: number has no integer representation
print(pcall(function() return 2^63 | 0 end)) -- expect: false	numbers.lua:31: number has no integer representation
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.type(math.floor(1e100))) -- expect: 3	4	-4	float
print(string.format("%.0f", 2^63), math.floor(-0.0)) -- expect: 9223372036854775808	0
-- comparisons between integers and floats are exact
print(maxi < 2^63, maxi + 0.0 == 2^63, maxi == 2^63, mini == -2^63) -- expect: true	true	false	true
print(2^53 + 1 == 2^53, (2^53 | 0) + 1 == 2^53 + 1) -- expect: true	false
print(1 < 1.5, 2 > 1.5, -1 <= -1.0, mini < -2^63 + 1) -- expect: true	true	true	false
print(maxi < math.huge, mini > -math.huge, 1 < 0/0, 1 > 0/0) -- expect: true	true	false	false
-- integer arithmetic does not overflow into floats
print(maxi + maxi, maxi * maxi, mini + mini) -- expect: -2	1	0
print(2^63 == maxi + 1.0, maxi + 1.0) -- expect: true	9.2233720368548e+18
-- unary minus and precedence
print(-2^2, 2^-2, -2 ^ 2, 2^3^2, -3 % 5, (-3) % 5) -- expect: -4.0	0.25	-4.0	512.0	2	2
print(not nil == true, 1 .. 2 == "12", "a" .. "b" == "ab") -- expect: true	true	true
print(2 + 3 * 4 ^ 2 / 8, 1 - 2 - 3, 2 ^ 3 ^ 0) -- expect: 8.0	-4	2.0
-- number formatting
print(0.1, 1/3, -1/3, 1e-7, 123.456e10, 5e-324, 2^-1074 > 0) -- expect: 0.1	0.33333333333333	-0.33333333333333	1e-07	1234560000000.0	4.9406564584125e-324	true
print(tostring(1e15), tostring(1e14), 3.14159265358979) -- expect: 1e+15	1e+14	3.1415926535898
print(255 // 1.0, 1e15 // 1, -0.0 == 0.0, 1/-0.0) -- expect: 255.0	1e+15	true	-inf
print(string.format("%d %5.2f %g %x", 42, 3.14159, 1e20, 255)) -- expect: 42  3.14 1e+20 ff
