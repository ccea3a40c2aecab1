-- comparing a boolean with a number
-- expect error: compare_mixed_le.lua:3: attempt to compare number with boolean
print(true >= 1)
