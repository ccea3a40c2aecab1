-- bitwise operation on a float without integer representation
-- expect error: bitwise_float.lua:4: number (local 'f') has no integer representation
local f = 1.5
print(f | 0)
