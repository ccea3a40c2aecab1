-- bitwise operation on a table field
-- expect error: bitwise_table.lua:4: attempt to perform bitwise operation on a table value (field 'x')
local t = {x = {}}
print(t.x & 1)
