-- %d needs a float with an exact integer value
local x = 1.5
print(string.format("value: %d", x))
-- expect error: string_format_integer.lua:3: bad argument #2 to 'format' (number has no integer representation)
