-- Tables: key normalization, NaN/nil keys, borders, constructors, varargs in constructors.
local t = {}
t[1.0] = "one"; t[2] = "two"; t[2^53] = "big"
print(t[1], t[1.0], t[2.0], t[2^53 | 0], math.type(next({[3.0] = 1}))) -- expect: one	one	two	big	integer
t[-0.0] = "zero"
print(t[0], t[0.0], t[-0.0]) -- expect: zero	zero	zero
t[1.5] = "frac"
print(t[1.5], t[3 / 2], t["1"], t["1.5"]) -- expect: frac	frac	nil	nil
-- "table index is nil/NaN" (5.4.4 and 5.4.6; 5.4.7 drops "table ")
local function idxerr(f, ...) return pcall(f, ...) end
print(idxerr(function() t[0 / 0] = 1 end)) -- expect: false	tables.lua:11: table index is NaN
print(idxerr(function() t[nil] = 1 end)) -- expect: false	tables.lua:12: table index is nil
print(t[nil], t[0 / 0], rawget(t, 0 / 0)) -- expect: nil	nil	nil
print(idxerr(rawset, t, 0 / 0, 1)) -- expect: false	table index is NaN
-- keys of all types
local f, co, ud = function() end, coroutine.create(function() end), io.stdout
local k = {}
local kt = {[true] = "T", [false] = "F", [f] = "fn", [co] = "co", [ud] = "ud", [k] = "tab", [math.pi] = "pi"}
print(kt[true], kt[false], kt[f], kt[co], kt[ud], kt[k], kt[math.pi], kt[{}]) -- expect: T	F	fn	co	ud	tab	pi	nil
-- length / border
print(#{}, #{1, 2, 3}, #{1, 2, 3, nil}, #{nil}, #{n = 1}) -- expect: 0	3	3	0	0
local a = {}
for i = 1, 100 do a[i] = i end
print(#a) -- expect: 100
a[100] = nil
print(#a) -- expect: 99
for i = 1, 50 do a[#a] = nil end
print(#a) -- expect: 49
local b = {}
b[1] = 1; b[2] = 2; b[4] = 4
local n = #b
print(n == 2 or n == 4) -- expect: true
-- constructors
local c = {1, 2, 3; x = "x", ["y"] = "y", [10] = 10, 4}
print(c[1], c[2], c[3], c[4], c.x, c.y, c[10], #c) -- expect: 1	2	3	4	x	y	10	4
local nest = {{1, {2, {3, {4}}}}, {a = {b = {c = "deep"}}}}
print(nest[1][2][2][2][1], nest[2].a.b.c) -- expect: 4	deep
local function three() return 1, 2, 3 end
local function none() end
print(#{three()}, #{three(), three()}, #{(three())}, #{three(), 10}, #{none()}) -- expect: 3	4	1	2	0
local function pk(...) return {...}, select("#", ...) end
local p, cnt = pk(1, nil, 3, nil)
print(cnt, p[1], p[2], p[3], p[4]) -- expect: 4	1	nil	3	nil
local q = table.pack(three())
print(q.n, q[3]) -- expect: 3	3
local big = {}
for i = 1, 300 do big[i] = i end
local r = {table.unpack(big)}
print(#r, r[300]) -- expect: 300	300
-- trailing separators
local ts = {1, 2, 3,}
local ts2 = {x = 1; y = 2;}
print(#ts, ts2.x + ts2.y) -- expect: 3	3
-- nil values and next
local h = {a = 1, b = 2, c = 3}
h.b = nil
local keys = {}
for key in pairs(h) do keys[#keys + 1] = key end
table.sort(keys)
print(table.concat(keys, ",")) -- expect: a,c
-- assignments during traversal (clearing fields is allowed)
local m = {}
for i = 1, 20 do m["k" .. i] = i end
local total = 0
for key, v in pairs(m) do total = total + v; m[key] = nil end
print(total, next(m)) -- expect: 210	nil
print(pcall(next, {}, "nokey")) -- expect: false	invalid key to 'next'
-- integer keys in the hash part and float keys that are integral
local hk = {}
hk[1000000] = 1; hk[-1] = 2; hk[0] = 3; hk[2^40] = 4
print(hk[1e6], hk[-1.0], hk[0], hk[2.0^40], hk[math.mininteger]) -- expect: 1	2	3	4	nil
-- table identity and equality
local x, y = {}, {}
print(x == y, x == x, rawequal(x, x), rawlen({1, 2}), rawlen("abc")) -- expect: false	true	true	2	3
-- many fields grow and rehash correctly
local g = {}
for i = 1, 10000 do g[i * 2] = i; g["s" .. i] = i end
local ok = true
for i = 1, 10000 do if g[i * 2] ~= i or g["s" .. i] ~= i then ok = false end end
print(ok) -- expect: true
-- negative-zero key and integer conversion in lookups
local z = {[0] = "zero"}
print(z[-0.0], z[0.0]) -- expect: zero	zero
