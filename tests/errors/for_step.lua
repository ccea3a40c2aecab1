-- numeric for with a non-numeric step
-- expect error: for_step.lua:3: bad 'for' step (number expected, got nil)
for i = 1, 10, nil do end
