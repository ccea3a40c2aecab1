-- numeric for with a zero step
-- expect error: for_step_zero.lua:3: 'for' step is zero
for i = 1, 10, 0 do end
