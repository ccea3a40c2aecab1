-- numloop.lua: loops.lua's integer and float loops inside functions (kernels called a few times).
local function ints(n)
  local acc = 0
  for i = 1, n do
    for j = 1, 1000 do
      acc = (acc + i * j + (i - j) % 7) % 1000000007
    end
  end
  return acc
end
local function floats(n)
  local facc = 0.0
  for i = 1, n do
    for j = 1, 1000 do
      facc = facc + (i + 0.5) / (j + 1.5)
    end
  end
  return facc
end
local function steps(limit)
  local w, k = 0, 0
  while k < limit do
    k = k + 3
    if k % 2 == 0 then w = w + 1 else w = w - 2 end
  end
  return w
end
local acc, facc, w = 0, 0.0, 0
for r = 1, 3 do
  acc = (acc + ints(1000)) % 1000000007
  facc = facc + floats(1000)
  w = w + steps(2000000)
end
print(string.format("numloop %d %.6f %d", acc, facc, w))
