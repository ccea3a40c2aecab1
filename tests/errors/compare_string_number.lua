-- comparing a string with a number
-- expect error: compare_string_number.lua:3: attempt to compare string with number
print("10" <= 5)
