-- unpacking needs enough data
local data = string.pack("i4", 7)
print(string.unpack("i8", data))
-- expect error: string_unpack_short.lua:3: bad argument #2 to 'unpack' (data string too short)
