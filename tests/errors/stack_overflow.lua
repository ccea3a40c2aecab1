-- infinite recursion
-- expect error: stack_overflow.lua:3: stack overflow
local function f() return 1 + f() end
f()
