-- string.char takes byte values only
print(string.char(72, 105, 300))
-- expect error: string_char_range.lua:2: bad argument #3 to 'char' (value out of range)
