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
print(collect(1, 5))
print(collect(5, 1))
print(collect(5, 1, -2))
print(collect(1, 0))
print(collect(1, 1))
print(collect(1, 3, 0.5))
print(collect(1.0, 3))
print(collect(1, 3.5))
print(collect(0.1, 0.35, 0.1))
print(collect(3, 1.5, -1))
print(collect(1, 2, 1.0))
-- loops near the integer limits never overflow
local maxi, mini = math.maxinteger, math.mininteger
print(collect(maxi - 2, maxi))
print(collect(mini + 2, mini, -1))
print(collect(maxi - 1, math.huge))
print(collect(mini, mini + 4, 2))
print(collect(maxi, maxi, 1), collect(maxi, maxi - 1))
print(collect(1, maxi, maxi))
print(collect(mini, maxi, maxi))
print(collect(-1, mini, mini))
print(collect(0, -math.huge, -maxi))
print(collect(1, 3.7e300, 2^62))
-- float limit clipping: integer loop with float limit
print(collect(1, 2.9), collect(-1, -2.9, -1), collect(3, 0.5, -1))
print(collect(1, -math.huge), collect(1, 0.5))
-- float loop with large values
local n = 0
for i = 1.0, 1e6, 1e5 do n = n + 1 end
print(n)
n = 0
for i = 2^53 - 4, 2^53 - 1 do n = n + 1 end
print(n)
-- the step is evaluated once, types of control variable
for i = 1, 2 do print(math.type(i)) end
for i = 1.0, 2 do print(math.type(i)) end
for i = 1, 2.0 do print(math.type(i)) end
-- modifying the loop variable does not affect iteration
local out = {}
for i = 1, 3 do
  local j = i
  i = i * 10
  out[#out + 1] = j .. ":" .. i
end
print(table.concat(out, " "))
-- errors
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 10 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
print(pcall(function() for i = "1", 2 do end end))
-- generic for: explicit iterator, state, control and closing value
local function iter(s, c) if c < s then return c + 1, c * c end end
for i, sq in iter, 3, 0 do print(i, sq) end
local closed = false
do
  local mt = { __close = function() closed = true end }
  for i in function(_, c) c = (c or 0) + 1; if c <= 2 then return c end end, nil, nil, setmetatable({}, mt) do
    print("gen", i)
  end
end
print("closed", closed)
closed = false
local ok = pcall(function()
  for i in next, {1}, nil, setmetatable({}, { __close = function() closed = true end }) do error("x") end
end)
print(ok, closed)
-- ipairs stops at first nil; pairs over array part in order
local t = {10, 20, nil, 40}
for i, v in ipairs(t) do print("ip", i, v) end
local s = 0
for k, v in pairs({1, 2, 3, 4, 5}) do s = s + k * v end
print(s)
-- break out of nested loops and while/repeat
local count = 0
for i = 1, 10 do
  for j = 1, 10 do
    if j > i then break end
    count = count + 1
  end
end
print(count)
local i = 0
repeat local k = i; i = i + 1 until k >= 3
print(i)
while true do i = i - 1; if i < 0 then break end end
print(i)
