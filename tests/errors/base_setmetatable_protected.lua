-- a __metatable field protects the metatable.
local t = setmetatable({}, {__metatable = false})
print(getmetatable(t)) -- expect: false
setmetatable(t, {})
-- expect error: cannot change a protected metatable
