-- indexing a nil local
-- expect error: index_nil_local.lua:4: attempt to index a nil value (local 'a')
local a
print(a.x)
