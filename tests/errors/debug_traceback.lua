-- The CLI appends a traceback to uncaught errors.
local function inner() error("deep failure") end
local function outer() inner() end
outer()
-- expect error: debug_traceback.lua:2: deep failure
-- expect error: stack traceback:
-- expect error: in upvalue 'inner'
-- expect error: in local 'outer'
-- expect error: in main chunk
