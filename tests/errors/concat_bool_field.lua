-- concatenating a boolean field
-- expect error: concat_bool_field.lua:4: attempt to concatenate a boolean value (field 'flag')
local t = {flag = true}
print(t.flag .. "!")
