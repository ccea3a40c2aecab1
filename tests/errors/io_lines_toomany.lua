-- A lines iterator keeps at most 250 formats.
local t = {}
for i = 1, 251 do t[i] = "l" end
io.lines(nil, table.unpack(t))
-- expect error: bad argument #252 to 'lines' (too many arguments)
