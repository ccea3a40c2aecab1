-- arithmetic on a nil field
-- expect error: arith_nil_field.lua:4: attempt to perform arithmetic on a nil value (field 'count')
local t = {}
print(t.count + 1)
