-- tonumber checks its base.
print(tonumber("z", 36)) -- expect: 35
tonumber("10", 99)
-- expect error: bad argument #2 to 'tonumber' (base out of range)
