-- table index is nil (5.4.4 says "table index is nil", 5.4.6 "index is nil")
-- expect error: table_index_nil.lua:6: 
-- expect error: index is nil
local t = {}
local k
t[k] = 1
