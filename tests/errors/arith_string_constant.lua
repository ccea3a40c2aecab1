-- arithmetic on a string that is not a number (string metamethods)
-- expect error: arith_string_constant.lua:4: attempt to add a 'number' with a 'string'
local n = 1
print(n + "ten")
