-- strings are not coerced by bitwise operators
-- expect error: bitwise_string.lua:4: attempt to perform bitwise operation on a string value (local 's')
local s = "3"
print(s << 1)
