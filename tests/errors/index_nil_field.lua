-- indexing a nil field
-- expect error: index_nil_field.lua:4: attempt to index a nil value (field 'a')
local t = {}
print(t.a.b)
