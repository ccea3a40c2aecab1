-- loops.lua: numeric loops with integer and float arithmetic.
local n = 3000
local acc, facc = 0, 0.0
for i = 1, n do
  for j = 1, 1000 do
    acc = (acc + i * j + (i - j) % 7) % 1000000007
    facc = facc + (i + 0.5) / (j + 1.5)
  end
end
local w, k = 0, 0
while k < 2000000 do
  k = k + 3
  if k % 2 == 0 then w = w + 1 else w = w - 2 end
end
print(string.format("loops %d %.6f %d", acc, facc, w))
