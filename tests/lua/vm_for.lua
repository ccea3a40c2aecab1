-- vm_for.lua: numeric for (5.4 semantics: precomputed counts, no overflow, float limits) and generic for
local function run(a, b, c)
  local n, first, last = 0
  for i = a, b, c do n = n + 1; first = first or i; last = i end
  return n, first, last
end
print(run(1, 10, 1)) -- expect: 10	1	10
print(run(10, 1, -1)) -- expect: 10	10	1
print(run(1, 0, 1)) -- expect: 0	nil	nil
print(run(math.maxinteger - 5, math.maxinteger, 2)) -- expect: 3	9223372036854775802	9223372036854775806
print(run(math.mininteger, math.mininteger + 10, 5)) -- expect: 3	-9223372036854775808	-9223372036854775798
print(run(math.maxinteger, math.mininteger, math.mininteger)) -- expect: 2	9223372036854775807	-1
print(run(math.mininteger, math.maxinteger, math.maxinteger)) -- expect: 3	-9223372036854775808	9223372036854775806
print(run(0, 1, math.maxinteger)) -- expect: 1	0	0
print(run(math.maxinteger - 2, math.maxinteger, 1)) -- expect: 3	9223372036854775805	9223372036854775807
print(run(math.mininteger + 2, math.mininteger, -1)) -- expect: 3	-9223372036854775806	-9223372036854775808
-- float limits are floored/ceiled; huge ones are clipped
print(run(1, 3.7, 1)) -- expect: 3	1	3
print(run(3, 0.5, -1)) -- expect: 3	3	1
print(run(1, 1e100, 1 << 62)) -- expect: 2	1	4611686018427387905
print(run(1, -1e100, 1)) -- expect: 0	nil	nil
print(run(math.maxinteger, 1e300, 1)) -- expect: 1	9223372036854775807	9223372036854775807
print(run(-3, -1e300, -1 << 60)) -- expect: 8	-3	-8070450532247928835
print(run(1, math.huge, 1 << 62)) -- expect: 2	1	4611686018427387905
print(run(1, -math.huge, 1)) -- expect: 0	nil	nil
print(run(1, 0/0, 1)) -- expect: 0	nil	nil
print(run(1, math.mininteger + 0.0, -1 << 62)) -- expect: 3	1	-9223372036854775807
-- float loops
print(run(1.0, 2.0, 0.25)) -- expect: 5	1.0	2.0
print(run(0.1, 0.35, 0.1)) -- expect: 3	0.1	0.3
print(run(1, 2, 0.5)) -- expect: 3	1.0	2.0
print(run(1.5, -1, -0.5)) -- expect: 6	1.5	-1.0
print(run(1, 3, math.huge)) -- expect: 1	1.0	1.0
print(run(1.0, 0/0, 1)) -- expect: 1	1.0	1.0
print(math.type((select(2, run(1, 2, 1)))), math.type((select(2, run(1.0, 2, 1)))), math.type((select(2, run(1, 2, 1.0))))) -- expect: integer	float	float
-- strings are converted
print(run("1", 3, 1)) -- expect: 3	1.0	3.0
print(run(1, "3", 1)) -- expect: 3	1	3
-- errors
print(pcall(run, 1, 10, 0)) -- expect: false	vm_for.lua:4: 'for' step is zero
print(pcall(run, 1.0, 10, 0)) -- expect: false	vm_for.lua:4: 'for' step is zero
print(pcall(run, 1, {}, 1)) -- expect: false	vm_for.lua:4: bad 'for' limit (number expected, got table)
print(pcall(run, nil, 1, 1)) -- expect: false	vm_for.lua:4: bad 'for' initial value (number expected, got nil)
print(pcall(run, 1, 2, "x")) -- expect: false	vm_for.lua:4: bad 'for' step (number expected, got string)
-- the control variable is a copy
local s = ""
for i = 1, 3 do local j = i; i = 10; s = s .. j .. " " end
print(s) -- expect: 1 2 3 
for i = 3, 1 do print("never") end
-- generic for: closing value is closed on break and on normal end
local function iter(t, i) i = i + 1; if t[i] then return i, t[i] end end
local log = {}
local function closer(name) return setmetatable({}, {__close = function() log[#log + 1] = name end}) end
for i, v in iter, {10, 20, 30}, 0, closer("brk") do if i == 2 then break end end
for i, v in iter, {10, 20}, 0, closer("end") do end
print(table.concat(log, ",")) -- expect: brk,end
local ok = pcall(function() for i in iter, {1}, 0, closer("err") do error("x") end end)
print(ok, table.concat(log, ",")) -- expect: false	brk,end,err
local function f() for i in iter, {1, 2}, 0, closer("ret") do return i end end
print(f(), table.concat(log, ",")) -- expect: 1	brk,end,err,ret
-- generic for with a callable table iterator and many loop variables
local it = setmetatable({}, {__call = function(self, s, c) if c < 3 then return c + 1, c * 10, "z" end end})
local acc = {}
for a, b, c, d in it, nil, 0 do acc[#acc + 1] = a .. ":" .. b .. ":" .. c .. ":" .. tostring(d) end
print(table.concat(acc, " ")) -- expect: 1:0:z:nil 2:10:z:nil 3:20:z:nil
print(pcall(function() for x in 42 do end end)) -- expect: false	vm_for.lua:66: attempt to call a number value (for iterator 'for iterator')
-- ipairs/pairs/next
local parts = {}
for i, v in ipairs({"a", "b", nil, "d"}) do parts[#parts + 1] = i .. v end
print(table.concat(parts, ",")) -- expect: 1a,2b
local n = 0
for k, v in pairs({1, 2, 3, x = 1, y = 2}) do n = n + 1 end
print(n) -- expect: 5
-- goto continue idiom
local odd = {}
for i = 1, 9 do
  if i % 2 == 0 then goto continue end
  odd[#odd + 1] = i
  ::continue::
end
print(table.concat(odd, ",")) -- expect: 1,3,5,7,9
-- nested loops with closures capturing both variables
local cs = {}
for i = 1, 2 do for j = 1, 2 do cs[#cs + 1] = function() return i * 10 + j end end end
print(cs[1](), cs[2](), cs[3](), cs[4]()) -- expect: 11	12	21	22
-- while and repeat scoping
local w = 0
while true do w = w + 1; if w >= 5 then break end end
local r = 0
repeat local z = r; r = r + 1 until z >= 3
print(w, r) -- expect: 5	4
