-- missing method on a string value
-- expect error: call_string_method.lua:4: attempt to call a nil value (method 'nosuch')
local s = "abc"
s:nosuch()
