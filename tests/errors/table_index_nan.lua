-- table index is NaN (5.4.4 says "table index is NaN", 5.4.6 "index is NaN")
-- expect error: table_index_nan.lua:5: 
-- expect error: index is NaN
local t = {}
t[0/0] = 1
