-- sort.lua: table.sort with a comparator over records, plus sort of plain numbers and strings.
local seed = 42
local function rand(n) seed = (seed * 16807) % 2147483647; return seed % n end
local recs = {}
for i = 1, 60000 do recs[i] = {id = i, age = rand(100), name = "n" .. rand(100000)} end
table.sort(recs, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  if a.name ~= b.name then return a.name < b.name end
  return a.id < b.id
end)
local h = 0
for i = 1, #recs, 97 do h = (h * 31 + recs[i].id) % 1000000007 end
local nums = {}
for i = 1, 100000 do nums[i] = rand(1000000) end
table.sort(nums)
table.sort(nums, function(a, b) return a > b end)
local strs = {}
for i = 1, 50000 do strs[i] = tostring(rand(1000000)) end
table.sort(strs)
print(string.format("sort %d %d %d %s %s", h, nums[1], nums[#nums], strs[1], strs[#strs]))
