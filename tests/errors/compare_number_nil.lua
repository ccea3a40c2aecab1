-- comparing a number with nil
-- expect error: compare_number_nil.lua:4: attempt to compare number with nil
local x
print(1 < x)
