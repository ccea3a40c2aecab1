-- array.lua: table array traffic (sieve, prefix sums, matrix multiplication, insert/remove).
local N = 2000000
local sieve = {}
for i = 1, N do sieve[i] = true end
for i = 2, math.floor(math.sqrt(N)) do
  if sieve[i] then
    for j = i * i, N, i do sieve[j] = false end
  end
end
local primes = 0
for i = 2, N do if sieve[i] then primes = primes + 1 end end

local a = {}
for i = 1, 300000 do a[i] = (i * 7919) % 1000 end
for i = 2, #a do a[i] = (a[i] + a[i - 1]) % 1000003 end

local M = 70
local A, B, C = {}, {}, {}
for i = 1, M do
  A[i], B[i], C[i] = {}, {}, {}
  for j = 1, M do A[i][j] = (i + j) % 10; B[i][j] = (i * j) % 10; C[i][j] = 0 end
end
for i = 1, M do
  local Ai, Ci = A[i], C[i]
  for j = 1, M do
    local s = 0
    for k = 1, M do s = s + Ai[k] * B[k][j] end
    Ci[j] = s
  end
end
local trace = 0
for i = 1, M do trace = trace + C[i][i] end

local stack = {}
for r = 1, 20 do
  for i = 1, 10000 do stack[#stack + 1] = i end
  for i = 1, 10000 do stack[#stack] = nil end
end
print(string.format("array %d %d %d %d", primes, a[#a], trace, #stack))
