-- os.exit(false) exits with EXIT_FAILURE; to-be-closed variables are not run without the close flag.
local x <close> = setmetatable({}, {__close = function() print("closed") end})
io.stderr:write("failing\n")
os.exit(false)
-- expect error: failing
