-- A lines iterator over a closed file raises an error.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local it = f:lines()
f:close()
os.remove(name)
it()
-- expect error: file is already closed
