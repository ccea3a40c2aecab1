-- error() with level 2 blames the caller's line.
local function check(x)
  if not x then error("check failed", 2) end
end
print("before") -- expect: before
check(false)
-- expect error: base_error_level.lua:6: check failed
