-- syntax: malformed number
-- expect error: syntax_malformed_number.lua:3: malformed number near '3x'
local n = 3x
