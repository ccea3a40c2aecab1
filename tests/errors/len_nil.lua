-- length of a nil local
-- expect error: len_nil.lua:4: attempt to get length of a nil value (local 'x')
local x
print(#x)
