-- string.format rejects a width of more than two digits
local n = 1
print(string.format("%10.123d", n))
-- expect error: string_format_conversion.lua:3: invalid conversion
