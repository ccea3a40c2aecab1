-- integer modulo by zero
-- expect error: attempt to perform 'n%0'
local a, b = 1, 0
print(a % b)
