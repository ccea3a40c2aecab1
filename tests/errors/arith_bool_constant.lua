-- arithmetic on a boolean
-- expect error: arith_bool_constant.lua:4: attempt to perform arithmetic on a boolean value (local 'b')
local b = true
print(b / 2)
