-- calling a number
-- expect error: call_number.lua:4: attempt to call a number value (local 'n')
local n = 42
n()
