-- length of a number
-- expect error: len_number.lua:3: attempt to get length of a number value
print(#42)
