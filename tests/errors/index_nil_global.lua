-- indexing a nil global
-- expect error: index_nil_global.lua:3: attempt to index a nil value (global 'a')
print(a.x)
