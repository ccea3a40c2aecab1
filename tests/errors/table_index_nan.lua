-- table index is NaN
-- expect error: table_index_nan.lua:4: table index is NaN
local t = {}
t[0/0] = 1
