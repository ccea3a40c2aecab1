-- strbuild.lua: string building with table.concat and .., gsub, find, rep, sub, upper.
local parts = {}
for i = 1, 200000 do parts[#parts + 1] = "item" .. i end
local s = table.concat(parts, ",")
local n = 0
for _ in s:gmatch("item%d+5,") do n = n + 1 end
local replaced, count = s:gsub("item(%d+)", "<%1>")
local total = #replaced
local r2 = s:sub(1, 200000):gsub("%d", function(d) return d == "7" and "seven" or nil end)
local small = ""
for i = 1, 20000 do small = small .. (i % 10) end
local up = 0
for i = 1, 2000 do
  local line = ("abc def ghi "):rep(10) .. i
  up = up + #line:upper() + (line:find("ghi " .. i % 10, 1, true) or 0)
end
local csv = {}
for i = 1, 50000 do csv[i] = string.rep("x", i % 20) end
local joined = table.concat(csv, ";")
print(string.format("strbuild %d %d %d %d %d %d %d", #s, n, count, total, #r2, #small, up + #joined))
