-- a table replacement must give a string, a number, false or nil
local t = {b = {}}
print(("abc"):gsub("%a", t))
-- expect error: string_gsub_replacement.lua:3: invalid replacement value (a table)
