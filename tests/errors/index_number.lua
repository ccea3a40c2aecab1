-- indexing a number
-- expect error: index_number.lua:4: attempt to index a number value (local 'n')
local n = 5
print(n.x)
