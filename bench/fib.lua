-- fib.lua: recursive calls (naive Fibonacci).
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local s = 0
for i = 1, 3 do s = s + fib(29 + i) end
print(string.format("fib %d", s))
