-- math library: rounding, fmod/modf, integer/float results, min/max, log bases, tointeger/type/ult, xoshiro256** sequences.

local vals = {0, -0.0, 1, -1, 3.7, -3.7, 2^53, 2^63, -2^63, 1e308, 1/0, -1/0, math.maxinteger, math.mininteger, 0.5, -0.5, "3", "3.5", "0x10"}
for _, v in ipairs(vals) do
  print(v, math.floor(v), math.ceil(v), math.abs(v), math.tointeger(v), math.type(v), math.modf(v))
  -- expect: 0	0	0	0	0	integer	0	0.0
  -- expect: -0.0	0	0	0.0	0	float	0	0.0
  -- expect: 1	1	1	1	1	integer	1	0.0
  -- expect: -1	-1	-1	1	-1	integer	-1	0.0
  -- expect: 3.7	3	4	3.7	nil	float	3	0.7
  -- expect: -3.7	-4	-3	3.7	nil	float	-3	-0.7
  -- expect: 9.007199254741e+15	9007199254740992	9007199254740992	9.007199254741e+15	9007199254740992	float	9007199254740992	0.0
  -- expect: 9.2233720368548e+18	9.2233720368548e+18	9.2233720368548e+18	9.2233720368548e+18	nil	float	9.2233720368548e+18	0.0
  -- expect: -9.2233720368548e+18	-9223372036854775808	-9223372036854775808	9.2233720368548e+18	-9223372036854775808	float	-9223372036854775808	0.0
  -- expect: 1e+308	1e+308	1e+308	1e+308	nil	float	1e+308	0.0
  -- expect: inf	inf	inf	inf	nil	float	inf	0.0
  -- expect: -inf	-inf	-inf	inf	nil	float	-inf	0.0
  -- expect: 9223372036854775807	9223372036854775807	9223372036854775807	9223372036854775807	9223372036854775807	integer	9223372036854775807	0.0
  -- expect: -9223372036854775808	-9223372036854775808	-9223372036854775808	-9223372036854775808	-9223372036854775808	integer	-9223372036854775808	0.0
  -- expect: 0.5	0	1	0.5	nil	float	0	0.5
  -- expect: -0.5	-1	0	0.5	nil	float	0	-0.5
  -- expect: 3	3	3	3.0	3	nil	3	0.0
  -- expect: 3.5	3	4	3.5	nil	nil	3	0.5
  -- expect: 0x10	16	16	16.0	16	nil	16	0.0
end
for _, v in ipairs{0, 1, 0.5, 2, 100} do
  print(v, math.sqrt(v), math.exp(v), math.log(v), math.sin(v), math.cos(v), math.tan(v), math.atan(v))
  -- expect: 0	0.0	1.0	-inf	0.0	1.0	0.0	0.0
  -- expect: 1	1.0	2.718281828459	0.0	0.8414709848079	0.54030230586814	1.5574077246549	0.78539816339745
  -- expect: 0.5	0.70710678118655	1.6487212707001	-0.69314718055995	0.4794255386042	0.87758256189037	0.54630248984379	0.46364760900081
  -- expect: 2	1.4142135623731	7.3890560989307	0.69314718055995	0.90929742682568	-0.41614683654714	-2.1850398632615	1.1071487177941
  -- expect: 100	10.0	2.6881171418161e+43	4.6051701859881	-0.50636564110976	0.86231887228768	-0.58721391515693	1.5607966601082
end
print(math.type((math.modf(3.7))), math.type((math.modf(1e300))), math.type(select(2, math.modf(3))), math.modf(-1/0)) -- expect: integer	float	float	-inf	0.0
print(math.type(math.floor(2.0^62)), math.type(math.floor(2.0^63)), math.type(math.ceil(-2.0^63))) -- expect: integer	float	integer

-- fmod
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3), math.fmod(7.5, 2), math.fmod(-7.5, 2)) -- expect: 1	-1	1	-1	1.5	-1.5
print(math.fmod(math.mininteger, -1), math.fmod(5, math.mininteger), math.fmod(math.mininteger, math.maxinteger)) -- expect: 0	5	-1
print(math.fmod(1, 1/0), math.fmod(3, 2.0), math.type(math.fmod(3, 2)), math.type(math.fmod(3, 2.0))) -- expect: 1.0	1.0	integer	float
print(pcall(math.fmod, 1, 0)) -- expect: false	bad argument #2 to 'math.fmod' (zero)
print(pcall(math.fmod, 1)) -- expect: false	bad argument #2 to 'math.fmod' (number expected, got no value)
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0)) -- expect: true

-- min / max
print(math.max(1, 2.5, -1), math.max(3, 3.0), math.max(3.0, 3), math.min(1, 2.5, -1), math.min(3, 3.0), math.max(1)) -- expect: 2.5	3	3.0	-1	3	1
print(math.max(math.mininteger, -2^63), math.min(math.maxinteger, 2^63), math.max("10", "9")) -- expect: -9223372036854775808	9223372036854775807	9
print(pcall(math.max)) -- expect: false	bad argument #1 to 'math.max' (value expected)
print(pcall(math.min)) -- expect: false	bad argument #1 to 'math.min' (value expected)
print(pcall(math.max, 1, {})) -- expect: false	attempt to compare number with table

-- log, exp
print(math.log(1), math.log(0), math.log(1024, 2), math.log(1000, 10), math.log(1/0, 2), math.log(9, 3), math.log(8, 2.0)) -- expect: 0.0	-inf	10.0	3.0	inf	2.0	3.0
print(math.log(2, 0), math.log(-1) ~= math.log(-1), math.exp(0)) -- expect: -0.0	true	1.0

-- misc
print(math.ult(0, -1), math.ult(-1, 0), math.ult(5, 5), math.ult(math.maxinteger, math.mininteger)) -- expect: true	false	false	true
print(pcall(math.ult, 1.5, 2)) -- expect: false	bad argument #1 to 'math.ult' (number has no integer representation)
print(pcall(math.ult, "a", 1)) -- expect: false	bad argument #1 to 'math.ult' (number expected, got string)
print(math.atan(1, 0), math.atan(-1, -1), math.atan(0, -1), math.atan(-0.0, -1), math.atan(1, 1)) -- expect: 1.5707963267949	-2.3561944901923	3.1415926535898	-3.1415926535898	0.78539816339745
print(pcall(math.floor)) -- expect: false	bad argument #1 to 'math.floor' (number expected, got no value)
print(pcall(math.floor, {})) -- expect: false	bad argument #1 to 'math.floor' (number expected, got table)
print(pcall(math.abs)) -- expect: false	bad argument #1 to 'math.abs' (number expected, got no value)
print(pcall(math.sqrt, "x")) -- expect: false	bad argument #1 to 'math.sqrt' (number expected, got string)
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger) -- expect: 3.1415926535898	inf	-inf	9223372036854775807	-9223372036854775808	true
print(math.abs(math.mininteger), math.abs(-0.0), math.abs("-3"), math.abs(-3)) -- expect: -9223372036854775808	0.0	3.0	3
print(math.tointeger(2^62), math.tointeger("8"), math.tointeger("8.0"), math.tointeger("0x10"), math.tointeger({}), math.tointeger(2^63)) -- expect: 4611686018427387904	8	8	16	nil	nil
print(pcall(math.tointeger)) -- expect: false	bad argument #1 to 'math.tointeger' (value expected)
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil)) -- expect: integer	float	nil	nil
print(pcall(math.type)) -- expect: false	bad argument #1 to 'math.type' (value expected)

-- random: sequences for fixed seeds match Lua 5.4's xoshiro256**
for _, seed in ipairs{0, 1, 42, -7, math.maxinteger, math.mininteger} do
  print(math.randomseed(seed)) -- expect: 0	0
  local t = {}
  for i = 1, 4 do t[#t + 1] = math.random(0) end
  for i = 1, 8 do t[#t + 1] = math.random(10) end
  for i = 1, 4 do t[#t + 1] = math.random(-3, 1000000007) end
  for i = 1, 2 do t[#t + 1] = string.format("%.17g", math.random()) end
  for i = 1, 2 do t[#t + 1] = math.random(math.mininteger, math.maxinteger) end
  for i = 1, 2 do t[#t + 1] = math.random(7, 7) end
  for i = 1, 2 do t[#t + 1] = math.random(0, 2^40) end
  print(table.concat(t, " "))
  -- expect: 4554719557422691265 4331835599999590920 1277915526958806955 -7628392839634014443 8 9 7 1 1 6 3 8 89925366 50279836 908978080 170097792 0.25081713683873941 0.96459496277179846 -8410360880488341369 1319620789141362927 7 7 564013252876 696995485096
  -- expect: 1	0
  -- expect: -3401804370673955427 -247601303632394777 1463393481460428193 9198441137422714871 7 9 8 5 3 2 3 7 609726255 997822673 168228613 403557745 0.18399669310926081 0.93101657422035367 -1771606051502646243 1502952447509874316 7 7 347264469345 226475590448
  -- expect: 42	0
  -- expect: -1276290044721465627 8333941968102511665 -8358531260401861301 -3807604385970496171 6 7 2 9 3 8 8 1 683667645 468598587 341537786 873529188 0.91699104711619106 0.92687834662879531 -4048306103081716727 -5551181838183337496 7 7 68261882563 497345298586
  -- expect: -7	0
  -- expect: -9189052916410167101 8114492888104973061 2595979366261090995 7874550904096552869 10 6 4 1 8 2 9 5 93422337 239864075 141074344 877886227 0.375085109050457 0.47731629820897703 -976187856540596853 8478859331343259910 7 7 980321290691 525927461136
  -- expect: 9223372036854775807	0
  -- expect: 2109649683840586809 5129503355334672232 1066408978206533352 3393585829705759053 10 7 8 8 10 10 9 5 863568227 151999600 669106858 364499134 0.12673777245159379 0.91245123101743664 -2263735369233068098 -1942462531040768429 7 7 499573481210 925386305770
  -- expect: -9223372036854775808	0
  -- expect: 5036059568217425151 4973990004745254833 -868762017530435276 2046947298972887762 4 10 3 8 5 8 8 7 496863763 179089728 382827461 741840178 0.11249687023642219 0.87798952705431654 2511868504958463895 6463556087993438869 7 7 265102043128 188725922442
end
print(math.randomseed(3, 4)) -- expect: 3	4
print(math.random(100), math.random(100), math.random(3.0)) -- expect: 61	34	2
print(pcall(math.random, 1, 2, 3)) -- expect: false	wrong number of arguments
print(pcall(math.random, 2, 1)) -- expect: false	bad argument #1 to 'math.random' (interval is empty)
print(pcall(math.random, 0, -1)) -- expect: false	bad argument #1 to 'math.random' (interval is empty)
print(pcall(math.random, 1.5)) -- expect: false	bad argument #1 to 'math.random' (number has no integer representation)
print(pcall(math.random, "x")) -- expect: false	bad argument #1 to 'math.random' (number expected, got string)
print(pcall(math.randomseed, 1.5)) -- expect: false	bad argument #1 to 'math.randomseed' (number has no integer representation)
local a, b = math.randomseed()
print(math.type(a), math.type(b)) -- expect: integer	integer
local inrange = true
for i = 1, 1000 do
  local r = math.random()
  local n = math.random(-5, 5)
  if r < 0 or r >= 1 or n < -5 or n > 5 then inrange = false end
end
print(inrange) -- expect: true

-- math.deg / math.rad (standard in 5.4, not compat-only; official math.lua:654)
print(math.deg(math.pi), math.rad(180) == math.pi, math.deg(0), math.type(math.deg(1))) -- expect: 180.0	true	0.0	float
print(math.deg(math.pi / 2) == 90, math.rad(90) == math.pi / 2, math.rad(-45) == -math.pi / 4) -- expect: true	true	true
print(pcall(math.deg, "x")) -- expect: false	bad argument #1 to 'math.deg' (number expected, got string)

-- 5.3 compatibility functions (PUC's default build defines LUA_COMPAT_5_3, as Debian's lua5.4)
print(math.pow(2, 10), math.ldexp(1, 3), math.log10(1000), math.cosh(0), math.sinh(0), math.tanh(0))
-- expect: 1024.0	8.0	3.0	1.0	0.0	0.0
print(math.frexp(8))
-- expect: 0.5	4
