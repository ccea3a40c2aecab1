-- debug.upvaluejoin checks the upvalue indices.
local a, b = 1, 2
local function f() return a end
local function g() return b end
debug.upvaluejoin(f, 1, g, 2)
-- expect error: bad argument #4 to 'upvaluejoin' (invalid upvalue index)
