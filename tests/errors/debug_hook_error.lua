-- An error raised by a hook function propagates to the hooked code.
local n = 0
debug.sethook(function(ev, line)
  n = n + 1
  if n == 3 then error("raised from hook") end
end, "l")
local x = 1
x = x + 1
x = x + 1
x = x + 1
print("not reached")
-- expect error: raised from hook
