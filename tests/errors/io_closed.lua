-- Using a closed file handle is an error.
local f = assert(io.open(os.tmpname(), "w"))
f:close()
f:write("x")
-- expect error: attempt to use a closed file
