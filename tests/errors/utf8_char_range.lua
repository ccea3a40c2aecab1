-- utf8.char accepts code points up to 2^31 - 1
print(utf8.char(0x80000000))
-- expect error: utf8_char_range.lua:2: bad argument #1 to 'char' (value out of range)
