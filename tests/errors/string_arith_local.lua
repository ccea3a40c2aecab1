-- numeric-string coercion fails for non-numeric strings (string metamethods)
local s = "abc"
print(s * 2)
-- expect error: string_arith_local.lua:3: attempt to mul a 'string' with a 'number'
