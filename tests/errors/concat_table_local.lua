-- concatenating a table local
-- expect error: concat_table_local.lua:4: attempt to concatenate a table value (local 't')
local t = {}
print("value: " .. t)
