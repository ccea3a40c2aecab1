-- numeric for with a non-numeric initial value
-- expect error: for_initial.lua:3: bad 'for' initial value (number expected, got string)
for i = "a", 2 do end
