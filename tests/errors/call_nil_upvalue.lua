-- calling a nil upvalue
-- expect error: call_nil_upvalue.lua:4: attempt to call a nil value (upvalue 'cb')
local cb
local function run() cb() end
run()
