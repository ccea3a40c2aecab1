-- calling a nil local
-- expect error: call_nil_local.lua:4: attempt to call a nil value (local 'f')
local f
f()
