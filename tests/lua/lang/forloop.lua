-- Numeric and generic for loops: integer overflow rules, float loops, loop-variable copies.
local function collect(a, b, c)
  local t = {}
  if c then
    for i = a, b, c do t[#t + 1] = i; if #t > 20 then break end end
  else
    for i = a, b do t[#t + 1] = i; if #t > 20 then break end end
  end
  return table.concat(t, " ")
end
print(collect(1, 5)) -- expect: 1 2 3 4 5
print(collect(5, 1)) -- expect: 
print(collect(5, 1, -2)) -- expect: 5 3 1
print(collect(1, 0)) -- expect: 
print(collect(1, 1)) -- expect: 1
print(collect(1, 3, 0.5)) -- expect: 1.0 1.5 2.0 2.5 3.0
print(collect(1.0, 3)) -- expect: 1.0 2.0 3.0
print(collect(1, 3.5)) -- expect: 1 2 3
print(collect(0.1, 0.35, 0.1)) -- expect: 0.1 0.2 0.3
print(collect(3, 1.5, -1)) -- expect: 3 2
print(collect(1, 2, 1.0)) -- expect: 1.0 2.0
-- loops near the integer limits never overflow
local maxi, mini = math.maxinteger, math.mininteger
print(collect(maxi - 2, maxi)) -- expect: 9223372036854775805 9223372036854775806 9223372036854775807
print(collect(mini + 2, mini, -1)) -- expect: -9223372036854775806 -9223372036854775807 -9223372036854775808
print(collect(maxi - 1, math.huge)) -- expect: 9223372036854775806 9223372036854775807
print(collect(mini, mini + 4, 2)) -- expect: -9223372036854775808 -9223372036854775806 -9223372036854775804
print(collect(maxi, maxi, 1), collect(maxi, maxi - 1)) -- expect: 9223372036854775807	
print(collect(1, maxi, maxi)) -- expect: 1
print(collect(mini, maxi, maxi)) -- expect: -9223372036854775808 -1 9223372036854775806
print(collect(-1, mini, mini)) -- expect: -1
print(collect(0, -math.huge, -maxi)) -- expect: 0 -9223372036854775807
print(collect(1, 3.7e300, 2^62)) -- expect: 1.0 4.6116860184274e+18 9.2233720368548e+18 1.3835058055282e+19 1.844674407371e+19 2.3058430092137e+19 2.7670116110564e+19 3.2281802128992e+19 3.6893488147419e+19 4.1505174165846e+19 4.6116860184274e+19 5.0728546202701e+19 5.5340232221129e+19 5.9951918239556e+19 6.4563604257983e+19 6.9175290276411e+19 7.3786976294838e+19 7.8398662313266e+19 8.3010348331693e+19 8.762203435012e+19 9.2233720368548e+19
-- float limit clipping: integer loop with float limit
print(collect(1, 2.9), collect(-1, -2.9, -1), collect(3, 0.5, -1)) -- expect: 1 2	-1 -2	3 2 1
print(collect(1, -math.huge), collect(1, 0.5)) -- expect: 	
-- float loop with large values
local n = 0
for i = 1.0, 1e6, 1e5 do n = n + 1 end
print(n) -- expect: 10
n = 0
for i = 2^53 - 4, 2^53 - 1 do n = n + 1 end
print(n) -- expect: 4
-- the step is evaluated once, types of control variable
for i = 1, 2 do print(math.type(i)) end
-- expect: integer
-- expect: integer
for i = 1.0, 2 do print(math.type(i)) end
-- expect: float
-- expect: float
for i = 1, 2.0 do print(math.type(i)) end
-- expect: integer
-- expect: integer
-- modifying the loop variable does not affect iteration
local out = {}
for i = 1, 3 do
  local j = i
  i = i * 10
  out[#out + 1] = j .. ":" .. i
end
print(table.concat(out, " ")) -- expect: 1:10 2:20 3:30
-- errors
print(pcall(function() for i = 1, 10, 0 do end end)) -- expect: false	forloop.lua:63: 'for' step is zero
print(pcall(function() for i = 1.0, 10, 0.0 do end end)) -- expect: false	forloop.lua:64: 'for' step is zero
print(pcall(function() for i = "a", 10 do end end)) -- expect: false	forloop.lua:65: bad 'for' initial value (number expected, got string)
print(pcall(function() for i = 1, {} do end end)) -- expect: false	forloop.lua:66: bad 'for' limit (number expected, got table)
print(pcall(function() for i = 1, 2, "x" do end end)) -- expect: false	forloop.lua:67: bad 'for' step (number expected, got string)
print(pcall(function() for i = "1", 2 do end end)) -- expect: true
-- generic for: explicit iterator, state, control and closing value
local function iter(s, c) if c < s then return c + 1, c * c end end
for i, sq in iter, 3, 0 do print(i, sq) end
-- expect: 1	0
-- expect: 2	1
-- expect: 3	4
local closed = false
do
  local mt = { __close = function() closed = true end }
  for i in function(_, c) c = (c or 0) + 1; if c <= 2 then return c end end, nil, nil, setmetatable({}, mt) do
    print("gen", i)
    -- expect: gen	1
    -- expect: gen	2
  end
end
print("closed", closed) -- expect: closed	true
closed = false
local ok = pcall(function()
  for i in next, {1}, nil, setmetatable({}, { __close = function() closed = true end }) do error("x") end
end)
print(ok, closed) -- expect: false	true
-- ipairs stops at first nil; pairs over array part in order
local t = {10, 20, nil, 40}
for i, v in ipairs(t) do print("ip", i, v) end
-- expect: ip	1	10
-- expect: ip	2	20
local s = 0
for k, v in pairs({1, 2, 3, 4, 5}) do s = s + k * v end
print(s) -- expect: 55
-- break out of nested loops and while/repeat
local count = 0
for i = 1, 10 do
  for j = 1, 10 do
    if j > i then break end
    count = count + 1
  end
end
print(count) -- expect: 55
local i = 0
repeat local k = i; i = i + 1 until k >= 3
print(i) -- expect: 4
while true do i = i - 1; if i < 0 then break end end
print(i) -- expect: -1
