-- errors inside a wrapped coroutine propagate with the position of the wrap call prepended.
local f = coroutine.wrap(function() error("inside") end)
f()
-- expect error: coroutine_wrap_error.lua:3: coroutine_wrap_error.lua:2: inside
