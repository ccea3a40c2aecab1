-- error with level 2 blames the caller
-- expect error: error_level2.lua:5: check failed
local function check(x) if not x then error("check failed", 2) end end
check(true)
check(false)
