-- table.insert checks its position.
local t = {1, 2}
table.insert(t, 4, "x")
-- expect error: bad argument #2 to 'insert' (position out of bounds)
