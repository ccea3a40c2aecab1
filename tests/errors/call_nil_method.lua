-- calling a missing method
-- expect error: call_nil_method.lua:4: attempt to call a nil value (method 'method')
local obj = {}
obj:method()
