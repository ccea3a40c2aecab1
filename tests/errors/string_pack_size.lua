-- integer sizes are limited to 1..16 bytes
print(string.pack("i17", 1))
-- expect error: string_pack_size.lua:2: integral size (17) out of limits [1,16]
