-- table library: insert/remove/move bounds, concat, pack/unpack limits, sort (orders, errors), metamethod-based tables.
local function show(t, n)
  local o = {}
  for i = 1, (n or #t) do o[#o + 1] = tostring(t[i]) end
  return table.concat(o, ",")
end

-- insert
local t = {1, 2, 3}
table.insert(t, 4); table.insert(t, 1, 0); table.insert(t, 6, 5)
print(show(t)) -- expect: 0,1,2,3,4,5
print(pcall(table.insert, t, 8, 1)) -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, t, 0, 1)) -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, t, -1, 1)) -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, t, 1, 2, 3)) -- expect: false	wrong number of arguments to 'insert'
print(pcall(table.insert, t)) -- expect: false	wrong number of arguments to 'insert'
print(pcall(table.insert)) -- expect: false	bad argument #1 to 'table.insert' (table expected, got no value)
print(pcall(table.insert, nil, 1)) -- expect: false	bad argument #1 to 'table.insert' (table expected, got nil)
print(pcall(table.insert, t, "x", 1)) -- expect: false	bad argument #2 to 'table.insert' (number expected, got string)
print(pcall(table.insert, t, 1.5, 1)) -- expect: false	bad argument #2 to 'table.insert' (number has no integer representation)
print(pcall(table.insert, t, "2", "s"), t[2]) -- expect: true	s
local e = {}
table.insert(e, 1, "a"); table.insert(e, "b"); table.insert(e, nil); print(show(e), #e) -- expect: a,b	2

-- remove (5.4.6 blames argument #2 for a bad position, 5.4.4 #1: accepted outside tycho)
local function rmerr(...)
  local ok, e = pcall(table.remove, ...)
  if rawget(_G, "tycho") == nil then e = e:gsub("^bad argument #1 to 'table.remove' %(position", "bad argument #2 to 'table.remove' (position") end
  return ok, e
end
print(table.remove(t), table.remove(t, 1), show(t)) -- expect: 5	0	s,1,2,3,4
print(table.remove({}), table.remove({}, 0), table.remove({}, 1)) -- expect: nil	nil	nil
print(rmerr({}, 2)) -- expect: false	bad argument #2 to 'table.remove' (position out of bounds)
print(rmerr({}, -1)) -- expect: false	bad argument #2 to 'table.remove' (position out of bounds)
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0], table.remove(z), z[0]) -- expect: zero	nil	nil	nil
local u = {1, 2, 3}
print(table.remove(u, 4), show(u)) -- expect: nil	1,2,3
print(rmerr(u, 5)) -- expect: false	bad argument #2 to 'table.remove' (position out of bounds)
print(table.remove(u, 1), table.remove(u, 1), table.remove(u, 1), table.remove(u, 1), #u) -- expect: 1	2	3	nil	0
print(pcall(table.remove)) -- expect: false	bad argument #1 to 'table.remove' (table expected, got no value)

-- move
print(show(table.move({1, 2, 3, 4, 5}, 2, 4, 1))) -- expect: 2,3,4,4,5
print(show(table.move({1, 2, 3, 4, 5}, 1, 3, 3))) -- expect: 1,2,1,2,3
print(show(table.move({1, 2, 3, 4, 5}, 1, 5, 2))) -- expect: 1,1,2,3,4,5
print(show(table.move({1, 2, 3}, 1, 3, 1, {}))) -- expect: 1,2,3
print(show(table.move({1, 2, 3}, 1, 0, 1, {9}))) -- expect: 9
local a1 = {1, 2, 3}
print(table.move(a1, 1, 3, 1) == a1, table.move(a1, 1, 3, 1, {}) ~= a1) -- expect: true	true
print(show(table.move({1, 2, 3}, 2, 3, 2, {"x", "y", "z"}))) -- expect: x,2,3
print(pcall(table.move, {}, 1, 2)) -- expect: false	bad argument #4 to 'table.move' (number expected, got no value)
print(pcall(table.move, {}, math.mininteger, -1, 1)) -- expect: false	bad argument #3 to 'table.move' (too many elements to move)
print(pcall(table.move, {}, 0, math.maxinteger, 1)) -- expect: false	bad argument #3 to 'table.move' (too many elements to move)
print(pcall(table.move, {1, 2}, 1, 2, math.maxinteger)) -- expect: false	bad argument #4 to 'table.move' (destination wrap around)
print(pcall(table.move, 1, 1, 2, 3)) -- expect: false	bad argument #1 to 'table.move' (table expected, got number)
print(pcall(table.move, {}, 1, 2, 3, 4)) -- expect: false	bad argument #5 to 'table.move' (table expected, got number)
print(show(table.move({[math.maxinteger - 1] = "a", [math.maxinteger] = "b"}, math.maxinteger - 1, math.maxinteger, 1))) -- expect: a,b

-- concat
print(table.concat({1, 2.5, "x"}, ", "), table.concat({}, "x"), table.concat({1, 2, 3}, "", 2)) -- expect: 1, 2.5, x		23
print(table.concat({1, 2, 3}, ",", 3, 2), table.concat({"a", "b"}, "|", 1, 2), table.concat({"a"}, 1)) -- expect: 	a|b	a
print(table.concat({1, 2, 3}, nil), table.concat({[-1] = "m", [0] = "z", "a"}, "", -1, 1)) -- expect: 123	mza
print(pcall(table.concat, {1, nil, 3}, ",", 1, 3)) -- expect: false	invalid value (nil) at index 2 in table for 'concat'
print(pcall(table.concat, {true})) -- expect: false	invalid value (boolean) at index 1 in table for 'concat'
print(pcall(table.concat, {{}})) -- expect: false	invalid value (table) at index 1 in table for 'concat'
print(pcall(table.concat, {}, {})) -- expect: false	bad argument #2 to 'table.concat' (string expected, got table)
print(pcall(table.concat, 1)) -- expect: false	bad argument #1 to 'table.concat' (table expected, got number)
print(pcall(table.concat, {}, ",", math.maxinteger, math.maxinteger)) -- expect: false	invalid value (nil) at index 9223372036854775807 in table for 'concat'
print(table.concat({}, ",", math.maxinteger, math.maxinteger - 1) == "") -- expect: true

-- pack / unpack
local pk = table.pack(1, nil, 3)
print(pk.n, pk[1], pk[2], pk[3]) -- expect: 3	1	nil	3
print(table.pack().n, next(table.pack(), nil)) -- expect: 0	n	0
print(table.unpack({1, 2, 3})) -- expect: 1	2	3
print(table.unpack({1, 2, 3}, 2)) -- expect: 2	3
print(table.unpack({1, 2, 3}, 2, 5)) -- expect: 2	3	nil	nil
print(table.unpack({1, 2}, -1, 1)) -- expect: nil	nil	1
print(select('#', table.unpack({}, 1, 0)), select('#', table.unpack({}, 5, 4))) -- expect: 0	0
print(table.unpack({}, math.maxinteger, math.maxinteger), table.unpack({}, math.mininteger, math.mininteger)) -- expect: nil	nil
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger)) -- expect: false	too many results to unpack
print(pcall(table.unpack, {}, 1, 1e7)) -- expect: false	too many results to unpack
print(pcall(table.unpack, {}, 0, math.maxinteger)) -- expect: false	too many results to unpack
print(pcall(table.unpack)) -- expect: false	attempt to get length of a nil value
print(pcall(table.unpack, nil)) -- expect: false	attempt to get length of a nil value
print(table.unpack(setmetatable({}, {__index = function(_, k) return k * k end}), 1, 4)) -- expect: 1	4	9	16

-- sort
local function sorted(tt, f) table.sort(tt, f); return show(tt) end
print(sorted({5, 3, 1, 4, 2}), sorted({"b", "a", "c"}), sorted({3, 1, 2}, function(a, b) return a > b end)) -- expect: 1,2,3,4,5	a,b,c	3,2,1
print(sorted({}), sorted({1}), sorted({2, 1}), sorted({1, 1, 1, 1, 1, 1}), sorted({2.5, 1, -3, 1e10, -1/0, 1/0})) -- expect: 	1	1,2	1,1,1,1,1,1	-inf,-3,1,2.5,10000000000.0,inf
print(select(2, pcall(table.sort, {1, "a", 2})):match("^attempt to compare %a+ with %a+$") ~= nil) -- expect: true
print(pcall(table.sort, {1, 2, 3}, 1)) -- expect: false	bad argument #2 to 'table.sort' (function expected, got number)
print(pcall(table.sort, {{}, {}})) -- expect: false	attempt to compare two table values
print(pcall(table.sort)) -- expect: false	bad argument #1 to 'table.sort' (table expected, got no value)
for _, n in ipairs{4, 5, 6, 10, 100} do
  local a = {}
  for i = 1, n do a[i] = i end
  print(n, pcall(table.sort, a, function(x, y) assert(x and y); return true end))
  -- expect: 4	false	invalid order function for sorting
  -- expect: 5	false	invalid order function for sorting
  -- expect: 6	false	invalid order function for sorting
  -- expect: 10	false	invalid order function for sorting
  -- expect: 100	false	invalid order function for sorting
end
math.randomseed(7)
for _, n in ipairs{50, 1000, 20000} do
  local ok = true
  local function check(a, f)
    for i = 2, #a do if f(a[i], a[i - 1]) then ok = false end end
  end
  local lt = function(x, y) return x < y end
  local gt = function(x, y) return x > y end
  local a = {} for i = 1, n do a[i] = math.random(1, n // 3) end
  table.sort(a); check(a, lt)
  local b = {} for i = 1, n do b[i] = n - i end
  table.sort(b); check(b, lt)
  local c = {} for i = 1, n do c[i] = i end
  table.sort(c, gt); check(c, gt)
  local d = {} for i = 1, n do d[i] = (i % 2 == 0) and i or -i end
  table.sort(d); check(d, lt)
  local s = {} for i = 1, n do s[i] = tostring(math.random(1, 1000)) end
  table.sort(s); check(s, lt)
  local f = {} for i = 1, n do f[i] = 5 end
  table.sort(f); check(f, lt)
  print(n, ok)
  -- expect: 50	true
  -- expect: 1000	true
  -- expect: 20000	true
end
local words = {"banana", "apple", "cherry", "date", "fig", "elder"}
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(show(words)) -- expect: fig,date,apple,elder,banana,cherry
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i = 1, 10 do objs[i] = setmetatable({v = (i * 7) % 10}, mt) end
table.sort(objs)
local o = {}
for i = 1, 10 do o[i] = objs[i].v end
print(table.concat(o, " ")) -- expect: 0 1 2 3 4 5 6 7 8 9
print(pcall(table.sort, setmetatable({}, {__len = function() return math.maxinteger end}))) -- expect: false	bad argument #1 to 'table.sort' (array too big)
local calls = 0
table.sort({3, 1, 2}, function(x, y) calls = calls + 1; return x < y end)
print(calls > 0) -- expect: true

-- tables through metamethods (__index/__newindex/__len)
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return k * 2 end,
  __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end,
  __len = function() return 3 end})
table.insert(proxy, "x")
table.insert(proxy, 1, "y")
print(table.concat(log, " ")) -- expect: 4=x 4=6 3=4 2=2 1=y
print(table.concat(proxy, "-"), table.unpack(proxy)) -- expect: 2-4-6	2	4	6
print(table.remove(proxy), table.concat(log, " ")) -- expect: 6	4=x 4=6 3=4 2=2 1=y 3=nil
print(pcall(table.insert, io.stdout, 1)) -- expect: false	bad argument #1 to 'table.insert' (table expected, got FILE*)
print(pcall(table.concat, io.stdout)) -- expect: false	bad argument #1 to 'table.concat' (table expected, got FILE*)
local store = {}
local ud = setmetatable({}, {__index = store, __newindex = store, __len = function() return #store end})
table.insert(ud, "a"); table.insert(ud, "b"); table.insert(ud, 1, "c")
print(table.concat(store, ","), #ud) -- expect: c,a,b	3
table.sort(ud)
print(table.concat(store, ",")) -- expect: a,b,c
print(table.remove(ud, 1), table.concat(store, ",")) -- expect: a	b,c
print(show(table.move(ud, 1, 2, 1, {}))) -- expect: b,c
