-- indexing a nil upvalue
-- expect error: index_nil_upvalue.lua:4: attempt to index a nil value (upvalue 'cfg')
local cfg
local function get() return cfg.key end
get()
