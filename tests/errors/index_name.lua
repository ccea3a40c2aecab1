-- __name appears in type errors
-- expect error: index_name.lua:4: attempt to perform arithmetic on a MyType value (local 'obj')
local obj = setmetatable({}, {__name = "MyType"})
local o = obj + 1
