-- numeric for with a non-numeric limit
-- expect error: for_limit.lua:4: bad 'for' limit (number expected, got table)
local lim = {}
for i = 1, lim do end
