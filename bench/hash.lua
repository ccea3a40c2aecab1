-- hash.lua: hash-part traffic with string keys (insert, lookup, update, delete, iterate).
local t = {}
local keys = {}
for i = 1, 200000 do keys[i] = "key" .. i end
for r = 1, 3 do
  for i = 1, #keys do t[keys[i]] = i + r end
end
local hits, sum = 0, 0
for r = 1, 3 do
  for i = 1, #keys, 3 do
    local v = t[keys[i]]
    if v then hits = hits + 1; sum = (sum + v) % 1000000007 end
  end
  for i = 2, #keys, 5 do t[keys[i]] = nil end
  for i = 2, #keys, 5 do t[keys[i]] = r end
end
local count = 0
for k, v in pairs(t) do count = count + 1 end
-- word frequency counting
local words = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do"}
local freq = {}
for i = 1, 150000 do
  local w = words[(i * 7) % #words + 1] .. (i % 50)
  freq[w] = (freq[w] or 0) + 1
end
local distinct = 0
for _ in pairs(freq) do distinct = distinct + 1 end
print(string.format("hash %d %d %d %d %d", hits, sum, count, distinct, freq["lorem0"] or 0))
