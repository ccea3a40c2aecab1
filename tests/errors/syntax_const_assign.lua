-- assignment to a const variable
-- expect error: syntax_const_assign.lua:4: attempt to assign to const variable 'x'
local x <const> = 1
x = 2
