-- gc.lua: GC-heavy allocation of short-lived tables, strings and closures with a small live set.
local live = {}
local LIVE = 2000
local h = 0
for i = 1, 800000 do
  local t = {i, i + 1, tag = "t"}
  if i % 3 == 0 then t.name = "obj" .. (i % 1000) end
  if i % 5 == 0 then t.fn = function() return i end end
  live[i % LIVE + 1] = t
  h = (h + #t + (t.fn and 1 or 0)) % 1000000007
end
local strs = 0
for i = 1, 300000 do
  local s = "s" .. i .. ":" .. (i * 7)
  strs = strs + #s
end
local tree
local function build(d) if d == 0 then return {} end return {build(d - 1), build(d - 1)} end
local function count(t) if t[1] == nil then return 1 end return count(t[1]) + count(t[2]) + 1 end
local nodes = 0
for i = 1, 10 do tree = build(14); nodes = nodes + count(tree) end
print(string.format("gc %d %d %d %d", h, strs, nodes, #live))
