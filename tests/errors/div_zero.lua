-- integer division by zero
-- expect error: attempt to divide by zero
local a, b = 1, 0
print(a // b)
