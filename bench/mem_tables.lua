-- mem_tables.lua: table-heavy live set for bench/mem.sh: 2M small tables (two hash fields each) plus 1M string keys, all alive at the end.
local objs = {}
for i = 1, 2000000 do
  objs[i] = {x = i, y = i + 1}
end
local byname = {}
for i = 1, 1000000 do
  byname["key" .. i] = i
end
local s = 0
for i = 1, #objs, 1000 do s = s + objs[i].x + objs[i].y end
for i = 1, 1000000, 1000 do s = s + byname["key" .. i] end
print(string.format("mem_tables %d %d", #objs, s))
