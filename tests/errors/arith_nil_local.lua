-- arithmetic on a nil local
-- expect error: arith_nil_local.lua:4: attempt to perform arithmetic on a nil value (local 'x')
local x
print(x + 1)
