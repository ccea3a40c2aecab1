-- Unknown read formats are rejected.
io.read("x")
-- expect error: bad argument #1 to 'read' (invalid format)
