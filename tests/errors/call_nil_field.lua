-- calling a missing field
-- expect error: call_nil_field.lua:4: attempt to call a nil value (field 'missing')
local t = {}
t.missing()
