-- a value that does not fit the requested size
print(string.pack("i1", 200))
-- expect error: string_pack_overflow.lua:2: bad argument #2 to 'pack' (integer overflow)
