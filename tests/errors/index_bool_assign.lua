-- assigning into a boolean
-- expect error: index_bool_assign.lua:4: attempt to index a boolean value (local 'b')
local b = false
b.x = 1
