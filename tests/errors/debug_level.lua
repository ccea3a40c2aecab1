-- debug.getlocal checks the stack level.
debug.getlocal(50, 1)
-- expect error: bad argument #1 to 'getlocal' (level out of range)
