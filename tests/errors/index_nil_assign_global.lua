-- assigning a field of a nil global
-- expect error: index_nil_assign_global.lua:3: attempt to index a nil value (global 'missing')
missing.field = 1
