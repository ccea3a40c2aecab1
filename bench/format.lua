-- format.lua: string.format with integers, floats, strings, padding and %q.
local h, total = 0, 0
for i = 1, 150000 do
  local s = string.format("%5d|%-8s|%08.3f|%x|%5.1f%%|%s", i, "n" .. (i % 100), i / 7, i, (i % 1000) / 10, i % 3 == 0)
  total = total + #s
  h = (h * 31 + s:byte(#s - 4)) % 1000000007
end
local q = 0
for i = 1, 40000 do
  local s = string.format("%q", "line " .. i .. "\n\"quoted\"\0")
  q = q + #s
end
local g = 0
for i = 1, 100000 do
  g = g + #string.format("%g %e %.2f", i * 1.5, i / 3, i * 0.001)
end
print(string.format("format %d %d %d %d", total, h, q, g))
