-- arithmetic on a nil upvalue
-- expect error: arith_nil_upvalue.lua:4: attempt to perform arithmetic on a nil value (upvalue 'up')
local up
local function f() return up - 1 end
f()
