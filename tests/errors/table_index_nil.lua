-- table index is nil
-- expect error: table_index_nil.lua:5: table index is nil
local t = {}
local k
t[k] = 1
