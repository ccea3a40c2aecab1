-- arithmetic on a table local
-- expect error: arith_table_local.lua:4: attempt to perform arithmetic on a table value (local 't')
local t = {}
print(-t)
