-- Writing to a closed default output file is an error.
local name = os.tmpname()
io.output(name)
io.close()
os.remove(name)
io.write("x")
-- expect error: default output file is closed
