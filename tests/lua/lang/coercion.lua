-- String <-> number coercions in arithmetic, concatenation and comparisons.
print("10" + 1, "10" + 1.5, "3" * "4", "2" ^ 2, "0x10" + 0, " 5 " + 0) -- expect: 11	11.5	12	4.0	16	5
print(math.type("10" + 1), math.type("10.0" + 1), math.type("1e2" + 0)) -- expect: integer	float	float
print("10" // "3", "7" % "2", -"2", -"2.5", "1" - -1) -- expect: 3	1	-2	-2.5	2
print(10 .. 20, 1.5 .. "", 2^63 .. "", -0.0 .. "", 1e100 .. "x") -- expect: 1020	1.5	9.2233720368548e+18	-0.0	1e+100x
print(1 .. "", math.mininteger .. "", 3 .. 4 .. 5) -- expect: 1	-9223372036854775808	345
print(select(2, pcall(function() return "abc" + 1 end)):find("attempt to") ~= nil) -- expect: true
print(pcall(function() return {} .. "x" end)) -- expect: false	coercion.lua:8: attempt to concatenate a table value
print(pcall(function() return "1" < 2 end)) -- expect: false	coercion.lua:9: attempt to compare string with number
print("10" == 10, "a" < "b", "Z" < "a", "" < "a", "abc" < "abd", "ab" < "abc") -- expect: false	true	true	true	true	true
print("a\0b" < "a\0c", "a\0" > "a", "10" < "9") -- expect: true	true	true
print(tonumber("0x1p4"), tonumber("  12  "), tonumber("12a"), tonumber(""), tonumber("1e")) -- expect: 16.0	12	nil	nil	nil
print(tonumber("10", 2), tonumber("ff", 16), tonumber("zz", 36), tonumber("8", 8), tonumber("7fffffffffffffff", 16)) -- expect: 2	255	1295	nil	9223372036854775807
print(tonumber(" -0x10 "), tonumber("-  1"), tonumber("inf"), tonumber("nan"), tonumber(".5"), tonumber("5.")) -- expect: -16	nil	nil	nil	0.5	5.0
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"), tonumber("-9223372036854775808")) -- expect: 9223372036854775807	9.2233720368548e+18	-9223372036854775808
print(math.type(tonumber("9223372036854775808")), tonumber("1" .. string.rep("0", 30))) -- expect: float	1e+30
print(tostring(12), tostring(-12.5), tostring(true), tostring(nil)) -- expect: 12	-12.5	true	nil
print(#tostring(12.0), "x" .. 0.1, 2 .. "") -- expect: 4	x0.1	2
print(("5"):rep(3) + 1, ("10"):len()) -- expect: 556	2
-- bitwise operators convert strings too
print(pcall(function() return "3" | 0 end)) -- expect: false	coercion.lua:21: attempt to perform bitwise operation on a string value (constant '3')
print(pcall(function() local s = "1" return s ~ 1 end)) -- expect: false	coercion.lua:22: attempt to perform bitwise operation on a string value (local 's')
print(string.format("%s %s", 1, 1.0), #("" .. 1e300)) -- expect: 1 1.0	6
